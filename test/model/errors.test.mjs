// Bad templates fail with one line: `<file>:<line>:<col>: <what is wrong> — <what to do>`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lib } from '../helpers/invoke.mjs';
import { fixture } from './helpers.mjs';

function assertLoadError(name, expected) {
  const file = fixture('errors', name);
  assert.throws(() => lib.loadTemplate(file), (error) => {
    assert.ok(error instanceof lib.TemplateError, `not a TemplateError: ${error}`);
    assert.equal(error.name, 'TemplateError');
    assert.equal(error.message, expected.replaceAll('<file>', file).replaceAll('<dir>', fixture('errors')));
    assert.equal(error.file, file);
    const at = /^[^:]+:(\d+):(\d+): /.exec(error.message);
    assert.equal(error.line, at ? Number(at[1]) : undefined);
    assert.equal(error.column, at ? Number(at[2]) : undefined);
    assert.doesNotMatch(error.message, /\n/);
    return true;
  });
}

describe('template errors', () => {
  test('YAML syntax errors name the line and column', () => {
    assertLoadError('yaml-syntax.yaml', '<file>:8:7: Flow sequence in block collection must be sufficiently indented and end with a ] — fix the YAML syntax');
  });

  test('JSON syntax errors name the line and column (trailing commas are not JSON)', () => {
    assertLoadError('json-syntax.json', '<file>:6:5: Expected double-quoted property name — fix the JSON syntax');
  });

  test('a template without Resources', () => {
    assertLoadError('no-resources.yaml', '<file>: The template has no Resources — add a Resources section with at least one AWS::Serverless::Function');
    assertLoadError('empty-resources.yaml', '<file>:3:1: The template has no Resources — add a Resources section with at least one AWS::Serverless::Function');
  });

  test('a Zip function without Handler or Runtime (Image functions need neither)', () => {
    assertLoadError('missing-handler.yaml', '<file>:7:3: HelloFunction has no Handler — add Handler (e.g. app.handler) under its Properties or Globals.Function');
    assertLoadError('missing-runtime.yaml', '<file>:4:3: HelloFunction has no Runtime — add Runtime (e.g. nodejs20.x or python3.12) under its Properties or Globals.Function');
  });

  test('a CodeUri folder that does not exist, or is a file', () => {
    assertLoadError('missing-codeuri.yaml', "<file>:7:16: CodeUri 'src/x' of HelloFunction does not exist (<dir>/src/x) — create the folder or fix CodeUri");
    assertLoadError('codeuri-file.yaml', "<file>:7:16: CodeUri 'codeuri-file.yaml' of HelloFunction is a file, not a folder (<file>) — point CodeUri at the folder that holds the code");
  });

  test('a layer ContentUri that does not exist', () => {
    assertLoadError('missing-layer.yaml', "<file>:7:19: ContentUri 'layers/deps' of DepsLayer does not exist (<dir>/layers/deps) — create the folder or fix ContentUri");
  });

  test('MemorySize out of 128–10240 and Timeout out of 1–900 (also when set in Globals)', () => {
    assertLoadError('bad-memory.yaml', '<file>:9:19: MemorySize 64 of HelloFunction is not a whole number from 128 to 10240 (MB) — set MemorySize to a whole number of MB from 128 to 10240');
    assertLoadError('bad-timeout.yaml', '<file>:5:14: Timeout 901 of HelloFunction is not a whole number from 1 to 900 (seconds) — set Timeout to a whole number of seconds from 1 to 900');
  });

  test('a missing or unreadable template file', () => {
    const missing = fixture('errors', 'nope.yaml');
    assert.throws(() => lib.loadTemplate(missing), { name: 'TemplateError', message: `${missing}: Template not found — check the path, or pass -t TEMPLATE` });
    assert.throws(() => lib.loadTemplate(fixture('errors')), { message: `${fixture('errors')}: This is a folder, not a template — pass the template file, e.g. template.yaml` });
  });

  test('other settings with clear errors: Architectures, LoggingConfig, FunctionUrlConfig, PackageType', () => {
    const file = fixture('errors', 'inline.yaml');
    const load = (properties) => () => lib.parseTemplateText(`Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.b\n      Runtime: nodejs20.x\n${properties}`, file);
    assert.throws(load('      Architectures: [arm]\n'), { message: `${file}:7:22: Architectures of Fn is ["arm"] — set Architectures to [x86_64] or [arm64]` });
    assert.throws(load('      LoggingConfig:\n        LogFormat: Yaml\n'), { message: `${file}:8:9: LoggingConfig.LogFormat of Fn is "Yaml" — set LogFormat to Text or JSON` });
    assert.throws(load('      LoggingConfig:\n        LogFormat: JSON\n        ApplicationLogLevel: LOUD\n'), { message: `${file}:8:9: LoggingConfig.ApplicationLogLevel of Fn is "LOUD" — set it to one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL` });
    assert.throws(load('      FunctionUrlConfig:\n        Cors: {}\n'), { message: `${file}:8:9: FunctionUrlConfig.AuthType of Fn is missing — set AuthType to NONE or AWS_IAM` });
    assert.throws(load('      EphemeralStorage:\n        Size: 100\n'), { message: `${file}:8:9: EphemeralStorage.Size 100 of Fn is not a whole number from 512 to 10240 (MB) — set EphemeralStorage.Size to a whole number of MB from 512 to 10240` });
    assert.throws(load('      PackageType: Jar\n'), { message: `${file}:7:20: PackageType of Fn is "Jar" — set PackageType to Zip or Image` });
    assert.throws(load('      Timeout: soon\n'), { message: `${file}:7:16: Timeout soon of Fn is not a whole number from 1 to 900 (seconds) — set Timeout to a whole number of seconds from 1 to 900` });
  });

  test('a Handler from a parameter without a value says how to give it one', () => {
    const file = fixture('errors', 'inline.yaml');
    const template = `Parameters:
  Handler: {Type: String}
  Arch: {Type: String}
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: !Ref Handler
      Runtime: nodejs20.x
      Architectures: [!Ref Arch]
`;
    assert.throws(() => lib.parseTemplateText(template, file), {
      message: `${file}:8:16: Handler of Fn (!Ref Handler) cannot be resolved locally (parameter Handler has no Default and no override) — pass --parameter-overrides Handler=<value>`,
    });
    // An architecture without a local value falls back to Lambda's default, with warnings.
    const model = lib.parseTemplateText(template, file, { parameterOverrides: { Handler: 'app.handler' } });
    assert.equal(model.functions[0].handler, 'app.handler');
    assert.equal(model.functions[0].architecture, 'x86_64');
    assert.deepEqual(model.warnings.map((w) => w.location.line), [3, 10]);
  });

  test('a template that is not a map', () => {
    const file = fixture('errors', 'inline.yaml');
    assert.throws(() => lib.parseTemplateText('- just\n- a list\n', file), {
      message: `${file}:1:1: The template is not a map of sections (Parameters, Resources, ...) — write a SAM or CloudFormation template with a Resources section`,
    });
  });
});

describe('findFunction', () => {
  const model = lib.loadTemplate(fixture('sam-app', 'template.yaml'));
  const file = model.file;

  test('finds by logical id or FunctionName', () => {
    assert.equal(lib.findFunction(model, 'WorkerFunction').logicalId, 'WorkerFunction');
    assert.equal(lib.findFunction(model, 'legacy-orders').logicalId, 'LegacyFunction');
  });

  test('an unknown name lists the functions', () => {
    assert.throws(() => lib.findFunction(model, 'Nope'), (error) => {
      assert.ok(error instanceof lib.TemplateError);
      assert.equal(error.message, `${file}: Function 'Nope' not found in template.yaml. Functions: ApiFunction, WorkerFunction, NoGlobalsFunction, LegacyFunction — use one of these logical ids (or a FunctionName)`);
      return true;
    });
  });

  test('no name: the only function, else an error asking to name one', () => {
    const single = lib.loadTemplate(fixture('hello-world', 'template.yaml'));
    assert.equal(lib.findFunction(single).logicalId, 'HelloWorldFunction');
    assert.throws(() => lib.findFunction(model), {
      name: 'TemplateError',
      message: `${file}: The template has several functions: ApiFunction, WorkerFunction, NoGlobalsFunction, LegacyFunction — name the one to use`,
    });
  });

  test('a template with no functions', () => {
    const layersOnly = lib.parseTemplateText('Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n', file);
    assert.throws(() => lib.findFunction(layersOnly, 'Any'), {
      message: `${file}: The template has no functions — add an AWS::Serverless::Function (or AWS::Lambda::Function) resource`,
    });
  });
});
