// What the Lambda view and Recent Invocations write: trigger labels, function descriptions, invoke lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadViews } from './views.mjs';

const views = await loadViews();
const trigger = (type, properties, id = 'Trigger') => ({ id, type, properties });

test('trigger labels: what the trigger listens to, then its type', () => {
  const cases = [
    [trigger('Api', { Path: '/hello', Method: 'get' }), 'GET /hello · Api'],
    [trigger('Api', { Path: '/items/{id}', Method: 'ANY' }), 'ANY /items/{id} · Api'],
    [trigger('HttpApi', { Path: '/orders', Method: 'post' }), 'POST /orders · HttpApi'],
    [trigger('HttpApi', {}), '$default · HttpApi'],
    [trigger('S3', { Bucket: 'uploads', Events: 's3:ObjectCreated:*' }), 's3:ObjectCreated:* · uploads · S3'],
    [trigger('S3', { Bucket: { Ref: 'Uploads' }, Events: ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'] }), 's3:ObjectCreated:*, s3:ObjectRemoved:* · Uploads · S3'],
    [trigger('SQS', { Queue: 'arn:aws:sqs:us-east-1:123456789012:orders-queue' }), 'orders-queue · SQS'],
    [trigger('SQS', { Queue: { 'Fn::GetAtt': ['OrdersQueue', 'Arn'] } }), 'OrdersQueue · SQS'],
    [trigger('SNS', { Topic: 'arn:aws:sns:us-east-1:123456789012:alerts' }), 'alerts · SNS'],
    [trigger('Schedule', { Schedule: 'rate(5 minutes)' }), 'rate(5 minutes) · Schedule'],
    [trigger('ScheduleV2', { ScheduleExpression: 'cron(0 12 * * ? *)' }), 'cron(0 12 * * ? *) · ScheduleV2'],
    [trigger('DynamoDB', { Stream: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000' }), 'Orders · DynamoDB'],
    [trigger('Kinesis', { Stream: 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks' }), 'clicks · Kinesis'],
    [trigger('EventBridgeRule', { Pattern: { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'] } }),
      'aws.ec2 · EC2 Instance State-change Notification · EventBridgeRule'],
    [trigger('CloudWatchLogs', { LogGroupName: '/aws/app', FilterPattern: '' }), '/aws/app · CloudWatchLogs'],
    [trigger('Cognito', { UserPool: { Ref: 'Pool' }, Trigger: ['PreSignUp', 'PostConfirmation'] }), 'PreSignUp, PostConfirmation · Cognito'],
  ];
  for (const [input, label] of cases) assert.equal(views.triggerLabel(input), label, JSON.stringify(input));
});

test('trigger labels fall back to the trigger id when the properties name nothing readable', () => {
  assert.equal(views.triggerLabel(trigger('SQS', { Queue: { 'Fn::If': ['c', 'a', 'b'] } }, 'Jobs')), 'Jobs · SQS');
  assert.equal(views.triggerLabel(trigger('EventBridgeRule', {}, 'AnyEvent')), 'AnyEvent · EventBridgeRule');
  assert.equal(views.triggerLabel(trigger('SomethingNew', { X: 1 }, 'Mine')), 'Mine · SomethingNew');
  assert.equal(views.triggerLabel({ id: 'NoProps', type: 'Schedule' }), 'NoProps · Schedule');
});

test('functions: memory and timeout as the description, runtime and handler in the tooltip', () => {
  const fn = { logicalId: 'Orders', functionName: 'orders-prod', packageType: 'Zip', runtime: 'nodejs22.x', handler: 'app.handler',
    memorySize: 256, timeout: 10, architecture: 'arm64' };
  assert.equal(views.functionDescription(fn), '256 MB · 10 s');
  assert.equal(views.functionTooltip(fn), 'Orders (orders-prod)\nRuntime: nodejs22.x\nHandler: app.handler\nMemory: 256 MB · Timeout: 10 s · arm64');
  assert.match(views.functionTooltip({ ...fn, functionName: 'Orders', packageType: 'Image', imageUri: 'repo:1' }), /^Orders\nImage: repo:1\n/);
  assert.equal(views.runtimeIcon('nodejs20.x'), 'nodejs');
  assert.equal(views.runtimeIcon('python3.13'), 'python');
  assert.equal(views.runtimeIcon('provided.al2023'), 'provided');
  assert.equal(views.runtimeIcon('java21'), undefined);
  assert.equal(views.runtimeIcon(undefined), undefined);
});

test('invokes: status, duration and the Recent Invocations description', () => {
  const ok = { report: { durationMs: 12.4, status: 'success' } };
  const failed = { functionError: 'Unhandled', errorType: 'TypeError', report: { durationMs: 1534, status: 'error' } };
  const timedOut = { functionError: 'Unhandled', report: { durationMs: 3000, status: 'timeout' } };
  assert.equal(views.invocationStatus(ok), 'Succeeded');
  assert.equal(views.invocationStatus(failed), 'TypeError');
  assert.equal(views.invocationStatus(timedOut), 'Sandbox.Timedout');
  assert.equal(views.formatDuration(0.842), '0.84 ms');
  assert.equal(views.formatDuration(12.4), '12 ms');
  assert.equal(views.formatDuration(1534), '1.53 s');
  assert.equal(views.invocationDescription({ eventLabel: 'get-hello', result: ok }), 'get-hello · Succeeded · 12 ms');
  assert.equal(views.invocationDescription({ eventLabel: '{}', result: failed }), '{} · TypeError · 1.53 s');
});

test('log lines: the \\r of a multi-line message becomes a new line in the output channel', () => {
  assert.equal(views.logLineForDisplay('ERROR\tInvoke Error\tError: boom\r    at handler (app.js:1:1)'), 'ERROR\tInvoke Error\tError: boom\n    at handler (app.js:1:1)');
  assert.equal(views.logLineForDisplay('a\r\nb'), 'a\nb');
});

test('template errors lose their file:line:col prefix in the tree (the tooltip keeps it)', () => {
  assert.equal(views.shortErrorMessage('/p/template.yaml:4:3: X has no Handler — add Handler', '/p/template.yaml'), 'X has no Handler — add Handler');
  assert.equal(views.shortErrorMessage('/p/template.yaml: Template not found', '/p/template.yaml'), 'Template not found');
  assert.equal(views.shortErrorMessage('something else', '/p/template.yaml'), 'something else');
});
