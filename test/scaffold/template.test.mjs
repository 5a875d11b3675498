// The template side of scaffolding: entries added to an existing template keep every other byte of it (comments,
// blank lines, quoting, odd spacing, CRLF, JSON), a missing template is created, and the sample event written
// beside it matches the resources just added.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { invokeScaffolded, lib, tempDir } from './helpers.mjs';

const read = (file) => fs.readFileSync(file, 'utf8');
const readJson = (file) => JSON.parse(read(file));

/** What adding an SQS-triggered OrdersFunction (nodejs22.x) to the commented fixture inserts, at its 4-space style. */
const ORDERS_BLOCK = `
    # OrdersFunction: reads messages from OrdersQueue, reporting the ones that failed.
    OrdersFunction:
        Type: AWS::Serverless::Function
        Properties:
            CodeUri: orders/
            Handler: app.handler
            Runtime: nodejs22.x
            Architectures:
            - x86_64
            Events:
                Messages:
                    Type: SQS
                    Properties:
                        Queue: !GetAtt OrdersQueue.Arn
                        BatchSize: 10
                        FunctionResponseTypes:
                        - ReportBatchItemFailures

    OrdersQueue:
        Type: AWS::SQS::Queue
`;

/** The offset just after the commented fixture's last resource: its deeper-indented trailing comment included. */
function afterLastResource(text) {
  const marker = '(dropped for now)';
  const at = text.indexOf(marker);
  assert.ok(at > 0);
  return text.indexOf('\n', at) + 1;
}

describe('adding to a commented template', () => {
  it('keeps every original byte and inserts the entries after the last resource, in the file\'s indentation', async () => {
    const dir = tempDir('commented');
    const templateFile = path.join(dir, 'template.yaml');
    const before = read(templateFile);
    const result = lib.newFunction({ templateFile, name: 'OrdersFunction', runtime: 'nodejs22.x', trigger: 'sqs' });
    const at = afterLastResource(before);
    assert.equal(read(templateFile), before.slice(0, at) + ORDERS_BLOCK + before.slice(at));
    assert.equal(result.templateCreated, false);
    // The comment block about a future resource and everything after it stays below the new entries.
    assert.ok(read(templateFile).indexOf('# Future: a receipts queue.') > read(templateFile).indexOf('OrdersQueue:'));
    // The existing functions still load as before, and the new one invokes.
    const model = lib.loadTemplate(templateFile);
    assert.deepEqual(model.functions.map((fn) => fn.logicalId), ['ShopFunction', 'OrdersFunction']);
    assert.equal(lib.findFunction(model, 'ShopFunction').memorySize, 256);
    assert.equal(lib.findFunction(model, 'OrdersFunction').memorySize, 256, 'Globals apply to the new function');
    const invoked = await invokeScaffolded(result);
    assert.deepEqual(invoked.json, { batchItemFailures: [] });
  });

  it('keeps CRLF line endings, writing the new lines with CRLF too', () => {
    const dir = tempDir('commented');
    const templateFile = path.join(dir, 'template.yaml');
    const before = read(templateFile).replace(/\n/g, '\r\n');
    fs.writeFileSync(templateFile, before);
    lib.newFunction({ templateFile, name: 'OrdersFunction', runtime: 'nodejs22.x', trigger: 'sqs' });
    const at = afterLastResource(before);
    assert.equal(read(templateFile), before.slice(0, at) + ORDERS_BLOCK.replace(/\n/g, '\r\n') + before.slice(at));
  });

  it('adds a second function after the first, still touching nothing else', () => {
    const dir = tempDir('commented');
    const templateFile = path.join(dir, 'template.yaml');
    const before = read(templateFile);
    lib.newFunction({ templateFile, name: 'OrdersFunction', runtime: 'nodejs22.x', trigger: 'sqs' });
    lib.newFunction({ templateFile, name: 'Tick', runtime: 'python3.12', trigger: 'schedule' });
    const at = afterLastResource(before);
    const tick = `
    # Tick: runs every five minutes.
    Tick:
        Type: AWS::Serverless::Function
        Properties:
            CodeUri: tick/
            Handler: app.lambda_handler
            Runtime: python3.12
            Architectures:
            - x86_64
            Events:
                EveryFiveMinutes:
                    Type: Schedule
                    Properties:
                        Schedule: rate(5 minutes)
`;
    assert.equal(read(templateFile), before.slice(0, at) + ORDERS_BLOCK + tick + before.slice(at));
  });
});

describe('other template shapes', () => {
  it('a JSON template gets JSON members after its last resource, in its indentation; the rest is unchanged', async () => {
    const dir = tempDir('json');
    const templateFile = path.join(dir, 'template.json');
    const before = read(templateFile);
    const result = lib.newFunction({ templateFile, name: 'UploadsFunction', runtime: 'nodejs20.x', trigger: 's3' });
    const after = read(templateFile);
    const at = before.indexOf('\n    },\n    "Outputs"');
    const inserted = after.slice(at, after.length - (before.length - at));
    assert.equal(before.slice(0, at) + inserted + before.slice(at), after);
    assert.ok(inserted.startsWith(',\n        "UploadsFunction": {\n            "Type": "AWS::Serverless::Function",\n'), inserted);
    const json = JSON.parse(after);
    assert.deepEqual(json.Resources.UploadsFunction.Properties.Events.Upload.Properties.Bucket, { Ref: 'UploadsBucket' });
    assert.deepEqual(json.Resources.UploadsBucket, { Type: 'AWS::S3::Bucket' });
    const invoked = await invokeScaffolded(result);
    assert.ok(invoked.output.some((line) => line.startsWith('ObjectCreated:Put: s3://UploadsBucket/')), invoked.output.join('\n'));
  });

  it('a JSON !GetAtt is written in its long form', () => {
    const dir = tempDir('json');
    const templateFile = path.join(dir, 'template.json');
    lib.newFunction({ templateFile, name: 'Jobs', runtime: 'python3.11', trigger: 'sqs' });
    assert.deepEqual(readJson(templateFile).Resources.Jobs.Properties.Events.Messages.Properties.Queue, { 'Fn::GetAtt': ['JobsQueue', 'Arn'] });
  });

  it('a template without Resources gets the section at its end', () => {
    const dir = tempDir();
    const templateFile = path.join(dir, 'template.yaml');
    const before = 'Transform: AWS::Serverless-2016-10-31\n# nothing here yet'; // no final line break
    fs.writeFileSync(templateFile, before);
    lib.newFunction({ templateFile, name: 'Ping', runtime: 'nodejs22.x' });
    assert.equal(read(templateFile), `${before}

Resources:
  # Ping: invoke it with events/Ping/sample.json.
  Ping:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ping/
      Handler: app.handler
      Runtime: nodejs22.x
      Architectures:
        - x86_64
`);
  });

  it('a byte-order mark stays where it is and is not taken for indentation', () => {
    const dir = tempDir();
    const templateFile = path.join(dir, 'template.yaml');
    const before = '\uFEFFTransform: AWS::Serverless-2016-10-31\n';
    fs.writeFileSync(templateFile, before);
    lib.newFunction({ templateFile, name: 'Ping', runtime: 'nodejs22.x' });
    const text = read(templateFile);
    assert.ok(text.startsWith(`${before}\nResources:\n  # Ping: `), JSON.stringify(text.slice(0, 80)));
  });

  it('an empty Resources section gets the entries on the line after it', () => {
    const dir = tempDir();
    const templateFile = path.join(dir, 'template.yaml');
    fs.writeFileSync(templateFile, 'Transform: AWS::Serverless-2016-10-31\nResources:   # to do\nOutputs: {}\n');
    lib.newFunction({ templateFile, name: 'Ping', runtime: 'python3.13' });
    const text = read(templateFile);
    assert.ok(text.startsWith('Transform: AWS::Serverless-2016-10-31\nResources:   # to do\n  # Ping: invoke it'), text);
    assert.ok(text.endsWith('        - x86_64\nOutputs: {}\n'), text);
    assert.equal(lib.findFunction(lib.loadTemplate(templateFile), 'Ping').runtime, 'python3.13');
  });

  it('a flow-style `Resources: {}` becomes a block mapping holding the new entries', () => {
    const dir = tempDir();
    const templateFile = path.join(dir, 'template.yaml');
    fs.writeFileSync(templateFile, '# a comment\nTransform: AWS::Serverless-2016-10-31\nResources: {}\n');
    lib.newFunction({ templateFile, name: 'Ping', runtime: 'nodejs22.x', trigger: 'dynamodb' });
    const text = read(templateFile);
    assert.ok(text.startsWith('# a comment\nTransform: AWS::Serverless-2016-10-31\nResources:\n'), text);
    assert.match(text, /Stream: !GetAtt PingTable\.StreamArn/);
    assert.deepEqual(lib.loadTemplate(templateFile).functions.map((fn) => fn.logicalId), ['Ping']);
  });
});

describe('a new template', () => {
  it('is created with the SAM header, a Description, Globals and the function', () => {
    const dir = tempDir();
    const templateFile = path.join(dir, 'sub', 'template.yaml');
    const result = lib.newFunction({ templateFile, name: 'HelloFunction', runtime: 'nodejs22.x', trigger: 'api' });
    assert.equal(result.templateCreated, true);
    const text = read(templateFile);
    assert.ok(text.startsWith(`AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: >
  sub: a serverless application made with Lambda Workbench.

Globals:
  Function:
    Timeout: 10
    MemorySize: 128

Resources:
  # HelloFunction: GET /hello on a REST API answers with JSON.
  HelloFunction:
    Type: AWS::Serverless::Function
`), text);
    const fn = lib.findFunction(lib.loadTemplate(templateFile), 'HelloFunction');
    assert.equal(fn.timeout, 10);
    assert.equal(fn.memorySize, 128);
    assert.deepEqual(fn.events.map((e) => [e.id, e.type, e.properties]), [['GetHello', 'Api', { Path: '/hello', Method: 'get' }]]);
    assert.deepEqual(result.filesWritten, [
      path.join(dir, 'sub', 'hello', 'app.mjs'), templateFile, path.join(dir, 'sub', 'events', 'HelloFunction', 'GetHello.json'),
    ]);
  });
});

describe('the sample event', () => {
  const dir = tempDir();
  const templateFile = path.join(dir, 'template.yaml');
  const event = (name, trigger) => readJson(lib.newFunction({ templateFile, name, runtime: 'nodejs22.x', trigger }).eventFile);

  it('S3: the bucket the template declares', () => {
    assert.equal(event('Uploads', 's3').Records[0].s3.bucket.name, 'UploadsBucket');
  });

  it('SQS: the queue\'s ARN and BatchSize records', () => {
    const records = event('Jobs', 'sqs').Records;
    assert.equal(records.length, 10);
    assert.equal(records[0].eventSourceARN, 'arn:aws:sqs:us-east-1:123456789012:JobsQueue');
  });

  it('REST API: the route and method, payload 1.0', () => {
    const request = event('OrderHistory', 'api');
    assert.equal(request.resource, '/order-history');
    assert.equal(request.httpMethod, 'GET');
  });

  it('HTTP API: payload 2.0 with the route key', () => {
    const request = event('Items', 'httpapi');
    assert.equal(request.version, '2.0');
    assert.equal(request.routeKey, 'GET /items');
  });

  it('DynamoDB: records from the table\'s stream', () => {
    assert.match(event('Carts', 'dynamodb').Records[0].eventSourceARN, /^arn:aws:dynamodb:us-east-1:123456789012:table\/CartsTable\/stream\//);
  });

  it('EventBridge: the source and detail-type the rule matches', () => {
    const delivered = event('Prices', 'eventbridge');
    assert.equal(delivered.source, 'com.example.prices');
    assert.equal(delivered['detail-type'], 'Prices Updated');
  });

  it('Schedule: a Scheduled Event; no trigger: a small sample', () => {
    assert.equal(event('Nightly', 'schedule')['detail-type'], 'Scheduled Event');
    assert.deepEqual(event('Direct', 'none'), { name: 'Lambda' });
  });
});

describe('the code', () => {
  it('TypeScript: app.ts typed for its trigger, package.json dev dependencies and the esbuild Metadata', () => {
    const dir = tempDir();
    const templateFile = path.join(dir, 'template.yaml');
    const result = lib.newFunction({ templateFile, name: 'Jobs', runtime: 'nodejs20.x', language: 'typescript', trigger: 'sqs' });
    assert.equal(result.handlerFile, path.join(dir, 'jobs', 'app.ts'));
    const source = read(result.handlerFile);
    assert.match(source, /^import type \{ SQSBatchItemFailure, SQSHandler, SQSRecord \} from 'aws-lambda';$/m);
    assert.equal(source.split('\n')[result.handlerLine - 1], 'export const handler: SQSHandler = async (event) => {');
    assert.deepEqual(Object.keys(readJson(path.join(dir, 'jobs', 'package.json')).devDependencies), ['@types/aws-lambda', 'esbuild']);
    const fn = lib.findFunction(lib.loadTemplate(templateFile), 'Jobs');
    assert.deepEqual(fn.build, {
      method: 'esbuild',
      properties: { Minify: false, Target: 'es2022', Sourcemap: true, EntryPoints: ['app.ts'] },
    });
    assert.equal(fn.handler, 'app.handler');
  });

  it('each trigger\'s TypeScript handler uses its @types/aws-lambda type', () => {
    const dir = tempDir();
    const types = {
      none: 'Handler<GreetingEvent, Greeting>', api: 'APIGatewayProxyHandler', httpapi: 'APIGatewayProxyHandlerV2', s3: 'S3Handler',
      sqs: 'SQSHandler', schedule: 'ScheduledHandler', eventbridge: "EventBridgeHandler<'Ev Updated', EvDetail, void>",
      dynamodb: 'DynamoDBStreamHandler',
    };
    for (const [trigger, type] of Object.entries(types)) {
      const name = trigger === 'eventbridge' ? 'Ev' : `${trigger.charAt(0).toUpperCase()}${trigger.slice(1)}Function`;
      const result = lib.newFunction({ templateFile: path.join(dir, 'template.yaml'), name, runtime: 'nodejs22.x', language: 'typescript', trigger });
      assert.equal(read(result.handlerFile).split('\n')[result.handlerLine - 1], `export const handler: ${type} = async (${trigger === 'none' ? 'event, context' : 'event'}) => {`);
    }
  });

  it('Python: app.py with lambda_handler; JavaScript: app.mjs with an exported handler', () => {
    const dir = tempDir();
    const templateFile = path.join(dir, 'template.yaml');
    const py = lib.newFunction({ templateFile, name: 'Py', runtime: 'python3.13', trigger: 's3' });
    assert.equal(path.basename(py.handlerFile), 'app.py');
    assert.equal(read(py.handlerFile).split('\n')[py.handlerLine - 1], 'def lambda_handler(event, context):');
    const js = lib.newFunction({ templateFile, name: 'Js', runtime: 'nodejs22.x', trigger: 'none' });
    assert.equal(path.basename(js.handlerFile), 'app.mjs');
    assert.equal(read(js.handlerFile).split('\n')[js.handlerLine - 1], 'export const handler = async (event, context) => {');
  });

  it('provided.al2023: an executable bootstrap and function.sh (mode 0755), Handler function.handler', () => {
    const dir = tempDir();
    const templateFile = path.join(dir, 'template.yaml');
    const result = lib.newFunction({ templateFile, name: 'Bash', runtime: 'provided.al2023', trigger: 'api' });
    for (const file of ['bootstrap', 'function.sh']) assert.equal(fs.statSync(path.join(result.codeDir, file)).mode & 0o777, 0o755, file);
    assert.match(read(path.join(result.codeDir, 'bootstrap')), /^#!\/bin\/bash\n/);
    assert.equal(read(result.handlerFile).split('\n')[result.handlerLine - 1], 'handler() {');
    assert.equal(lib.findFunction(lib.loadTemplate(templateFile), 'Bash').handler, 'function.handler');
  });

  it('a custom runtime whose handler fails answers with an error document, and a missing handler fails init', async () => {
    const dir = tempDir();
    const result = lib.newFunction({ templateFile: path.join(dir, 'template.yaml'), name: 'Bash', runtime: 'provided.al2023' });
    fs.appendFileSync(result.handlerFile, 'handler() { echo "boom" >&2; return 3; }\n');
    const failed = await invokeScaffolded(result);
    assert.equal(failed.functionError, 'Unhandled');
    assert.deepEqual(failed.json, { errorType: 'HandlerError', errorMessage: 'handler exited with status 3' });
    assert.ok(failed.output.includes('boom'));
    fs.writeFileSync(result.handlerFile, '# no handler here\n');
    const missing = await invokeScaffolded(result);
    assert.equal(missing.functionError, 'Unhandled');
    assert.equal(missing.json.errorType, 'Runtime.HandlerNotFound');
  });
});
