// The runner names the Node.js inspector's port (one it chose) before the environment starts, so an editor can send
// its debugger on the way first: the callback's caller gets a turn of the event loop before the spawn, which blocks
// a process as large as an editor's extension host for 20-30 ms.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fn, lib } from '../helpers/invoke.mjs';
import { fixtures } from './adapterClient.mjs';

const children = () => readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);

test('onPortChosen comes before the environment is spawned, and the port it names is the one the inspector takes', async (t) => {
  const runner = new lib.Runner({ onWarning: () => {} });
  t.after(() => runner.dispose());
  const abort = new AbortController();
  let chosen;
  let spawnedAtCallersTurn;
  let listening;
  const result = await runner.invoke(fn({ runtime: 'nodejs20.x', handler: 'app.handler', codeDir: path.join(fixtures, 'node-js') }), {}, {
    signal: abort.signal,
    debug: {
      onPortChosen: (endpoint) => {
        chosen = endpoint;
        const before = children().length;
        setImmediate(() => (spawnedAtCallersTurn = children().length > before));
      },
      onListening: (endpoint) => {
        listening = endpoint;
        abort.abort();
      },
    },
  });
  assert.ok(chosen, 'onPortChosen was not called');
  assert.equal(spawnedAtCallersTurn, false, 'the environment was spawned before the caller had a turn to send where to attach');
  assert.deepEqual({ host: listening.host, port: listening.port }, { host: chosen.host, port: chosen.port });
  assert.ok(result.functionError, 'the aborted invoke ends with an error');
});

test('no port is named early for a runtime program that cannot be started: the invoke fails as Lambda would, and no debugger was sent', async (t) => {
  const runner = new lib.Runner({ onWarning: () => {}, runtimeBinaries: { 'nodejs20.x': path.join(fixtures, 'no-such-node') } });
  t.after(() => runner.dispose());
  let chosen = false;
  const result = await runner.invoke(fn({ runtime: 'nodejs20.x', handler: 'app.handler', codeDir: path.join(fixtures, 'node-js') }), {}, {
    debug: { onPortChosen: () => (chosen = true) },
  });
  assert.equal(chosen, false);
  assert.equal(result.errorType, 'Runtime.InvalidEntrypoint');
});
