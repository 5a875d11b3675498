// `lambda-workbench events list | generate | for`, called in-process with a fake CliIO. The command module is not
// part of dist/lib.js, so the test bundles src/cli/events.ts itself with esbuild.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import * as esbuild from 'esbuild';
import { root } from '../helpers/invoke.mjs';

const require = createRequire(import.meta.url);
const project = path.join(root, 'test', 'fixtures', 'events', 'project');
const rendered = (service, type) => JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'events', 'rendered', service, `${type}.json`), 'utf8'));
const outDir = mkdtempSync(path.join(os.tmpdir(), 'lwb-events-cli-'));
let eventsCommand;

before(async () => {
  const outfile = path.join(outDir, 'events-cli.js');
  await esbuild.build({ entryPoints: [path.join(root, 'src', 'cli', 'events.ts')], outfile, bundle: true, platform: 'node',
    format: 'cjs', target: 'node20', external: ['vscode', 'esbuild'], logLevel: 'silent' });
  ({ eventsCommand } = require(outfile));
});
after(() => rmSync(outDir, { recursive: true, force: true }));

async function run(args, { cwd = project, env = {} } = {}) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (text) => { stdout += text.toString(); },
    stderr: (text) => { stderr += text; },
    cwd, env, stderrIsTTY: false, readStdin: async () => Buffer.alloc(0),
  };
  const code = await eventsCommand(args, io);
  return { code, stdout, stderr };
}

function assertUsageError(result, pattern) {
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.match(result.stderr.trimEnd(), pattern);
  assert.equal(result.stderr.trimEnd().includes('\n'), false, `one line: ${result.stderr}`);
  assert.ok(result.stderr.endsWith('\n'));
}

test('events list: a table of service, type and description for all 68 event types', async () => {
  const { code, stdout, stderr } = await run(['list']);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  const lines = stdout.trimEnd().split('\n');
  assert.match(lines[0], /^SERVICE\s+TYPE\s+DESCRIPTION$/);
  assert.equal(lines.length, 69);
  assert.ok(lines.some((line) => /^s3\s+put\s+Generates an Amazon S3 Put Event$/.test(line)));
  assert.ok(lines.some((line) => /^apigateway\s+aws-proxy\s+Generates an Amazon API Gateway AWS Proxy Event$/.test(line)));
  const typeColumn = lines[0].indexOf('TYPE');
  for (const line of lines.slice(1)) assert.notEqual(line[typeColumn - 1], undefined);
  const one = await run(['list', 's3']);
  assert.equal(one.stdout.trimEnd().split('\n').length, 4);
  assertUsageError(await run(['list', 's4']), /^lambda-workbench: unknown event service "s4"; valid services: alb, /);
});

test('events generate: the JSON event on stdout, two-space indented like SAM', async () => {
  const { code, stdout, stderr } = await run(['generate', 's3', 'put']);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  assert.equal(stdout, `${JSON.stringify(rendered('s3', 'put'), null, 2)}\n`);
  assert.equal(stdout, readFileSync(path.join(root, 'test', 'fixtures', 'events', 'rendered', 's3', 'put.json'), 'utf8'));
});

test('events generate: --KEY VALUE and --KEY=VALUE set parameters, with their encodings', async () => {
  const { code, stdout } = await run(['generate', 'sqs', 'receive-message', '--body', 'hi there', '--queue-name=jobs', '--region', 'eu-west-1']);
  assert.equal(code, 0);
  const record = JSON.parse(stdout).Records[0];
  assert.equal(record.body, 'hi there');
  assert.equal(record.md5OfBody, createHash('md5').update('hi there').digest('hex'));
  assert.equal(record.eventSourceARN, 'arn:aws:sqs:eu-west-1:123456789012:jobs');
  const s3 = JSON.parse((await run(['generate', 's3', 'put', '--key', 'a b/c.txt'])).stdout);
  assert.equal(s3.Records[0].s3.object.key, 'a%20b/c.txt');
});

test('events generate: usage errors are one line on stderr with exit 2', async () => {
  assertUsageError(await run(['generate', 's3', 'put', '--colour', 'red']),
    /^lambda-workbench: unknown option --colour for s3 put — valid options: --region, --partition, --bucket, --key$/);
  assertUsageError(await run(['generate', 's3', 'put', '--key']), /^lambda-workbench: option --key needs a value$/);
  assertUsageError(await run(['generate', 's3', 'put', 'extra']), /^lambda-workbench: unexpected argument 'extra' for s3 put/);
  assertUsageError(await run(['generate', 's3', 'get']), /^lambda-workbench: unknown event type "get" for service s3; valid types: batch-invocation, delete, put$/);
  assertUsageError(await run(['generate', 's3']), /^lambda-workbench: events generate s3 needs an event TYPE: batch-invocation, delete, put$/);
  assertUsageError(await run(['generate', 'nope', 'x']), /^lambda-workbench: unknown event service "nope"/);
  const bare = await run(['generate']);
  assert.equal(bare.code, 2);
});

test('events generate SERVICE TYPE --help lists the options and their defaults', async () => {
  const { code, stdout } = await run(['generate', 'sqs', 'receive-message', '--help']);
  assert.equal(code, 0);
  assert.match(stdout, /Generates an Amazon SQS Event/);
  assert.match(stdout, /--queue-name\s+MyQueue/);
  assert.match(stdout, /--body\s+Hello from SQS!/);
});

test('events for FUNCTION TRIGGER: the event generated from the template', async () => {
  const api = await run(['for', 'ApiFunction', 'GetItem']);
  assert.equal(api.code, 0, api.stderr);
  const event = JSON.parse(api.stdout);
  assert.equal(event.resource, '/items/{id}');
  assert.equal(event.path, '/items/1');
  assert.ok(api.stdout.startsWith('{\n  "'));
  const s3 = JSON.parse((await run(['for', 'ApiFunction', 'Thumbnail'])).stdout);
  assert.equal(s3.Records[0].s3.bucket.name, 'fixture-uploads');
  assert.equal(s3.Records[0].s3.object.key, 'test/key.png');
  const url = JSON.parse((await run(['for', 'ApiFunction', 'FunctionUrl'])).stdout);
  assert.equal(url.routeKey, '$default');
});

test('events for: the only trigger needs no name; -t, --region and AWS_REGION are honoured', async () => {
  const other = path.join(os.tmpdir());
  const worker = await run(['for', 'WorkerFunction', '-t', path.join(project, 'template.yaml'), '--region', 'eu-west-1'], { cwd: other });
  assert.equal(worker.code, 0, worker.stderr);
  const records = JSON.parse(worker.stdout).Records;
  assert.equal(records.length, 2);
  assert.equal(records[0].eventSourceARN, 'arn:aws:sqs:eu-west-1:123456789012:Orders');
  assert.equal(records[0].awsRegion, 'eu-west-1');
  const fromEnv = JSON.parse((await run(['for', 'ApiFunction', 'GetItem'], { env: { AWS_REGION: 'ap-south-1' } })).stdout);
  assert.equal(fromEnv.requestContext.domainName, '1234567890.execute-api.ap-south-1.amazonaws.com');
});

test('events for: unknown function or trigger, several triggers, no template → one line, exit 2', async () => {
  assertUsageError(await run(['for', 'ApiFunction', 'Nope']),
    /^lambda-workbench: ApiFunction has no trigger 'Nope' — its triggers: GetItem \(Api\), Thumbnail \(S3\), FunctionUrl$/);
  assertUsageError(await run(['for', 'ApiFunction']), /^lambda-workbench: ApiFunction has several triggers: GetItem \(Api\), Thumbnail \(S3\), FunctionUrl — name one$/);
  assertUsageError(await run(['for', 'Missing']), /^lambda-workbench: .*Missing/);
  assertUsageError(await run(['for', 'ApiFunction', 'GetItem'], { cwd: os.tmpdir() }), /^lambda-workbench: No template\.yaml or template\.yml in /);
  assertUsageError(await run(['for', 'ApiFunction', 'GetItem', '--bogus']), /^lambda-workbench: .*--bogus.* — see 'events --help'$/);
});

test('events with no or an unknown subcommand: usage error; --help prints usage', async () => {
  assertUsageError(await run([]), /^lambda-workbench: events needs a subcommand: list, generate or for/);
  assertUsageError(await run(['make']), /^lambda-workbench: unknown events subcommand 'make'/);
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: lambda-workbench events list/);
});
