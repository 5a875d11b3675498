// The command-line contract (DESIGN.md): payload on stdout, log on stderr, exit 0 / 1 / 2, one-line errors.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { root } from '../helpers/invoke.mjs';

const cli = path.join(root, 'dist', 'cli.js');
const fixtures = path.join(root, 'test', 'fixtures', 'cli');
const hello = path.join(root, 'examples', 'hello');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lwb-cli-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI to completion; resolves with { code, stdout, stderr }. */
function run(args, { cwd = hello, input, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ...env } });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
    child.stdin.end(input);
  });
}

function assertOneLineError(result, pattern) {
  assert.equal(result.code, 2, result.stderr);
  assert.equal(result.stdout, '');
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `expected one line, got:\n${result.stderr}`);
  assert.match(lines[0], /^lambda-workbench: /);
  assert.match(lines[0], pattern);
}

describe('invoke', () => {
  it('prints the payload on stdout and the Lambda log on stderr, exit 0', async () => {
    const result = await run(['invoke', 'HelloNodeFunction', '-e', 'events/HelloNodeFunction/get-hello.json']);
    assert.equal(result.code, 0, result.stderr);
    const payload = JSON.parse(result.stdout);
    assert.equal(payload.statusCode, 200);
    assert.equal(JSON.parse(payload.body).message, 'Hello, Ada!');
    const lines = result.stderr.split('\n').slice(0, -1);
    assert.match(lines[0], /^INIT_START Runtime Version: nodejs:20\.v\d+\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/);
    assert.match(lines[1], /^START RequestId: [0-9a-f-]{36} Version: \$LATEST$/);
    assert.match(lines[2], /^\d{4}-\d\d-\d\dT[\d:.]+Z\t[0-9a-f-]{36}\tINFO\tgreeting Ada in dev$/);
    assert.match(lines[3], /^END RequestId: [0-9a-f-]{36}$/);
    assert.match(lines[4], /^REPORT RequestId: [0-9a-f-]{36}\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms\t$/);
    assert.equal(lines.length, 5);
    // The payload's request id is the one of the log lines.
    assert.ok(lines[1].includes(JSON.parse(payload.body).requestId));
  });

  it('runs a Python function from the same template', async () => {
    const result = await run(['invoke', 'HelloPythonFunction', '-e', 'events/HelloPythonFunction/scheduled.json']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '{"invocations": 1, "function": "HelloPythonFunction", "source": "aws.events"}');
    assert.match(result.stderr, /\[INFO\]\t\S+Z\t[0-9a-f-]{36}\tscheduled run at 2026-11-26T12:00:00Z\n/);
  });

  it('exits 1 with the error document on stdout when the function fails', async () => {
    const result = await run(['invoke', 'FailFunction', '--event-json', '{}'], { cwd: path.join(fixtures, 'two-fns') });
    assert.equal(result.code, 1, result.stderr);
    const payload = JSON.parse(result.stdout);
    assert.equal(payload.errorType, 'TypeError');
    assert.equal(payload.errorMessage, 'no such thing');
    assert.ok(Array.isArray(payload.trace));
    // LoggingConfig.LogFormat: JSON makes the platform lines JSON records.
    const records = result.stderr.trimEnd().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(records.map((r) => r.type ?? r.level), ['platform.initStart', 'platform.start', 'INFO', 'ERROR', 'platform.report']);
    assert.equal(records.at(-1).record.status, 'error');
    assert.equal(records.at(-1).record.errorType, 'TypeError');
  });

  it('reads the event from standard input with -e -', async () => {
    const result = await run(['invoke', 'EnvFunction', '-e', '-'], { cwd: path.join(fixtures, 'two-fns'), input: '{"from":"stdin"}' });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).event, { from: 'stdin' });
  });

  it('finds a function by its FunctionName and applies --parameter-overrides and --env-vars', async () => {
    const envFile = path.join(scratch, 'env.json');
    fs.writeFileSync(envFile, JSON.stringify({ Parameters: { COLOR: 'green' }, EnvFunction: { EXTRA: 'yes' } }));
    const result = await run(['invoke', 'env-reader', '--parameter-overrides', 'Stage=prod', '--env-vars', envFile], { cwd: path.join(fixtures, 'two-fns') });
    assert.equal(result.code, 0, result.stderr);
    const payload = JSON.parse(result.stdout);
    assert.deepEqual({ stage: payload.stage, color: payload.color, extra: payload.extra, name: payload.name }, { stage: 'prod', color: 'green', extra: 'yes', name: 'env-reader' });
  });

  it('runs a handler without a template', async () => {
    const dir = path.join(scratch, 'bare');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'index.mjs'), 'export const handler = async (e) => ({ twice: e.n * 2 });\n');
    const result = await run(['invoke', '--handler', 'index.handler', '--runtime', 'nodejs20.x', '--event-json', '{"n":21}'], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '{"twice":42}');
  });

  it('switches the log to JSON with --log-format json', async () => {
    const result = await run(['invoke', 'HelloNodeFunction', '--log-format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const types = result.stderr.trimEnd().split('\n').map((line) => JSON.parse(line).type ?? 'app');
    assert.deepEqual(types, ['platform.initStart', 'platform.start', 'app', 'platform.report']);
  });
});

describe('invoke: bad input gets one line and exit 2', () => {
  it('no template', async () => {
    assertOneLineError(await run(['invoke'], { cwd: scratch }), /No template\.yaml or template\.yml in .* — pass -t TEMPLATE/);
  });

  it('YAML syntax error names file:line:col', async () => {
    const result = await run(['invoke'], { cwd: path.join(fixtures, 'bad-yaml') });
    assertOneLineError(result, /bad-yaml\/template\.yaml:8:16: Nested mappings are not allowed/);
  });

  it('unknown function lists the known ones', async () => {
    assertOneLineError(await run(['invoke', 'Nope']), /Nope.*HelloNodeFunction, HelloTsFunction, HelloPythonFunction/);
  });

  it('several functions and none named', async () => {
    assertOneLineError(await run(['invoke']), /HelloNodeFunction, HelloTsFunction, HelloPythonFunction/);
  });

  it('handler file missing', async () => {
    const dir = path.join(scratch, 'empty');
    fs.mkdirSync(dir, { recursive: true });
    assertOneLineError(await run(['invoke', '--handler', 'app.handler', '--runtime', 'nodejs20.x'], { cwd: dir }), /Handler 'app\.handler'.*create it or fix Handler/);
  });

  it('invalid event JSON names the file and position', async () => {
    const file = path.join(scratch, 'bad.json');
    fs.writeFileSync(file, '{\n  "a": 1,\n  "b": oops\n}\n');
    const result = await run(['invoke', 'HelloNodeFunction', '-e', file]);
    assertOneLineError(result, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:8: invalid event JSON`));
  });

  it('event over 6 MB', async () => {
    const file = path.join(scratch, 'big.json');
    fs.writeFileSync(file, JSON.stringify({ data: 'x'.repeat(6 * 1024 * 1024) }));
    assertOneLineError(await run(['invoke', 'HelloNodeFunction', '-e', file]), /Request must be smaller than 6291456 bytes/);
  });

  it('reserved environment variable', async () => {
    assertOneLineError(await run(['invoke'], { cwd: path.join(fixtures, 'reserved-env') }), /'AWS_REGION' of Fn is reserved by Lambda/);
  });

  it('invalid environment variable key from --env-vars', async () => {
    const envFile = path.join(scratch, 'bad-env.json');
    fs.writeFileSync(envFile, JSON.stringify({ Parameters: { '1BAD': 'x' } }));
    assertOneLineError(await run(['invoke', 'HelloNodeFunction', '--env-vars', envFile]), /'1BAD' of HelloNodeFunction is invalid/);
  });

  it('a CodeUri that does not exist', async () => {
    assertOneLineError(await run(['invoke'], { cwd: path.join(fixtures, 'missing-code') }), /does-not-exist/);
  });

  it('an unsupported runtime lists the supported ones', async () => {
    assertOneLineError(await run(['invoke'], { cwd: path.join(fixtures, 'unsupported') }), /java21.*nodejs20\.x.*python3\.12.*provided\.al2023/);
  });

  it('an unknown option', async () => {
    assertOneLineError(await run(['invoke', '--nope']), /--nope/);
  });
});

describe('list and help', () => {
  it('lists functions with runtime, handler, limits and triggers', async () => {
    const result = await run(['list']);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^FUNCTION\s+NAME\s+RUNTIME\s+HANDLER\s+MEMORY\s+TIMEOUT\s+TRIGGERS$/);
    assert.match(lines[1], /^HelloNodeFunction\s+HelloNodeFunction\s+nodejs20\.x\s+app\.handler\s+128 MB\s+5 s\s+GetHello \(Api\)$/);
    assert.match(lines[2], /^HelloTsFunction\s+HelloTsFunction\s+nodejs20\.x\s+app\.handler\s+128 MB\s+5 s\s*$/);
    assert.match(lines[3], /^HelloPythonFunction\s+.*EveryFiveMinutes \(Schedule\)$/);
  });

  it('list --json gives the model', async () => {
    const result = await run(['list', '--json']);
    const model = JSON.parse(result.stdout);
    assert.deepEqual(model.functions.map((f) => f.logicalId), ['HelloNodeFunction', 'HelloTsFunction', 'HelloPythonFunction']);
    assert.equal(model.functions[0].environment.STAGE, 'dev');
  });

  it('--help for each command, exit 0; no command, exit 2', async () => {
    for (const command of ['invoke', 'list']) {
      const result = await run([command, '--help']);
      assert.equal(result.code, 0);
      assert.match(result.stdout, new RegExp(`^Usage: lambda-workbench ${command}`));
    }
    const bare = await run([]);
    assert.equal(bare.code, 2);
    assert.match(bare.stdout, /^Usage: lambda-workbench <command>/);
  });
});
