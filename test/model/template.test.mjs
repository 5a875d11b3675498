// Loading real-world SAM templates: hello world, a multi-function app with Globals, a JSON template.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { lib } from '../helpers/invoke.mjs';
import { fixture, locationOf } from './helpers.mjs';

describe('hello world template', () => {
  const file = fixture('hello-world', 'template.yaml');
  const model = lib.loadTemplate(file);

  test('reads the function with its settings and Lambda defaults', () => {
    assert.equal(model.file, file);
    assert.equal(model.dir, path.dirname(file));
    assert.equal(model.functions.length, 1);
    const fn = model.functions[0];
    assert.equal(fn.logicalId, 'HelloWorldFunction');
    assert.equal(fn.functionName, 'HelloWorldFunction');
    assert.equal(fn.resourceType, 'AWS::Serverless::Function');
    assert.equal(fn.packageType, 'Zip');
    assert.equal(fn.codeDir, fixture('hello-world', 'hello-world'));
    assert.equal(fn.handler, 'app.lambdaHandler');
    assert.equal(fn.runtime, 'nodejs20.x');
    assert.equal(fn.memorySize, 128);
    assert.equal(fn.timeout, 3);
    assert.equal(fn.architecture, 'x86_64');
    assert.equal(fn.ephemeralStorage, 512);
    assert.deepEqual(fn.logging, { logFormat: 'Text' });
    assert.deepEqual(fn.environment, {});
    assert.deepEqual(fn.layers, []);
    assert.deepEqual(fn.remoteLayers, []);
    assert.equal(fn.functionUrl, undefined);
    assert.equal(fn.build, undefined);
  });

  test('keeps the Api event and where the function, its Handler and the event are written', () => {
    const fn = model.functions[0];
    assert.deepEqual(fn.events, [{
      id: 'HelloWorld', type: 'Api', properties: { Path: '/hello', Method: 'get' },
      location: locationOf(file, 'HelloWorld:', 'Events:'),
    }]);
    assert.deepEqual(fn.location, { file, line: 14, column: 3 });
    assert.deepEqual(fn.handlerLocation, { file, line: 18, column: 7 });
  });

  test('has no warnings (Outputs are not resolved)', () => {
    assert.deepEqual(model.warnings, []);
    assert.deepEqual(model.parameters, {});
  });
});

describe('sam-app template (Globals, Parameters, layers, several functions)', () => {
  const file = fixture('sam-app', 'template.yaml');
  const model = lib.loadTemplate(file);
  const fn = (id) => lib.findFunction(model, id);

  test('lists the functions of both resource types in template order', () => {
    assert.deepEqual(model.functions.map((f) => [f.logicalId, f.resourceType]), [
      ['ApiFunction', 'AWS::Serverless::Function'],
      ['WorkerFunction', 'AWS::Serverless::Function'],
      ['NoGlobalsFunction', 'AWS::Serverless::Function'],
      ['LegacyFunction', 'AWS::Lambda::Function'],
    ]);
  });

  test('merges Globals.Function like SAM: scalars replaced, maps merged, Environment.Variables merged', () => {
    const api = fn('ApiFunction');
    assert.equal(api.runtime, 'nodejs20.x'); // from Globals
    assert.equal(api.timeout, 10); // from Globals
    assert.equal(api.memorySize, 1024); // own value wins
    assert.equal(api.architecture, 'arm64'); // from Globals
    assert.equal(api.logging.logFormat, 'JSON');
    assert.equal(api.logging.applicationLogLevel, 'INFO'); // !If [VerboseDev, DEBUG, INFO]
    assert.deepEqual(Object.keys(api.environment).slice(0, 4), ['STAGE', 'LOG_LEVEL', 'TABLE_NAME', 'POWERTOOLS_SERVICE_NAME']);
    assert.equal(api.environment.STAGE, 'dev');
    assert.equal(api.environment.TABLE_NAME, 'orders-dev');
    assert.equal(api.environment.QUEUE_URL, 'https://sqs.us-east-1.amazonaws.com/123456789012/orders-queue');

    const worker = fn('WorkerFunction');
    assert.equal(worker.environment.STAGE, 'dev-worker'); // own variable overrides the global one
    assert.equal(worker.environment.POWERTOOLS_SERVICE_NAME, 'orders');
    assert.equal(worker.architecture, 'x86_64'); // Architectures is replaced, not concatenated
    assert.deepEqual(worker.logging, { logFormat: 'Text', applicationLogLevel: 'INFO', logGroup: '/custom/dev/worker' });
  });

  test('concatenates Layers from Globals first, like SAM, and resolves local layers to their folders', () => {
    assert.deepEqual(fn('ApiFunction').layers.map((l) => l.logicalId), ['SharedLayer', 'DepsLayer']);
    assert.deepEqual(fn('ApiFunction').remoteLayers, ['arn:aws:lambda:us-east-1:017000801446:layer:AWSLambdaPowertoolsTypeScriptV2:12']);
    assert.deepEqual(fn('WorkerFunction').layers.map((l) => l.contentDir), [fixture('sam-app', 'layers', 'shared'), fixture('sam-app', 'layers', 'deps')]);
    assert.deepEqual(fn('LegacyFunction').layers.map((l) => l.logicalId), ['SharedLayer']);
  });

  test('a function-level !If with AWS::NoValue removes the property (it does not fall back to Globals)', () => {
    assert.equal(fn('WorkerFunction').timeout, 3);
    assert.equal(fn('WorkerFunction').memorySize, 512); // !Ref WorkerMemory (Number parameter)
    assert.equal('PROD_ONLY' in fn('ApiFunction').environment, false);
  });

  test('IgnoreGlobals: "*" leaves Globals out', () => {
    const plain = fn('NoGlobalsFunction');
    assert.equal(plain.timeout, 3);
    assert.equal(plain.memorySize, 128);
    assert.deepEqual(plain.environment, {});
    assert.deepEqual(plain.layers, []);
    assert.deepEqual(plain.logging, { logFormat: 'Text' });
  });

  test('coerces environment values to strings as written', () => {
    const env = fn('ApiFunction').environment;
    assert.equal(env.FEATURE_FLAG, 'true');
    assert.equal(env.MAX_ITEMS, '50');
    assert.equal(env.RATIO, '1.50');
    assert.equal(env.API_KEY, 'local-secret'); // NoEcho parameters are fine locally
    assert.equal(env.ALLOWED_ORIGINS, 'https://example.com,https://admin.example.com');
    assert.equal(env.RETENTION_DAYS, '7');
  });

  test('FunctionName, Description, EphemeralStorage, FunctionUrlConfig and esbuild Metadata', () => {
    const api = fn('ApiFunction');
    assert.equal(api.functionName, 'orders-api-dev');
    assert.equal(api.description, 'REST and HTTP API for orders');
    assert.equal(api.ephemeralStorage, 1024);
    assert.deepEqual(api.functionUrl, {
      authType: 'NONE', invokeMode: 'BUFFERED',
      cors: { AllowOrigins: ['https://example.com', 'https://admin.example.com'], AllowMethods: ['GET', 'POST'] },
    });
    assert.deepEqual(api.build, {
      method: 'esbuild',
      properties: { Minify: true, Target: 'es2020', Sourcemap: true, EntryPoints: ['app.ts'] },
    });
    assert.equal(lib.findFunction(model, 'orders-api-dev'), api);
  });

  test('AWS::Lambda::Function with a local Code path, its settings and its AWS::Lambda::Url', () => {
    const legacy = fn('LegacyFunction');
    assert.equal(legacy.functionName, 'legacy-orders');
    assert.equal(legacy.codeDir, fixture('sam-app', 'src', 'legacy'));
    assert.equal(legacy.handler, 'index.handler');
    assert.equal(legacy.runtime, 'nodejs18.x');
    assert.equal(legacy.memorySize, 2048);
    assert.equal(legacy.timeout, 900);
    assert.equal(legacy.architecture, 'arm64');
    assert.equal(legacy.ephemeralStorage, 2048);
    assert.deepEqual(legacy.logging, { logFormat: 'JSON', applicationLogLevel: 'WARN', systemLogLevel: 'DEBUG' });
    assert.deepEqual(legacy.environment, { TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:OrdersTopic', PARTITION: 'aws' });
    assert.deepEqual(legacy.functionUrl, { authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' });
    assert.deepEqual(legacy.events, []);
    assert.deepEqual(legacy.location, locationOf(file, 'LegacyFunction:'));
    assert.deepEqual(legacy.handlerLocation, locationOf(file, 'Handler:', 'LegacyFunction:'));
  });

  test('lists the local layers of both resource types with their folders, runtimes and locations', () => {
    assert.deepEqual(model.layers, [
      {
        logicalId: 'SharedLayer', contentDir: fixture('sam-app', 'layers', 'shared'), location: locationOf(file, 'SharedLayer:\n'),
        compatibleRuntimes: ['nodejs20.x', 'nodejs18.x'], build: { method: 'nodejs20.x', properties: {} },
      },
      {
        logicalId: 'DepsLayer', contentDir: fixture('sam-app', 'layers', 'deps'), location: locationOf(file, 'DepsLayer:\n'),
        compatibleRuntimes: ['python3.12'],
      },
    ]);
    assert.equal(fn('ApiFunction').layers[0], model.layers[0]);
  });

  test('Handler inherited from nowhere else is located where written; Handler from the resource', () => {
    assert.deepEqual(fn('WorkerFunction').handlerLocation, locationOf(file, 'Handler: worker.handler'));
  });

  test('parameter values after defaults, lists joined with commas', () => {
    assert.deepEqual(model.parameters, {
      Stage: 'dev', LogLevel: 'INFO', WorkerMemory: '512',
      AllowedOrigins: 'https://example.com, https://admin.example.com', ApiKey: 'local-secret', DbUrlParam: '/orders/db-url',
    });
  });

  test('warns about the SSM parameter only', () => {
    assert.deepEqual(model.warnings.map((w) => w.message), [
      "Parameter DbUrlParam is read from SSM Parameter Store when deployed — locally it is the parameter name '/orders/db-url'; pass --parameter-overrides DbUrlParam=<value> to set it",
    ]);
    assert.deepEqual(model.warnings[0].location, locationOf(file, 'DbUrlParam:'));
  });

  test('overrides change conditions, names and ARNs everywhere', () => {
    const prod = lib.loadTemplate(file, { parameterOverrides: { Stage: 'prod', WorkerMemory: '2048' }, region: 'eu-west-1', accountId: '999999999999' });
    const api = lib.findFunction(prod, 'ApiFunction');
    assert.equal(api.functionName, 'orders-api-prod');
    assert.equal(api.environment.PROD_ONLY, 'yes');
    assert.equal(api.environment.RETENTION_DAYS, '30');
    assert.equal(api.environment.QUEUE_ARN, 'arn:aws:sqs:eu-west-1:999999999999:orders-queue');
    assert.deepEqual(api.remoteLayers.at(-1), 'arn:aws:lambda:us-east-1:123456789012:layer:prod-only:1');
    assert.equal(lib.findFunction(prod, 'WorkerFunction').timeout, 60);
    assert.equal(lib.findFunction(prod, 'WorkerFunction').memorySize, 2048);
    assert.equal(prod.parameters.Stage, 'prod');
  });
});

describe('JSON template', () => {
  const file = fixture('json-app', 'template.json');
  const model = lib.loadTemplate(file);

  test('reads long-form intrinsics, Globals and Conditions, with locations', () => {
    const [report] = model.functions;
    assert.equal(report.functionName, 'report-dev');
    assert.equal(report.codeDir, fixture('json-app', 'functions', 'report'));
    assert.equal(report.timeout, 30);
    assert.equal(report.memorySize, 512);
    assert.deepEqual(report.environment, { STAGE: 'dev', BUCKET: 'reports-dev', BUCKET_ARN: 'arn:aws:s3:::reports-dev', WORKERS: '4' });
    assert.deepEqual(report.events, [{
      id: 'Nightly', type: 'Schedule', properties: { Schedule: 'cron(0 2 * * ? *)', Enabled: false },
      location: locationOf(file, '"Nightly"'),
    }]);
    assert.deepEqual(report.location, locationOf(file, '"ReportFunction"'));
    assert.deepEqual(report.handlerLocation, locationOf(file, '"Handler"'));
    assert.deepEqual(model.warnings, []);
  });
});

describe('CDK-synthesized template', () => {
  test('reads the code from the asset folder named in Metadata, without warning about asset parameters', () => {
    const model = lib.loadTemplate(fixture('cdk', 'OrdersStack.template.json'));
    const [fn] = model.functions;
    assert.equal(fn.logicalId, 'OrdersHandler5E6F7A8B');
    assert.equal(fn.codeDir, fixture('cdk', 'asset.6d3b1b6a9a7f'));
    assert.equal(fn.handler, 'index.handler');
    assert.deepEqual(model.warnings, []);
  });
});

describe('code that is not in a local folder', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lwb-model-'));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'template.yaml');

  test('CodeUri in S3, inline code and Image functions load with warnings', () => {
    const model = lib.parseTemplateText(`Resources:
  FromS3:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: s3://artifacts/hello.zip
      Handler: app.handler
      Runtime: nodejs20.x
  FromBucketKey:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: {Bucket: artifacts, Key: hello.zip}
      Handler: app.handler
      Runtime: nodejs20.x
  Inline:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler
      Runtime: python3.12
      Code:
        ZipFile: |
          def handler(event, context):
              return "inline"
  Container:
    Type: AWS::Serverless::Function
    Properties:
      PackageType: Image
      ImageUri: hello:latest
`, file);
    assert.deepEqual(model.functions.map((f) => [f.logicalId, f.packageType, f.codeDir]), [
      ['FromS3', 'Zip', dir], ['FromBucketKey', 'Zip', dir], ['Inline', 'Zip', dir], ['Container', 'Image', dir],
    ]);
    const [, , inline, container] = model.functions;
    assert.equal(inline.inlineCode, 'def handler(event, context):\n    return "inline"\n');
    assert.equal(container.imageUri, 'hello:latest');
    assert.equal(container.handler, undefined);
    assert.equal(container.runtime, undefined);
    assert.deepEqual(model.warnings.map((w) => [w.location.line, w.message]), [
      [5, "CodeUri of FromS3 is not a local folder (s3://artifacts/hello.zip) — its code is not on this machine; point it at a local folder to run it here"],
      [11, 'CodeUri of FromBucketKey is not a local folder ({"Bucket":"artifacts","Key":"hello.zip"}) — its code is not on this machine; point it at a local folder to run it here'],
      [20, 'Inline has its code inline (Code.ZipFile) — it is not on disk; to invoke it locally, move the code into a folder and point CodeUri/Code at it'],
    ]);
  });

  test('parseTemplateText resolves CodeUri against the given file (unsaved editor buffers)', () => {
    const model = lib.parseTemplateText('Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.b\n      Runtime: nodejs20.x\n', file);
    assert.equal(model.functions[0].codeDir, dir);
    assert.equal(model.file, file);
  });
});

describe('findTemplate', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lwb-find-'));
  test.after(() => rmSync(dir, { recursive: true, force: true }));

  test('prefers template.yaml, then template.yml, then template.json', () => {
    assert.equal(lib.findTemplate(dir), undefined);
    writeFileSync(path.join(dir, 'template.json'), '{}');
    assert.equal(lib.findTemplate(dir), path.join(dir, 'template.json'));
    writeFileSync(path.join(dir, 'template.yml'), '');
    assert.equal(lib.findTemplate(dir), path.join(dir, 'template.yml'));
    writeFileSync(path.join(dir, 'template.yaml'), '');
    assert.equal(lib.findTemplate(dir), path.join(dir, 'template.yaml'));
  });
});
