// Log lines written before the handler returns are in the log before END, however many there are.
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { invokeFixture, root } from '../helpers/invoke.mjs';

it('keeps a burst of console output (far over a pipe buffer) before END', async () => {
  const lines = 2000;
  const result = await invokeFixture(
    { runtime: 'nodejs20.x', handler: 'index.handler', codeDir: path.join(root, 'test', 'fixtures', 'runtime-node', 'log-burst') },
    { lines },
  );
  assert.equal(result.json, 'done');
  const end = result.logs.findIndex((l) => l.startsWith('END RequestId:'));
  const logged = result.logs.slice(0, end).filter((l) => /\tINFO\tline \d+ z+$/.test(l));
  assert.equal(logged.length, lines);
  assert.ok(result.logs.slice(0, end).includes('raw write'));
});
