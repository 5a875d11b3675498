// A cold `lambda-workbench invoke` pays only for what it uses: modules that only debugging or other commands need
// stay unloaded (each costs milliseconds at every start). Checked by listing the built-in modules the process loaded.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { root } from '../helpers/invoke.mjs';

const cli = path.join(root, 'dist', 'cli.js');
const probe = path.join(root, 'test', 'fixtures', 'cli', 'load-probe', 'probe.cjs');

test('a cold invoke without a debugger loads neither ws nor https, tls, zlib or perf_hooks', () => {
  const result = spawnSync(process.execPath, ['--require', probe, cli, 'invoke', '--handler', 'index.value', '--runtime', 'nodejs20.x', '--event-json', '{"name":"cold"}'], {
    cwd: path.join(root, 'test', 'fixtures', 'runtime-node', 'async-result'),
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, '{"echo":{"name":"cold"}}');
  const loaded = JSON.parse(/^LOADED (.*)$/m.exec(result.stderr)[1]);
  assert.ok(loaded.includes('child_process'), 'the probe sees the modules an invoke does use');
  for (const unused of ['https', 'tls', 'zlib', 'perf_hooks', 'http']) assert.ok(!loaded.includes(unused), `${unused} was loaded`);
});
