// Non-HTTP triggers: each event is built from the trigger's (resolved or unresolved) properties.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { test } from 'node:test';
import { lib } from '../helpers/invoke.mjs';
import { eventOf, fn, NOW, template } from './model.mjs';

const md5 = (text) => createHash('md5').update(text, 'utf8').digest('hex');
const keysOf = (value) => Object.keys(value).sort();

test('S3: the bucket, the concrete event name and a key that passes the prefix/suffix filter', () => {
  const event = eventOf(lib, 'S3', { Bucket: 'uploads-bucket', Events: 's3:ObjectCreated:*',
    Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'incoming/' }, { Name: 'suffix', Value: '.jpg' }] } } });
  const record = event.Records[0];
  assert.equal(record.eventName, 'ObjectCreated:Put');
  assert.equal(record.s3.bucket.name, 'uploads-bucket');
  assert.equal(record.s3.bucket.arn, 'arn:aws:s3:::uploads-bucket');
  assert.equal(record.s3.object.key, 'incoming/key.jpg');
  assert.equal(record.eventTime, NOW.toISOString());
  assert.deepEqual(keysOf(record), keysOf(lib.generateEvent('s3', 'put').Records[0]));
  assert.equal(record.s3.object.size, 1024);
});

test('S3: removal events have the delete shape; lists take the first; other names lose the s3: prefix', () => {
  const removed = eventOf(lib, 'S3', { Bucket: 'b', Events: ['s3:ObjectRemoved:*', 's3:ObjectCreated:*'] }).Records[0];
  assert.equal(removed.eventName, 'ObjectRemoved:Delete');
  assert.equal(removed.s3.object.size, undefined);
  assert.equal(removed.s3.object.key, 'test/key');
  const restore = eventOf(lib, 'S3', { Bucket: 'b', Events: 's3:ObjectRestore:Completed' }).Records[0];
  assert.equal(restore.eventName, 'ObjectRestore:Completed');
  const copy = eventOf(lib, 'S3', { Bucket: 'b', Events: 's3:ObjectCreated:Copy' }).Records[0];
  assert.equal(copy.eventName, 'ObjectCreated:Copy');
});

test('S3: an unresolved !Ref (object) is named by its logical id', () => {
  const record = eventOf(lib, 'S3', { Bucket: { Ref: 'Uploads' }, Events: 's3:ObjectCreated:Put' }).Records[0];
  assert.equal(record.s3.bucket.name, 'Uploads');
});

test('SQS: BatchSize records (capped at 10) from the queue ARN, each md5OfBody the md5 of its body', () => {
  const arn = 'arn:aws:sqs:eu-west-1:111122223333:orders';
  const event = eventOf(lib, 'SQS', { Queue: arn, BatchSize: 3 });
  assert.equal(event.Records.length, 3);
  for (const record of event.Records) {
    assert.equal(record.eventSourceARN, arn);
    assert.equal(record.awsRegion, 'eu-west-1');
    assert.equal(record.md5OfBody, md5(record.body));
    assert.deepEqual(keysOf(record), keysOf(lib.generateEvent('sqs', 'receive-message').Records[0]));
  }
  assert.equal(new Set(event.Records.map((r) => r.messageId)).size, 3);
  assert.equal(new Set(event.Records.map((r) => r.body)).size, 3);
  assert.equal(eventOf(lib, 'SQS', { Queue: arn, BatchSize: 100 }).Records.length, 10);
  assert.equal(eventOf(lib, 'SQS', { Queue: arn }).Records.length, 10);
  const single = eventOf(lib, 'SQS', { Queue: arn, BatchSize: 1 }).Records;
  assert.deepEqual(single.map((r) => [r.body, r.md5OfBody]), [['Hello from SQS!', '7b270e59b47ff90a553787216d55d91d']]);
});

test('SQS: an unresolved !GetAtt Queue.Arn gives an ARN in the context; FIFO queues carry group ids', () => {
  const record = eventOf(lib, 'SQS', { Queue: { 'Fn::GetAtt': ['OrdersQueue', 'Arn'] }, BatchSize: 1 },
    { options: { region: 'us-west-2', accountId: '999988887777' } }).Records[0];
  assert.equal(record.eventSourceARN, 'arn:aws:sqs:us-west-2:999988887777:OrdersQueue');
  const fifo = eventOf(lib, 'SQS', { Queue: 'arn:aws:sqs:us-east-1:123456789012:jobs.fifo', BatchSize: 2 }).Records;
  assert.equal(fifo[0].attributes.MessageGroupId, 'group-1');
  assert.notEqual(fifo[0].attributes.SequenceNumber, fifo[1].attributes.SequenceNumber);
});

test('SNS: the topic ARN, a subscription ARN under it, and attributes matching a FilterPolicy', () => {
  const arn = 'arn:aws:sns:us-east-1:123456789012:alerts';
  const record = eventOf(lib, 'SNS', { Topic: arn, FilterPolicy: { severity: ['high', 'critical'], code: [500] } }).Records[0];
  assert.equal(record.Sns.TopicArn, arn);
  assert.match(record.EventSubscriptionArn, /^arn:aws:sns:us-east-1:123456789012:alerts:[0-9a-f-]{36}$/);
  assert.deepEqual(record.Sns.MessageAttributes.severity, { Type: 'String', Value: 'high' });
  assert.deepEqual(record.Sns.MessageAttributes.code, { Type: 'Number', Value: '500' });
  const bodyScoped = eventOf(lib, 'SNS', { Topic: arn, FilterPolicyScope: 'MessageBody', FilterPolicy: { kind: ['order'] } }).Records[0];
  assert.deepEqual(JSON.parse(bodyScoped.Sns.Message), { kind: 'order' });
  const unresolved = eventOf(lib, 'SNS', { Topic: { Ref: 'AlertsTopic' } }).Records[0];
  assert.equal(unresolved.Sns.TopicArn, 'arn:aws:sns:us-east-1:123456789012:AlertsTopic');
});

test('DynamoDB: stream records carry the stream ARN; BatchSize limits SAM three sample records', () => {
  const arn = 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000';
  const event = eventOf(lib, 'DynamoDB', { Stream: arn, StartingPosition: 'LATEST' });
  assert.deepEqual(event.Records.map((r) => r.eventName), ['INSERT', 'MODIFY', 'REMOVE']);
  for (const record of event.Records) assert.equal(record.eventSourceARN, arn);
  assert.equal(event.Records[0].dynamodb.ApproximateCreationDateTime, Math.floor(NOW.getTime() / 1000));
  assert.equal(eventOf(lib, 'DynamoDB', { Stream: arn, BatchSize: 1 }).Records.length, 1);
  const unresolved = eventOf(lib, 'DynamoDB', { Stream: { 'Fn::GetAtt': ['OrdersTable', 'StreamArn'] } });
  assert.match(unresolved.Records[0].eventSourceARN, /^arn:aws:dynamodb:us-east-1:123456789012:table\/OrdersTable\/stream\//);
});

test('Kinesis: a record from the stream ARN (SAM sample data)', () => {
  const arn = 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks';
  const record = eventOf(lib, 'Kinesis', { Stream: arn, StartingPosition: 'TRIM_HORIZON' }).Records[0];
  assert.equal(record.eventSourceARN, arn);
  assert.equal(record.eventSource, 'aws:kinesis');
  assert.equal(Buffer.from(record.kinesis.data, 'base64').toString(), 'Hello, this is a test 123.');
  assert.equal(record.kinesis.approximateArrivalTimestamp, NOW.getTime() / 1000);
  assert.equal(eventOf(lib, 'Kinesis', { Stream: 'clicks' }).Records[0].eventSourceARN, arn);
});

test('Schedule: a Scheduled Event of the rule; a constant Input replaces it', () => {
  const event = eventOf(lib, 'Schedule', { Schedule: 'rate(5 minutes)' }, { id: 'Nightly' });
  assert.equal(event['detail-type'], 'Scheduled Event');
  assert.equal(event.source, 'aws.events');
  assert.equal(event.time, '2024-05-06T07:08:09Z');
  assert.deepEqual(event.resources, ['arn:aws:events:us-east-1:123456789012:rule/HelloFunctionNightly']);
  assert.deepEqual(event.detail, {});
  for (const key of Object.keys(lib.generateEvent('cloudwatch', 'scheduled-event'))) assert.ok(key in event, key);
  assert.deepEqual(eventOf(lib, 'Schedule', { Schedule: 'rate(1 day)', Name: 'daily' }).resources,
    ['arn:aws:events:us-east-1:123456789012:rule/daily']);
  assert.deepEqual(eventOf(lib, 'Schedule', { Schedule: 'rate(1 day)', Input: '{"job":"cleanup"}' }), { job: 'cleanup' });
});

test('ScheduleV2: EventBridge Scheduler default notification, or the Input', () => {
  const event = eventOf(lib, 'ScheduleV2', { ScheduleExpression: 'rate(1 hour)', Name: 'hourly', GroupName: 'jobs' });
  assert.equal(event.source, 'aws.scheduler');
  assert.equal(event['detail-type'], 'Scheduled Event');
  assert.deepEqual(event.resources, ['arn:aws:scheduler:us-east-1:123456789012:schedule/jobs/hourly']);
  assert.equal(event.detail, '{}');
  assert.deepEqual(eventOf(lib, 'ScheduleV2', { ScheduleExpression: 'rate(1 hour)', Input: '{"a":1}' }), { a: 1 });
});

test('EventBridgeRule / CloudWatchEvent: an event the Pattern matches (source, detail-type, detail filters)', () => {
  const pattern = {
    source: ['com.shop.orders'], 'detail-type': ['Order Placed', 'Order Updated'],
    detail: {
      status: ['PLACED'], total: [{ numeric: ['>', 100, '<=', 200] }], region: [{ prefix: 'eu-' }],
      coupon: [{ exists: false }], channel: [{ 'anything-but': ['test'] }], customer: { tier: ['gold'] },
      $or: [{ priority: ['high'] }, { vip: [true] }],
    },
  };
  for (const type of ['EventBridgeRule', 'CloudWatchEvent']) {
    const event = eventOf(lib, type, { Pattern: pattern });
    assert.equal(event.source, 'com.shop.orders');
    assert.equal(event['detail-type'], 'Order Placed');
    assert.equal(event.account, '123456789012');
    assert.equal(event.region, 'us-east-1');
    assert.equal(event.version, '0');
    const { detail } = event;
    assert.equal(detail.status, 'PLACED');
    assert.ok(detail.total > 100 && detail.total <= 200);
    assert.ok(detail.region.startsWith('eu-'));
    assert.equal('coupon' in detail, false);
    assert.notEqual(detail.channel, 'test');
    assert.deepEqual(detail.customer, { tier: 'gold' });
    assert.equal(detail.priority, 'high');
  }
});

test('EventBridgeRule: Input, InputPath and InputTransformer shape what the function receives', () => {
  const Pattern = { source: ['app'], detail: { id: ['42'] } };
  assert.deepEqual(eventOf(lib, 'EventBridgeRule', { Pattern, Input: '{"fixed":true}' }), { fixed: true });
  assert.deepEqual(eventOf(lib, 'EventBridgeRule', { Pattern, InputPath: '$.detail' }), { id: '42' });
  assert.deepEqual(eventOf(lib, 'EventBridgeRule', { Pattern, InputTransformer: {
    InputPathsMap: { id: '$.detail.id', src: '$.source' }, InputTemplate: '{"orderId": "<id>", "from": "<src>"}',
  } }), { orderId: '42', from: 'app' });
});

test('CloudWatchLogs: awslogs.data is base64 of gzip of a DATA_MESSAGE for the log group and filter', () => {
  const event = eventOf(lib, 'CloudWatchLogs', { LogGroupName: '/aws/lambda/orders', FilterPattern: 'ERROR' }, { id: 'Errors' });
  assert.deepEqual(Object.keys(event), ['awslogs']);
  const payload = JSON.parse(gunzipSync(Buffer.from(event.awslogs.data, 'base64')).toString('utf8'));
  assert.deepEqual(keysOf(payload), ['logEvents', 'logGroup', 'logStream', 'messageType', 'owner', 'subscriptionFilters']);
  assert.equal(payload.messageType, 'DATA_MESSAGE');
  assert.equal(payload.owner, '123456789012');
  assert.equal(payload.logGroup, '/aws/lambda/orders');
  assert.deepEqual(payload.subscriptionFilters, ['HelloFunctionErrors']);
  assert.match(payload.logStream, /^2024\/05\/06\/\[\$LATEST\][0-9a-f]{32}$/);
  assert.ok(payload.logEvents.length > 0);
  for (const logEvent of payload.logEvents) {
    assert.deepEqual(keysOf(logEvent), ['id', 'message', 'timestamp']);
    assert.match(logEvent.id, /^\d{56}$/);
    assert.ok(logEvent.message.includes('ERROR'));
    assert.ok(logEvent.timestamp <= NOW.getTime());
  }
  // SAM's own sample decodes the same way.
  const sample = JSON.parse(gunzipSync(Buffer.from(lib.generateEvent('cloudwatch', 'logs').awslogs.data, 'base64')));
  assert.deepEqual(keysOf(sample), keysOf(payload));
});

test('CloudWatchLogs: JSON filter patterns give JSON log lines that match them', () => {
  const event = eventOf(lib, 'CloudWatchLogs', { LogGroupName: { Ref: 'AppLogs' }, FilterPattern: '{ $.level = "error" && $.latency > 500 }' });
  const payload = JSON.parse(gunzipSync(Buffer.from(event.awslogs.data, 'base64')));
  assert.equal(payload.logGroup, 'AppLogs');
  const line = JSON.parse(payload.logEvents[0].message);
  assert.equal(line.level, 'error');
  assert.ok(line.latency > 500);
});

test('Cognito: each Trigger gets its user-pool event shape and triggerSource', () => {
  const expected = {
    PreSignUp: ['PreSignUp_SignUp', ['autoConfirmUser', 'autoVerifyEmail', 'autoVerifyPhone']],
    PostConfirmation: ['PostConfirmation_ConfirmSignUp', []],
    PreAuthentication: ['PreAuthentication_Authentication', []],
    PostAuthentication: ['PostAuthentication_Authentication', []],
    CustomMessage: ['CustomMessage_SignUp', ['emailMessage', 'emailSubject', 'smsMessage']],
    DefineAuthChallenge: ['DefineAuthChallenge_Authentication', ['challengeName', 'failAuthentication', 'issueTokens']],
    CreateAuthChallenge: ['CreateAuthChallenge_Authentication', ['challengeMetadata', 'privateChallengeParameters', 'publicChallengeParameters']],
    VerifyAuthChallengeResponse: ['VerifyAuthChallengeResponse_Authentication', ['answerCorrect']],
    PreTokenGeneration: ['TokenGeneration_Authentication', ['claimsOverrideDetails']],
    UserMigration: ['UserMigration_Authentication', ['desiredDeliveryMediums', 'finalUserStatus', 'forceAliasCreation', 'messageAction', 'userAttributes']],
    CustomSMSSender: ['CustomSMSSender_SignUp', []],
    CustomEmailSender: ['CustomEmailSender_SignUp', []],
  };
  for (const [trigger, [source, responseKeys]] of Object.entries(expected)) {
    const event = eventOf(lib, 'Cognito', { UserPool: 'us-east-1_AbCdEf123', Trigger: trigger });
    assert.equal(event.triggerSource, source, trigger);
    assert.deepEqual(keysOf(event), ['callerContext', 'region', 'request', 'response', 'triggerSource', 'userName', 'userPoolId', 'version']);
    assert.equal(event.userPoolId, 'us-east-1_AbCdEf123');
    assert.deepEqual(keysOf(event.response), responseKeys, trigger);
  }
  const unresolved = eventOf(lib, 'Cognito', { UserPool: { Ref: 'MyUserPool' }, Trigger: 'PreSignUp' });
  assert.equal(unresolved.userPoolId, 'us-east-1_MyUserPool');
  assert.equal(unresolved.request.userAttributes.email, 'user@example.com');
  const second = eventOf(lib, 'Cognito', { UserPool: 'P', Trigger: ['PreSignUp', 'PostConfirmation'] }, { options: { cognitoTrigger: 'PostConfirmation' } });
  assert.equal(second.triggerSource, 'PostConfirmation_ConfirmSignUp');
  assert.throws(() => eventOf(lib, 'Cognito', { UserPool: 'P', Trigger: 'PreSignIn' }), /^EventsError: unknown Cognito Trigger "PreSignIn"; valid triggers: PreSignUp, /);
});

test('IoTRule: the message the rule SQL selects, with topic() and timestamp()', () => {
  const event = eventOf(lib, 'IoTRule', { Sql: "SELECT temperature, topic(2) AS device, timestamp() AS ts FROM 'sensors/+/data'" });
  assert.deepEqual(event, { temperature: 25, device: 'example', ts: NOW.getTime() });
  const all = eventOf(lib, 'IoTRule', { Sql: "SELECT *, topic() as topic FROM 'home/kitchen'" });
  assert.equal(all.topic, 'home/kitchen');
  assert.equal(all.message, 'Hello from AWS IoT');
});

test('AlexaSkill: SAM LaunchRequest sample with the skill id', () => {
  const event = eventOf(lib, 'AlexaSkill', { SkillId: 'amzn1.ask.skill.12345' });
  assert.equal(event.request.type, 'LaunchRequest');
  assert.equal(event.session.application.applicationId, 'amzn1.ask.skill.12345');
  assert.equal(event.context.System.application.applicationId, 'amzn1.ask.skill.12345');
});

test('MQ, MSK, SelfManagedKafka and DocumentDB: source shapes with the trigger resources', () => {
  const mq = eventOf(lib, 'MQ', { Broker: 'arn:aws:mq:us-east-1:123456789012:broker:shop:b-1234', Queues: ['orders'] });
  assert.equal(mq.eventSource, 'aws:mq');
  assert.equal(mq.eventSourceArn, 'arn:aws:mq:us-east-1:123456789012:broker:shop:b-1234');
  assert.equal(mq.messages[0].destination.physicalName, 'orders');
  const msk = eventOf(lib, 'MSK', { Stream: 'arn:aws:kafka:us-east-1:123456789012:cluster/shop/abc-1', Topics: ['orders'] });
  assert.equal(msk.eventSource, 'aws:kafka');
  assert.equal(msk.eventSourceArn, 'arn:aws:kafka:us-east-1:123456789012:cluster/shop/abc-1');
  assert.deepEqual(Object.keys(msk.records), ['orders-0']);
  assert.equal(msk.records['orders-0'][0].topic, 'orders');
  assert.equal(Buffer.from(msk.records['orders-0'][0].value, 'base64').toString(), 'Hello, this is a test.');
  const kafka = eventOf(lib, 'SelfManagedKafka', { KafkaBootstrapServers: ['k1:9092', 'k2:9092'], Topics: ['t'] });
  assert.equal(kafka.eventSource, 'SelfManagedKafka');
  assert.equal(kafka.bootstrapServers, 'k1:9092,k2:9092');
  assert.equal(kafka.eventSourceArn, undefined);
  const docdb = eventOf(lib, 'DocumentDB', { Cluster: 'arn:aws:rds:us-east-1:123456789012:cluster:shop', DatabaseName: 'db', CollectionName: 'orders' });
  assert.equal(docdb.eventSource, 'aws:docdb');
  assert.equal(docdb.eventSourceArn, 'arn:aws:rds:us-east-1:123456789012:cluster:shop');
  assert.deepEqual(docdb.events[0].event.ns, { db: 'db', coll: 'orders' });
});

test('an unknown trigger type: a one-line error naming the supported ones', () => {
  assert.throws(() => eventOf(lib, 'Pigeon', {}), (error) => error instanceof lib.EventsError &&
    /^no sample event for trigger type "Pigeon" \(HelloFunction → Trigger\); supported types: Api, HttpApi, S3, /.test(error.message) &&
    !error.message.includes('\n'));
});

test('eventsForFunction: one event per supported trigger, Cognito lists expanded, then the function URL', () => {
  const events = [
    { id: 'GetItem', type: 'Api', properties: { Path: '/items/{id}', Method: 'get' } },
    { id: 'Queue', type: 'SQS', properties: { Queue: 'arn:aws:sqs:us-east-1:123456789012:q', BatchSize: 1 } },
    { id: 'Odd', type: 'Pigeon', properties: {} },
    { id: 'Auth', type: 'Cognito', properties: { UserPool: 'P', Trigger: ['PreSignUp', 'PostAuthentication'] } },
    { id: 'Bad', type: 'Cognito', properties: { UserPool: 'P', Trigger: 'Nope' } },
  ];
  const f = fn({ events, functionUrl: { authType: 'NONE', invokeMode: 'BUFFERED' } });
  const list = lib.eventsForFunction(f, template(), { now: NOW });
  assert.deepEqual(list.map((e) => [e.name, e.type]), [
    ['GetItem', 'Api'], ['Queue', 'SQS'], ['Auth.PreSignUp', 'Cognito'], ['Auth.PostAuthentication', 'Cognito'],
    ['Bad', 'Cognito'], ['FunctionUrl', 'FunctionUrl'],
  ]);
  assert.equal(list[0].event.path, '/items/1');
  assert.equal(list[0].trigger, events[0]);
  assert.equal(list[3].event.triggerSource, 'PostAuthentication_Authentication');
  assert.equal(list[4].event, undefined);
  assert.match(list[4].error, /^unknown Cognito Trigger "Nope"/);
  assert.equal(list[5].event.routeKey, '$default');
  assert.deepEqual(lib.SUPPORTED_TRIGGER_TYPES.filter((t) => !['ALB', 'FunctionUrl'].includes(t)).sort(), [
    'AlexaSkill', 'Api', 'CloudWatchEvent', 'CloudWatchLogs', 'Cognito', 'DocumentDB', 'DynamoDB', 'EventBridgeRule', 'HttpApi',
    'IoTRule', 'Kinesis', 'MQ', 'MSK', 'S3', 'SNS', 'SQS', 'Schedule', 'ScheduleV2', 'SelfManagedKafka',
  ]);
});
