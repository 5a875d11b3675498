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

/** Runs the handler through a copy of the programmatic API and the runtimes, prepared by `edit`; returns process.argv[1]. */
function entryOfCopy(name, edit) {
  const copy = path.join(scratch, name);
  fs.mkdirSync(path.join(copy, 'dist'), { recursive: true });
  fs.copyFileSync(path.join(root, 'dist', 'lib.js'), path.join(copy, 'dist', 'lib.js'));
  fs.cpSync(path.join(root, 'runtimes'), path.join(copy, 'runtimes'), { recursive: true, filter: (source) => !source.includes('__pycache__') });
  edit(path.join(copy, 'runtimes', 'node'));
  const script = `
    const lib = require(${JSON.stringify(path.join(copy, 'dist', 'lib.js'))});
    const runner = new lib.Runner({ onWarning: () => {} });
    const fn = { functionName: 'f', codeDir: ${JSON.stringify(handlerDir)}, handler: 'index.handler', runtime: 'nodejs20.x', timeout: 3,
      memorySize: 128, environment: {}, architecture: 'x86_64', ephemeralStorage: 512, logging: { logFormat: 'Text' }, layers: [] };
    runner.invoke(fn, '{}').then((result) => { process.stdout.write(result.payload); return runner.dispose(); });`;
  return path.relative(copy, JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 })));
}

const later = new Date(Date.now() + 60_000);

test('a runtime source newer than the build: the runner starts the sources instead', () => {
  const entry = entryOfCopy('edited', (dir) => fs.utimesSync(path.join(dir, 'rawHttp.js'), later, later));
  assert.equal(entry, path.join('runtimes', 'node', 'bootstrap.js'));
});

test('the packaged extension (the build without its sources) starts the build, whatever the files\' times', () => {
  // Unpacking a VSIX gives each file the time it was written, in the archive's order.
  const entry = entryOfCopy('packaged', (dir) => {
    for (const name of fs.readdirSync(dir)) {
      if (/\.m?js$/.test(name) && !['bootstrap.bundle.js', 'tsHooks.mjs', 'tsTransform.js', 'packageScope.js', 'esmWarmUp.mjs'].includes(name)) fs.rmSync(path.join(dir, name));
    }
    fs.utimesSync(path.join(dir, 'tsHooks.mjs'), later, later);
  });
  assert.equal(entry, path.join('runtimes', 'node', 'bootstrap.bundle.js'));
});
