// TypeScript handlers run directly (not a Lambda feature: a convenience of the local runtime), transpiled by
// esbuild as they load, with stack traces that name the .ts lines.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { root } from '../helpers/invoke.mjs';
import { fixture, invoke } from './nodeRuntime.mjs';

test('app.handler runs app.ts (CommonJS), importing another .ts file without extension', async () => {
  const result = await invoke('typescript-cjs', 'app.handler', { event: { name: 'Ada' } });
  assert.equal(result.payload, '"hello Ada"');
});

test('a TypeScript error names the .ts line', async () => {
  const result = await invoke('typescript-cjs', 'app.handler');
  const trace = ['Error: name is required', '    at Runtime.handler (<fixture>/app.ts:9:11)'];
  assert.deepEqual(result.json, { errorType: 'Error', errorMessage: 'name is required', trace });
  assert.deepEqual(result.lines, [`<time>\t<id>\tERROR\tInvoke Error \t${JSON.stringify({ errorType: 'Error', errorMessage: 'name is required', stack: trace })}`]);
});

test('in a "type": "module" package app.ts is an ES module: top-level await, ./x.js resolving to x.ts', async () => {
  assert.equal((await invoke('typescript-esm', 'app.handler', { event: { name: 'Ada' } })).payload, '"hi Ada"');
  const failed = await invoke('typescript-esm', 'app.handler');
  assert.deepEqual(failed.json, { errorType: 'TypeError', errorMessage: 'name is required', trace: ['TypeError: name is required', '    at Runtime.handler (<fixture>/app.ts:9:11)'] });
});

test('.mts and .cts files load as ES module and CommonJS', async () => {
  assert.equal((await invoke('typescript-esm', 'other.handler')).payload, '{"loadedAs":"mts"}');
  assert.equal((await invoke('typescript-cjs', 'legacy.handler')).payload, '{"loadedAs":"cts"}');
});

test('nodejs24.x loads TypeScript too', async () => {
  assert.equal((await invoke('typescript-cjs', 'app.handler', { runtime: 'nodejs24.x', event: { name: 'Bo' } })).payload, '"hello Bo"');
  assert.equal((await invoke('typescript-esm', 'app.handler', { runtime: 'nodejs24.x', event: { name: 'Bo' } })).payload, '"hi Bo"');
});

test('a TypeScript syntax error is Runtime.UserCodeSyntaxError with the file and position', async () => {
  const result = await invoke('typescript-syntax-error', 'app.handler');
  const message = 'SyntaxError: <fixture>/app.ts:2:22: Unexpected ";"';
  assert.deepEqual(result.json, { errorType: 'Runtime.UserCodeSyntaxError', errorMessage: message, trace: [`Runtime.UserCodeSyntaxError: ${message}`] });
});

/** The which-esbuild fixture copied outside the repository, where no esbuild is installed above it. */
function outsideTheRepo(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-node-esbuild-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(fixture('typescript-which-esbuild'), dir, { recursive: true });
  return dir;
}

test("a function without esbuild of its own is transpiled by the runner's esbuild, found from the runner's folder", async (t) => {
  const codeDir = outsideTheRepo(t);
  const loaded = JSON.parse((await invoke('typescript-which-esbuild', 'app.handler', { codeDir })).payload);
  assert.ok(loaded.length > 0 && loaded.every((file) => file.startsWith(path.join(root, 'node_modules', 'esbuild') + path.sep)), loaded.join('\n'));
});

test("an esbuild installed with the function is used before the runner's", async (t) => {
  const codeDir = outsideTheRepo(t);
  const own = path.join(codeDir, 'node_modules', 'esbuild');
  fs.mkdirSync(own, { recursive: true });
  fs.writeFileSync(path.join(own, 'package.json'), JSON.stringify({ name: 'esbuild', main: 'index.js' }));
  fs.writeFileSync(path.join(own, 'index.js'), `module.exports = require(${JSON.stringify(path.join(root, 'node_modules', 'esbuild'))});\n`);
  const loaded = JSON.parse((await invoke('typescript-which-esbuild', 'app.handler', { codeDir })).payload);
  assert.equal(loaded[0], path.join(own, 'index.js'));
});
