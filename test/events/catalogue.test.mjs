// The sam local generate-event catalogue: every event type rendered with its defaults is what SAM prints, and
// parameters go through SAM's encodings (url, base64, md5, json).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { lib, root } from '../helpers/invoke.mjs';

const renderedDir = path.join(root, 'test', 'fixtures', 'events', 'rendered');
const md5 = (text) => createHash('md5').update(text, 'utf8').digest('hex');

test('the catalogue has the 26 services and 68 event types of sam local generate-event', () => {
  const entries = lib.listEvents();
  assert.equal(entries.length, 68);
  assert.equal(new Set(entries.map((e) => e.service)).size, 26);
  const services = [...new Set(entries.map((e) => e.service))];
  assert.deepEqual(services, [...services].sort());
  for (const service of services) {
    const types = entries.filter((e) => e.service === service).map((e) => e.type);
    assert.deepEqual(types, [...types].sort());
  }
  const put = entries.find((e) => e.service === 's3' && e.type === 'put');
  assert.equal(put.help, 'Generates an Amazon S3 Put Event');
  assert.deepEqual(put.params, [
    { name: 'region', default: 'us-east-1' }, { name: 'partition', default: 'aws' },
    { name: 'bucket', default: 'example-bucket' }, { name: 'key', default: 'test/key', encoding: 'url' },
  ]);
  const proxy = entries.find((e) => e.service === 'apigateway' && e.type === 'aws-proxy');
  assert.equal(proxy.params.find((p) => p.name === 'body').encoding, 'base64');
  assert.equal(proxy.params.find((p) => p.name === 'querystringparameters').encoding, 'json');
  const sqs = entries.find((e) => e.service === 'sqs');
  assert.deepEqual(sqs.params.find((p) => p.name === 'body').derived, [{ name: 'md5_of_body', hashing: 'md5' }]);
});

for (const entry of lib.listEvents()) {
  test(`${entry.service} ${entry.type} with defaults is what SAM renders`, () => {
    const expected = JSON.parse(readFileSync(path.join(renderedDir, entry.service, `${entry.type}.json`), 'utf8'));
    assert.deepEqual(lib.generateEvent(entry.service, entry.type), expected);
  });
}

test('parameters are substituted everywhere their tag appears', () => {
  const event = lib.generateEvent('sqs', 'receive-message', { 'queue-name': 'orders', region: 'eu-west-1', 'account-id': '111122223333' });
  const record = event.Records[0];
  assert.equal(record.eventSourceARN, 'arn:aws:sqs:eu-west-1:111122223333:orders');
  assert.equal(record.awsRegion, 'eu-west-1');
  assert.equal(record.attributes.SenderId, '111122223333');
});

test('hyphenated parameters may also be spelled with underscores, as click names them', () => {
  const event = lib.generateEvent('sqs', 'receive-message', { queue_name: 'q2' });
  assert.match(event.Records[0].eventSourceARN, /:q2$/);
});

test('url encoding is Python quote(): "/" stays, spaces and reserved characters are percent-encoded', () => {
  const key = (value) => lib.generateEvent('s3', 'put', { key: value }).Records[0].s3.object.key;
  assert.equal(key('my folder/a+b=c&d.jpg'), 'my%20folder/a%2Bb%3Dc%26d.jpg');
  assert.equal(key("it's (1)*!~_-."), 'it%27s%20%281%29%2A%21~_-.');
  assert.equal(key('ünï/ç'), '%C3%BCn%C3%AF/%C3%A7');
});

test('base64 encoding is of the UTF-8 bytes', () => {
  const event = lib.generateEvent('kinesis', 'get-records', { data: 'héllo' });
  assert.equal(event.Records[0].kinesis.data, 'aMOpbGxv');
  const proxy = lib.generateEvent('apigateway', 'aws-proxy', { body: '{"a":1}' });
  assert.equal(Buffer.from(proxy.body, 'base64').toString(), '{"a":1}');
});

test('md5_of_body is the md5 of the body as given', () => {
  const defaults = lib.generateEvent('sqs', 'receive-message');
  assert.equal(defaults.Records[0].md5OfBody, '7b270e59b47ff90a553787216d55d91d');
  const body = '{"order": 42, "note": "say \\"hi\\""}';
  const event = lib.generateEvent('sqs', 'receive-message', { body });
  assert.equal(event.Records[0].body, body);
  assert.equal(event.Records[0].md5OfBody, md5(body));
});

test('a dict (json) parameter becomes an object; a value that is not JSON stays a string, as in SAM', () => {
  const parsed = lib.generateEvent('apigateway', 'aws-proxy', { querystringparameters: '{"page": "2", "q": "x"}' });
  assert.deepEqual(parsed.queryStringParameters, { page: '2', q: 'x' });
  const raw = lib.generateEvent('apigateway', 'aws-proxy', { querystringparameters: 'page=2' });
  assert.equal(raw.queryStringParameters, 'page=2');
});

test('values with quotes and backslashes give valid events (SAM would emit broken JSON)', () => {
  const event = lib.generateEvent('sns', 'notification', { message: 'say "hi" \\ bye', subject: 'a\nb' });
  assert.equal(event.Records[0].Sns.Message, 'say "hi" \\ bye');
  assert.equal(event.Records[0].Sns.Subject, 'a\nb');
});

test("SAM's template quirks are kept: {{double}} tags are HTML-escaped, unknown tags render empty", () => {
  const event = lib.generateEvent('sagemaker', 'ground-truth-annotation-consolidation', { 'account-id': 'a&b' });
  assert.match(event.roleArn, /^aws:aws:iam::a&amp;b:role\//);
  assert.match(event.labelingJobArn, /:a&b:labeling-job\//);
  const sns = lib.generateEvent('sns', 'notification');
  assert.equal(sns.Records[0].EventSubscriptionArn, 'arn:aws:sns:us-east-1::ExampleTopic');
});

test('unknown service, type or parameter: one-line errors listing the valid ones', () => {
  assert.throws(() => lib.generateEvent('s4', 'put'), (e) => e instanceof lib.EventsError &&
    /^unknown event service "s4"; valid services: alb, alexa-skills-kit, .*, workmail$/.test(e.message));
  assert.throws(() => lib.generateEvent('s3', 'get'), { message: 'unknown event type "get" for service s3; valid types: batch-invocation, delete, put' });
  assert.throws(() => lib.generateEvent('s3', 'put', { colour: 'red' }), { message: 'unknown parameter "colour" for s3 put; valid parameters: region, partition, bucket, key' });
  assert.throws(() => lib.generateEvent('appsync', 'resolver', { x: '1' }), { message: 'unknown parameter "x" for appsync resolver; this event takes no parameters' });
});

test('each call returns a fresh object', () => {
  const a = lib.generateEvent('s3', 'put');
  a.Records[0].s3.bucket.name = 'changed';
  assert.equal(lib.generateEvent('s3', 'put').Records[0].s3.bucket.name, 'example-bucket');
});
