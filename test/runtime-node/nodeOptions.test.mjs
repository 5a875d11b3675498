// Node.js starts with the options Lambda's bootstrap gives it (lambda-spec.md §2.2, NODE_OPTIONS): `gc` exposed,
// 80 KiB headers, the heap sized from the memory setting unless the function sets NODE_OPTIONS.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fn, invokeFixture } from '../helpers/invoke.mjs';
import { fixture } from './nodeRuntime.mjs';

const options = (spec) => invokeFixture(fn({ runtime: 'nodejs20.x', handler: 'index.handler', codeDir: fixture('node-options'), ...spec }));

test('at 128 MB: gc exposed, 80 KiB headers, a 6 MB semi-space and a 116 MB old space, one V8 worker', async () => {
  const { json } = await options({ memorySize: 128 });
  assert.deepEqual(json.execArgv, [
    '--expose-gc', '--max-http-header-size', '81920', '--max-semi-space-size=6', '--max-old-space-size=116', '--v8-pool-size=1',
  ]);
  assert.equal(json.gc, 'function');
  assert.ok(json.heapLimitMB < 200, `heap limit ${json.heapLimitMB} MB`);
});

test('at 4,096 MB the heap grows with the memory, and V8 gets three workers (one per vCPU Lambda would give)', async () => {
  const { json } = await options({ memorySize: 4096 });
  assert.deepEqual(json.execArgv.slice(3), ['--max-semi-space-size=204', '--max-old-space-size=3687', '--v8-pool-size=3']);
});

test('a function that sets NODE_OPTIONS sizes the heap itself', async () => {
  const { json } = await options({ memorySize: 128, environment: { NODE_OPTIONS: '--no-warnings' } });
  assert.deepEqual(json.execArgv, ['--expose-gc', '--max-http-header-size', '81920', '--v8-pool-size=1']);
  assert.ok(json.heapLimitMB > 200, `heap limit ${json.heapLimitMB} MB`);
});
