// Every SAM event type is kept with its resolved properties (unknown types too), with its location.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lib } from '../helpers/invoke.mjs';
import { fixture, positionOf } from './helpers.mjs';

const file = fixture('sam-app', 'template.yaml');

describe('events', () => {
  const model = lib.loadTemplate(file);
  const worker = lib.findFunction(model, 'WorkerFunction');
  const event = (id) => worker.events.find((e) => e.id === id);

  test('keeps every event in template order with its type', () => {
    assert.deepEqual(worker.events.map((e) => [e.id, e.type]), [
      ['Upload', 'S3'], ['OrderQueue', 'SQS'], ['Notifications', 'SNS'], ['ClickStream', 'Kinesis'],
      ['TableChanges', 'DynamoDB'], ['Nightly', 'Schedule'], ['Hourly', 'ScheduleV2'], ['OrderPlaced', 'EventBridgeRule'],
      ['LegacyRule', 'CloudWatchEvent'], ['Logs', 'CloudWatchLogs'], ['Sensor', 'IoTRule'], ['Alexa', 'AlexaSkill'],
      ['SignUp', 'Cognito'], ['Docs', 'DocumentDB'], ['Kafka', 'MSK'], ['Broker', 'MQ'], ['SelfKafka', 'SelfManagedKafka'],
      ['Future', 'SomethingNew'],
    ]);
    for (const e of worker.events) {
      const { line } = positionOf(file, `\n        ${e.id}:\n`, 'WorkerFunction:');
      assert.deepEqual(e.location, { file, line: line + 1, column: 9 }, e.id);
    }
  });

  test('an S3 event whose Bucket is !Ref of a bucket resource gets the bucket name', () => {
    assert.deepEqual(event('Upload').properties, {
      Bucket: 'orders-uploads-123456789012',
      Events: 's3:ObjectCreated:*',
      Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'uploads/' }] } },
    });
  });

  test('queue, topic, stream and table references resolve to ARNs', () => {
    assert.deepEqual(event('OrderQueue').properties, { Queue: 'arn:aws:sqs:us-east-1:123456789012:orders-queue', BatchSize: 10 });
    assert.deepEqual(event('Notifications').properties, { Topic: 'arn:aws:sns:us-east-1:123456789012:OrdersTopic' });
    assert.deepEqual(event('ClickStream').properties, { Stream: 'arn:aws:kinesis:us-east-1:123456789012:stream/ClickStream', StartingPosition: 'LATEST' });
    assert.deepEqual(event('TableChanges').properties, {
      Stream: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders-dev/stream/1970-01-01T00:00:00.000', StartingPosition: 'TRIM_HORIZON',
    });
  });

  test('schedules, rules and the other event sources keep their properties', () => {
    assert.deepEqual(event('Nightly').properties, { Schedule: 'rate(1 day)', Input: '{"job": "nightly"}' });
    assert.deepEqual(event('Hourly').properties, { ScheduleExpression: 'cron(0 * * * ? *)', ScheduleExpressionTimezone: 'Europe/Paris' });
    assert.deepEqual(event('OrderPlaced').properties, { EventBusName: 'orders-bus', Pattern: { source: ['orders.api'], 'detail-type': ['OrderPlaced'] } });
    assert.deepEqual(event('LegacyRule').properties, { Pattern: { source: ['aws.ec2'] } });
    assert.deepEqual(event('Logs').properties, { LogGroupName: 'AppLogs', FilterPattern: 'ERROR' });
    assert.deepEqual(event('Sensor').properties, { Sql: "SELECT * FROM 'sensors/#'" });
    assert.deepEqual(event('Alexa').properties, { SkillId: 'amzn1.ask.skill.12345' });
    assert.deepEqual(event('SignUp').properties, { UserPool: 'UserPool', Trigger: 'PreSignUp' });
    const secret = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:docs-credentials';
    assert.deepEqual(event('Docs').properties.SourceAccessConfigurations, [{ Type: 'BASIC_AUTH', URI: secret }]);
    assert.deepEqual(event('Kafka').properties, { Stream: 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc', Topics: ['orders'], StartingPosition: 'LATEST' });
    assert.deepEqual(event('Broker').properties.Queues, ['orders']);
    assert.deepEqual(event('SelfKafka').properties.KafkaBootstrapServers, ['broker1:9092']);
    assert.deepEqual(event('Future').properties, { Anything: 'dev' });
  });

  test('Api and HttpApi events, with RestApiId resolved to the API logical id', () => {
    const api = lib.findFunction(model, 'ApiFunction');
    assert.deepEqual(api.events.map(({ id, type, properties }) => ({ id, type, properties })), [
      { id: 'ListOrders', type: 'Api', properties: { Path: '/orders', Method: 'get', RestApiId: 'OrdersApi' } },
      { id: 'CreateOrder', type: 'HttpApi', properties: { Path: '/orders', Method: 'post' } },
    ]);
  });

  test('an event without Type is skipped with a warning', () => {
    const where = fixture('sam-app', 'inline.yaml');
    const model = lib.parseTemplateText(`Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: .
      Handler: app.handler
      Runtime: nodejs20.x
      Events:
        Broken:
          Properties: {Path: /x}
        Fine:
          Type: Api
`, where);
    assert.deepEqual(model.functions[0].events, [{ id: 'Fine', type: 'Api', properties: {}, location: { file: where, line: 11, column: 9 } }]);
    assert.deepEqual(model.warnings, [{
      message: 'Event Broken of Fn has no Type — it is ignored; set Type (Api, S3, SQS, Schedule, ...)',
      location: { file: where, line: 9, column: 9 },
    }]);
  });
});
