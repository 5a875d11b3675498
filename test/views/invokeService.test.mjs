// The extension's long-lived runner: environments stay warm between invokes until the function's code or template
// changes (then the next invoke is cold, and the log says so), or the settings change. Real runner, real Node.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fn } from '../helpers/invoke.mjs';
import { loadViews } from './views.mjs';

const views = await loadViews();
const work = mkdtempSync(path.join(os.tmpdir(), 'lwb-views-invoke-'));
const services = [];
after(async () => {
  await Promise.all(services.map((service) => service.dispose()));
  rmSync(work, { recursive: true, force: true });
});

function project(name, source) {
  const codeDir = path.join(work, name);
  mkdirSync(codeDir, { recursive: true });
  writeFileSync(path.join(codeDir, 'app.js'), source);
  return { ...fn({ runtime: 'nodejs20.x', handler: 'app.handler', codeDir, functionName: name, timeout: 5 }), logicalId: `${name}Function` };
}

function service(options = {}) {
  const log = [];
  const created = new views.InvokeService({ runnerOptions: () => ({ ...options }), log: (line) => log.push(line) });
  services.push(created);
  return { service: created, log };
}

const answer = (n) => `let count = 0;\nexports.handler = async () => ({ version: ${n}, count: ++count });\n`;
const payload = (result) => JSON.parse(result.payload.toString());

test('warm between invokes; a code change resets the function, so the next invoke is cold and runs the new code', async () => {
  const hello = project('Hello', answer(1));
  const { service: invoker, log } = service();
  const first = await invoker.invoke(hello, '{}');
  const second = await invoker.invoke(hello, '{}');
  assert.deepEqual([first.coldStart, second.coldStart], [true, false]);
  assert.deepEqual(payload(second), { version: 1, count: 2 });

  writeFileSync(path.join(hello.codeDir, 'app.js'), answer(2));
  await invoker.reset([hello], 'app.js changed');
  assert.deepEqual(log, ['HelloFunction: app.js changed — its warm environment was reset, the next invoke starts cold']);
  const third = await invoker.invoke(hello, '{}');
  assert.equal(third.coldStart, true);
  assert.deepEqual(payload(third), { version: 2, count: 1 });
});

test('resetting a function that has no warm environment says nothing', async () => {
  const quiet = project('Quiet', answer(1));
  const { service: invoker, log } = service();
  await invoker.reset([quiet], 'template.yaml changed');
  assert.deepEqual(log, []);
});

test('a reset asked for during an invoke happens when the invoke ends', async () => {
  const slow = project('Slow', 'exports.handler = async () => { await new Promise((r) => setTimeout(r, 300)); return "done"; };\n');
  const { service: invoker, log } = service();
  await invoker.invoke(slow, '{}');
  const running = invoker.invoke(slow, '{}');
  await new Promise((resolve) => setTimeout(resolve, 100));
  await invoker.reset([slow], 'app.js changed');
  assert.deepEqual(log, [], 'not yet: the environment is busy');
  const result = await running;
  assert.equal(payload(result), 'done');
  assert.deepEqual(log, ['SlowFunction: app.js changed — its warm environment was reset, the next invoke starts cold']);
  assert.equal((await invoker.invoke(slow, '{}')).coldStart, true);
});

test('settings changes: the next invoke gets a new runner with the new options (cold)', async () => {
  const echo = project('Echo', 'exports.handler = async () => process.env.AWS_REGION;\n');
  let region = 'us-east-1';
  const log = [];
  const invoker = new views.InvokeService({ runnerOptions: () => ({ region }), log: (line) => log.push(line) });
  services.push(invoker);
  assert.equal(payload(await invoker.invoke(echo, '{}')), 'us-east-1');
  region = 'eu-central-1';
  await invoker.reconfigure();
  assert.deepEqual(log, ['Settings changed — warm environments were reset, the next invokes start cold']);
  const after = await invoker.invoke(echo, '{}');
  assert.equal(after.coldStart, true);
  assert.equal(payload(after), 'eu-central-1');
});

test('cancelling through the signal stops the invoke', async () => {
  const hang = project('Hang', 'exports.handler = () => new Promise(() => { setInterval(() => {}, 1000); });\n');
  const { service: invoker } = service();
  const controller = new AbortController();
  const started = Date.now();
  setTimeout(() => controller.abort(), 200);
  const result = await invoker.invoke(hang, '{}', { signal: controller.signal });
  assert.equal(result.functionError, 'Unhandled');
  assert.ok(Date.now() - started < 4000, 'well before the 5 s timeout');
  assert.equal((await invoker.invoke(project('After', answer(1)), '{}')).functionError, undefined, 'the service still works');
});
