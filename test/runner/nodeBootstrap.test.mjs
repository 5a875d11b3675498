// The Node.js runtime runs as its one-file build (runtimes/node/bootstrap.bundle.js, made by the build): a cold start
// reads and compiles one file instead of fifteen. A source edited after the build is run as it is, never the stale build.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { invokeFixture, root } from '../helpers/invoke.mjs';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lwb-bootstrap-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));
const handlerDir = path.join(scratch, 'handler');
fs.mkdirSync(handlerDir);
fs.writeFileSync(path.join(handlerDir, 'index.js'), 'exports.handler = async () => process.argv[1];\n');

test('the runner starts the Node.js runtime from its one-file build', async () => {
  const result = await invokeFixture({ runtime: 'nodejs20.x', handler: 'index.handler', codeDir: handlerDir });
  assert.equal(result.json, path.join(root, 'runtimes', 'node', 'bootstrap.bundle.js'));
});

test('a runtime source newer than the build: the runner starts the sources instead', () => {
  // A copy of the programmatic API and the runtimes, with one source edited after the build.
  const copy = path.join(scratch, 'copy');
  fs.mkdirSync(path.join(copy, 'dist'), { recursive: true });
  fs.copyFileSync(path.join(root, 'dist', 'lib.js'), path.join(copy, 'dist', 'lib.js'));
  fs.cpSync(path.join(root, 'runtimes'), path.join(copy, 'runtimes'), { recursive: true, filter: (source) => !source.includes('__pycache__') });
  const later = new Date(Date.now() + 60_000);
  fs.utimesSync(path.join(copy, 'runtimes', 'node', 'rawHttp.js'), later, later);
  const script = `
    const lib = require(${JSON.stringify(path.join(copy, 'dist', 'lib.js'))});
    const runner = new lib.Runner({ onWarning: () => {} });
    const fn = { functionName: 'f', codeDir: ${JSON.stringify(handlerDir)}, handler: 'index.handler', runtime: 'nodejs20.x', timeout: 3,
      memorySize: 128, environment: {}, architecture: 'x86_64', ephemeralStorage: 512, logging: { logFormat: 'Text' }, layers: [] };
    runner.invoke(fn, '{}').then((result) => { process.stdout.write(result.payload); return runner.dispose(); });`;
  const argv1 = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 }));
  assert.equal(argv1, path.join(copy, 'runtimes', 'node', 'bootstrap.js'));
});
