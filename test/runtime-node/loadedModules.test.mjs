// The runtime's own cost at a cold start: it talks to the Runtime API and writes console lines without `net` and
// `stream` (under Lambda's node options Node compiles them without their code cache, ~12 ms), loads the handler
// without `node:module` (which brings the ES module loader, ~2 ms), and still behaves the same where it falls back to
// `net` or where the function makes process.stdout itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appLines } from '../helpers/invoke.mjs';
import { invoke } from './nodeRuntime.mjs';

const heavy = ['net', 'stream', 'http', 'module', 'internal/modules/esm/loader'];

test('a cold invoke that logs loads neither net, stream nor node:module: the Runtime API and the console go through file descriptors', async () => {
  const result = await invoke('loaded-modules', 'index.handler', { runtime: 'nodejs20.x' });
  for (const name of heavy) assert.ok(!result.json.includes(name), `${name} was loaded: ${result.json.join(' ')}`);
  assert.deepEqual(result.lines, ['<time>\t<id>\tINFO\ta console line']);
});

test('a function that writes to process.stdout gets its stream, in order with the console lines', async () => {
  const result = await invoke('loaded-modules', 'index.rawWrite', { runtime: 'nodejs20.x' });
  assert.ok(result.json.includes('net'), 'process.stdout over a pipe is a net socket');
  assert.deepEqual(result.lines, ['a raw line', '<time>\t<id>\tINFO\ta console line']);
});

test('with --pending-deprecation in NODE_OPTIONS the runtime uses net (no deprecation warning of ours) and works the same', async () => {
  const result = await invoke('loaded-modules', 'index.handler', { runtime: 'nodejs20.x', environment: { NODE_OPTIONS: '--pending-deprecation' } });
  assert.equal(result.payload.toString().startsWith('['), true, result.payload.toString());
  assert.ok(result.json.includes('net'));
  assert.ok(!result.logs.some((line) => /DeprecationWarning/.test(line)), result.logs.join('\n'));
  assert.deepEqual(appLines(result.logs), ['<time>\t<id>\tINFO\ta console line']);
});
