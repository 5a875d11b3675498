// Every CloudFormation intrinsic, in tag and long form, resolved where a local value exists; unresolvable ones
// become empty strings in environment variables (as sam local does) with a warning that names the line.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lib } from '../helpers/invoke.mjs';
import { fixture, locationOf } from './helpers.mjs';

const file = fixture('intrinsics', 'template.yaml');

describe('intrinsic functions', () => {
  const model = lib.loadTemplate(file);
  const env = lib.findFunction(model, 'EnvFunction').environment;

  test('Ref: parameters, pseudo parameters and resources (names, or ARNs where Ref gives one)', () => {
    assert.equal(env.REF_TAG, 'prod');
    assert.equal(env.REF_LONG, 'prod');
    assert.equal(env.REF_FUNCTION, 'other-prod'); // FunctionName
    assert.equal(env.REF_QUEUE, 'Queue'); // no QueueName: the logical id
    assert.equal(env.REF_BUCKET, 'my-bucket');
    assert.equal(env.REF_TOPIC, 'arn:aws:sns:us-east-1:123456789012:alerts');
    assert.equal(env.REF_TABLE, 'items');
    assert.equal(env.REGION, 'us-east-1');
    assert.equal(env.ACCOUNT, '123456789012');
    assert.equal(env.PARTITION, 'aws');
    assert.equal(env.URL_SUFFIX, 'amazonaws.com');
    assert.equal(env.STACK_NAME, 'local');
    assert.equal(env.STACK_ID, 'arn:aws:cloudformation:us-east-1:123456789012:stack/local/51af3dc0-da77-11e4-872e-1234567db123');
    assert.equal(env.NOTIFICATIONS, '');
  });

  test('Sub: string and list forms, ${Res.Attr}, ${AWS::X} and the ${!Literal} escape', () => {
    assert.equal(env.SUB_TAG, 'prod-us-east-1-arn:aws:sqs:us-east-1:123456789012:Queue-${Literal}');
    assert.equal(env.SUB_LONG, 'prod:8080');
    assert.equal(env.SUB_LIST_TAG, 'x/8080');
  });

  test('GetAtt: dotted and list forms, plausible ARNs and attributes', () => {
    assert.equal(env.GETATT_TAG, 'arn:aws:lambda:us-east-1:123456789012:function:other-prod');
    assert.equal(env.GETATT_LIST, 'arn:aws:dynamodb:us-east-1:123456789012:table/items/stream/1970-01-01T00:00:00.000');
    assert.equal(env.GETATT_LONG, 'https://sqs.us-east-1.amazonaws.com/123456789012/Queue');
    assert.equal(env.GETATT_BUCKET, 'arn:aws:s3:::my-bucket');
    assert.equal(env.GETATT_TOPIC, 'alerts');
  });

  test('Join, Select, Split, FindInMap (with DefaultValue), GetAZs', () => {
    assert.equal(env.JOIN_TAG, 'a-b-prod');
    assert.equal(env.JOIN_LONG, 'subnet-a,subnet-b');
    assert.equal(env.SELECT_TAG, 'subnet-b');
    assert.equal(env.SELECT_LONG, 'x');
    assert.equal(env.SPLIT_TAG, 'a|b|c');
    assert.equal(env.FIND_TAG, 'ami-east');
    assert.equal(env.FIND_LONG, 'large');
    assert.equal(env.FIND_DEFAULT, 'ami-default');
    assert.equal(env.AZS_TAG, 'us-east-1a,us-east-1b,us-east-1c');
    assert.equal(env.AZS_LONG, 'us-east-1a,us-east-1b,us-east-1c');
  });

  test('If with Conditions built from Equals, Not, And, Or and Condition; AWS::NoValue removes the key', () => {
    assert.equal(env.IF_TAG, 'on');
    assert.equal(env.IF_LONG, 'off');
    assert.equal(env.IF_AND, 'yes-and');
    assert.equal(env.IF_AND_LONG, 'yes-and');
    assert.equal(env.IF_OR, 'yes-or');
    assert.equal(env.IF_OR_LONG, 'no-or');
    assert.equal('DROPPED' in env, false);
  });

  test('Base64, Cidr, Length, ToJsonString', () => {
    assert.equal(env.BASE64_TAG, 'aGVsbG8=');
    assert.equal(env.BASE64_LONG, 'cHJvZA==');
    assert.equal(env.CIDR_TAG, '10.0.0.0/24,10.0.1.0/24,10.0.2.0/24');
    assert.equal(env.CIDR_LONG, '192.168.0.128/26');
    assert.equal(env.LENGTH_TAG, '3');
    assert.equal(env.LENGTH_LONG, '2');
    assert.equal(env.JSON_TAG, '{"a":1,"b":["x","prod"]}');
    assert.equal(env.JSON_LONG, '[1,2]');
  });

  test('plain values are coerced to strings as CloudFormation does', () => {
    assert.equal(env.NUMBER, '42');
    assert.equal(env.FLOAT, '1.0');
    assert.equal(env.BOOL, 'false');
    assert.equal(env.EMPTY, '');
  });

  test('unresolvable intrinsics become empty strings, each with a warning at its line', () => {
    for (const name of ['IMPORT_TAG', 'IMPORT_LONG', 'GETATT_UNKNOWN', 'GETATT_MISSING', 'REF_MISSING', 'SUB_UNRESOLVED', 'TRANSFORM_TAG', 'TRANSFORM_LONG']) {
      assert.equal(env[name], '', name);
    }
    const envWarnings = model.warnings.filter((w) => w.message.startsWith('Environment variable'));
    assert.deepEqual(envWarnings.map((w) => w.location), [
      locationOf(file, '!ImportValue shared-vpc-id'),
      locationOf(file, '{"Fn::ImportValue"'),
      locationOf(file, '!GetAtt Queue.Foo'),
      locationOf(file, '!GetAtt Nowhere.Arn'),
      locationOf(file, '!Ref DoesNotExist'),
      locationOf(file, '!Sub "${Queue.Foo}/x"'),
      locationOf(file, '!Transform'),
      locationOf(file, '{"Fn::Transform"'),
    ]);
    assert.equal(envWarnings[0].message,
      'Environment variable IMPORT_TAG of EnvFunction: !ImportValue shared-vpc-id cannot be resolved locally (values exported by other stacks are not available locally) — it is set to an empty string, as sam local does; set it with --env-vars');
    assert.match(envWarnings[2].message, /!GetAtt Queue\.Foo cannot be resolved locally \(attribute Foo of AWS::SQS::Queue Queue has no local value\)/);
    assert.match(envWarnings[4].message, /\(no parameter or resource is named DoesNotExist\)/);
    for (const warning of model.warnings) assert.doesNotMatch(warning.message, /\n/);
  });

  test('outside environment variables, unresolvable intrinsics are kept as written (with a warning)', () => {
    const [event] = lib.findFunction(model, 'EnvFunction').events;
    assert.deepEqual(event.properties, { Queue: { 'Fn::ImportValue': 'shared-queue-arn' }, BatchSize: 10 });
    const warning = model.warnings.at(-1);
    assert.equal(warning.message, 'Event Shared of EnvFunction: !ImportValue shared-queue-arn cannot be resolved locally (values exported by other stacks are not available locally) — it is kept as written');
    assert.deepEqual(warning.location, locationOf(file, '!ImportValue shared-queue-arn'));
  });
});

describe('pseudo parameters follow the region and account', () => {
  test('China and GovCloud regions change the partition and URL suffix', () => {
    const china = lib.findFunction(lib.loadTemplate(file, { region: 'cn-north-1', accountId: '111122223333' }), 'EnvFunction').environment;
    assert.equal(china.PARTITION, 'aws-cn');
    assert.equal(china.URL_SUFFIX, 'amazonaws.com.cn');
    assert.equal(china.GETATT_TAG, 'arn:aws-cn:lambda:cn-north-1:111122223333:function:other-prod');
    assert.equal(china.AZS_TAG, 'cn-north-1a,cn-north-1b,cn-north-1c');
    const gov = lib.findFunction(lib.loadTemplate(file, { region: 'us-gov-west-1' }), 'EnvFunction').environment;
    assert.equal(gov.PARTITION, 'aws-us-gov');
    assert.equal(gov.STACK_ID, 'arn:aws-us-gov:cloudformation:us-gov-west-1:123456789012:stack/local/51af3dc0-da77-11e4-872e-1234567db123');
  });

  test('AWS:: pseudo parameters can be overridden like SAM allows', () => {
    const model = lib.loadTemplate(file, { parameterOverrides: { 'AWS::Region': 'eu-west-1', 'AWS::StackName': 'orders' } });
    const env = lib.findFunction(model, 'EnvFunction').environment;
    assert.equal(env.FIND_TAG, 'ami-west');
    assert.equal(env.STACK_NAME, 'orders');
    assert.deepEqual(model.parameters, { Env: 'prod', Subnets: 'subnet-a,subnet-b', Port: '8080' });
  });

  test('an override flips every condition that depends on it', () => {
    const env = lib.findFunction(lib.loadTemplate(file, { parameterOverrides: { Env: 'dev' } }), 'EnvFunction').environment;
    assert.equal(env.IF_TAG, 'off');
    assert.equal(env.IF_LONG, 'on');
    assert.equal(env.IF_AND, 'no-and');
    assert.equal(env.IF_OR_LONG, 'yes-or');
    assert.equal(env.DROPPED, 'x');
    assert.equal(env.REF_FUNCTION, 'other-dev');
  });
});

describe('YAML details', () => {
  test('anchors and aliases, merge keys and quoted keys', () => {
    const model = lib.parseTemplateText(`Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src
      Handler: index.handler
      Runtime: nodejs20.x
      Environment:
        Variables:
          <<: &common
            A: one
            B: two
          B: own
          C: *common
          "quoted key": !Ref AWS::Region
`, file);
    assert.deepEqual(model.functions[0].environment, { B: 'own', C: '', 'quoted key': 'us-east-1', A: 'one' });
  });

  test('an unknown tag is warned about and its value kept', () => {
    const model = lib.parseTemplateText('Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src\n      Handler: !Weird index.handler\n      Runtime: nodejs20.x\n', file);
    assert.equal(model.functions[0].handler, 'index.handler');
    assert.deepEqual(model.warnings, [{
      message: 'Unknown tag !Weird — CloudFormation does not know it; the value is read without it',
      location: { file, line: 6, column: 16 },
    }]);
  });
});

describe('intrinsics that cannot work', () => {
  const template = `Conditions:
  Loop: !Not [!Condition Loop]
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src
      Handler: index.handler
      Runtime: nodejs20.x
      Environment:
        Variables:
          OUT_OF_RANGE: !Select [5, [a, b]]
          NO_CONDITION: !If [Missing, a, b]
          LOOP: !If [Loop, a, b]
          BAD_JOIN: !Join oops
          LIST_IN_SUB: !Sub "\${AWS::NotificationARNs}"
          MISSING_KEY: !FindInMap [Nope, a, b]
          ROLE: !GetAtt FnRole.Arn
          API: !Ref ServerlessRestApi
          __proto__: polluted
`;

  test('each one becomes an empty string with its reason, and the load goes on', () => {
    const model = lib.parseTemplateText(template, file);
    const [fn] = model.functions;
    assert.deepEqual(fn.environment, {
      OUT_OF_RANGE: '', NO_CONDITION: '', LOOP: '', BAD_JOIN: '', LIST_IN_SUB: '', MISSING_KEY: '',
      ROLE: 'arn:aws:iam::123456789012:role/FnRole', API: 'ServerlessRestApi',
    });
    assert.equal(Object.getPrototypeOf(fn.environment), Object.prototype);
    const expected = [
      'The key __proto__ is ignored — rename it',
      'OUT_OF_RANGE of Fn: !Select [5,["a","b"]] cannot be resolved locally (index 5 is outside a list of 2)',
      'NO_CONDITION of Fn: !If ["Missing","a","b"] cannot be resolved locally (no condition is named Missing)',
      'LOOP of Fn: !If ["Loop","a","b"] cannot be resolved locally (condition Loop refers to itself)',
      'BAD_JOIN of Fn: !Join oops cannot be resolved locally (it must be written !Join [Delimiter, [Values]])',
      'LIST_IN_SUB of Fn: !Sub ${AWS::NotificationARNs} cannot be resolved locally (${AWS::NotificationARNs} is not a single value)',
      'MISSING_KEY of Fn: !FindInMap ["Nope","a","b"] cannot be resolved locally (Mappings has no Nope.a.b)',
    ];
    assert.equal(model.warnings.length, expected.length);
    expected.forEach((text, i) => assert.ok(model.warnings[i].message.includes(text), model.warnings[i].message));
  });
});
