// The events an invoke can send (the picker's choices) and New Event from Trigger's files, which never overwrite.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { lib } from '../helpers/invoke.mjs';
import { fixtures, loadViews } from './views.mjs';

const views = await loadViews();
const template = lib.loadTemplate(path.join(fixtures, 'project', 'template.yaml'));
const orders = lib.findFunction(template, 'OrdersFunction');
const work = mkdtempSync(path.join(os.tmpdir(), 'lwb-views-events-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('the picker offers saved events, then one generated event per trigger and the function URL, then {}', () => {
  const choices = views.eventChoices(template, orders, { now: new Date('2024-05-01T00:00:00Z') });
  assert.deepEqual(choices.map((choice) => [choice.kind, choice.label]), [
    ['saved', 'get-hello'],
    ['saved', 'ping'],
    ['generated', 'GET /hello · Api'],
    ['generated', 's3:ObjectCreated:* · uploads · S3'],
    ['generated', 'orders-queue · SQS'],
    ['generated', 'Function URL'],
    ['empty', '{}'],
  ]);
  assert.deepEqual(JSON.parse(choices[0].text()), { httpMethod: 'GET', path: '/hello' });
  const api = JSON.parse(choices[2].text());
  assert.equal(api.httpMethod, 'GET');
  assert.equal(api.path, '/hello');
  assert.equal(JSON.parse(choices[3].text()).Records[0].s3.bucket.name, 'uploads');
  assert.equal(JSON.parse(choices[5].text()).requestContext.http.method, 'GET');
  assert.equal(choices[6].text(), '{}');
});

test('a saved event that is not JSON fails with its file and line when picked', () => {
  const dir = path.join(work, 'bad-json');
  const copy = { ...template, dir, file: path.join(dir, 'template.yaml') };
  const eventsDir = path.join(dir, 'events', 'OrdersFunction');
  assert.equal(lib.functionEventsDir(copy, orders), eventsDir);
  mkdirSync(eventsDir, { recursive: true });
  writeFileSync(path.join(eventsDir, 'broken.json'), '{\n  "a": 1,\n}\n');
  const [broken] = views.eventChoices(copy, orders);
  assert.equal(broken.label, 'broken');
  assert.throws(() => broken.text(), { message: /broken\.json:3:1: invalid JSON: .* — fix the JSON or pick another event$/ });
});

test('triggerEventText: the event of one trigger, or of the function URL', () => {
  const sqs = JSON.parse(views.triggerEventText(template, orders, orders.events[2]));
  assert.equal(sqs.Records[0].eventSourceARN, 'arn:aws:sqs:us-east-1:123456789012:orders-queue');
  const url = JSON.parse(views.triggerEventText(template, orders, undefined));
  assert.equal(url.version, '2.0');
  assert.ok(views.triggerEventText(template, orders, undefined).endsWith('}\n'), 'files end with a new line');
});

test('event file names: kebab-case of the trigger id', () => {
  assert.equal(views.eventFileBaseName('GetHello'), 'get-hello');
  assert.equal(views.eventFileBaseName('FunctionUrl'), 'function-url');
  assert.equal(views.eventFileBaseName('S3Upload'), 's3-upload');
  assert.equal(views.eventFileBaseName('APIGatewayRoute'), 'api-gateway-route');
  assert.equal(views.eventFileBaseName('Auth.PreSignUp'), 'auth-pre-sign-up');
  assert.equal(views.eventFileBaseName('---'), 'event');
});

test('New Event from Trigger never overwrites: it takes the next free name', () => {
  const dir = path.join(work, 'events', 'OrdersFunction');
  const first = views.writeNewEventFile(dir, 'get-hello', '{"n":1}\n');
  const second = views.writeNewEventFile(dir, 'get-hello', '{"n":2}\n');
  writeFileSync(path.join(dir, 'get-hello-3.json'), 'mine');
  const fourth = views.writeNewEventFile(dir, 'get-hello', '{"n":4}\n');
  assert.deepEqual([first, second, fourth].map((file) => path.basename(file)), ['get-hello.json', 'get-hello-2.json', 'get-hello-4.json']);
  assert.equal(readFileSync(first, 'utf8'), '{"n":1}\n');
  assert.equal(readFileSync(path.join(dir, 'get-hello-3.json'), 'utf8'), 'mine');
  assert.deepEqual(readdirSync(dir).sort(), ['get-hello-2.json', 'get-hello-3.json', 'get-hello-4.json', 'get-hello.json']);
});

test('New Function names: a free logical id, checked as it is typed', () => {
  assert.equal(views.suggestFunctionName([]), 'HelloFunction');
  assert.equal(views.suggestFunctionName(['HelloFunction', 'MyFunction']), 'MyFunction2');
  assert.equal(views.functionNameProblem('OrdersFunction', ['HelloFunction']), undefined);
  assert.equal(views.functionNameProblem('HelloFunction', ['HelloFunction']), 'HelloFunction is already in the template — pick another name');
  assert.match(views.functionNameProblem('orders-fn', []), /letters and digits/);
  assert.match(views.functionNameProblem('1Fn', []), /starting with a letter/);
  assert.match(views.functionNameProblem('', []), /Enter a name/);
});
