// How the Node runtime finds the handler (lambda-spec.md §5.1: handler string, module resolution order) and what
// it reports when it cannot (load errors, posted to /init/error and logged as `Uncaught Exception`).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fixture, invoke } from './nodeRuntime.mjs';

const loadsAs = async (name, handler, expected) => {
  const result = await invoke(name, handler);
  assert.equal(result.functionError, undefined, result.payload);
  assert.deepEqual(result.json, expected);
};

test('a CommonJS .js file is required', () => loadsAs('cjs', 'index.handler', { loadedAs: 'cjs' }));
test('a .js file in a "type": "module" package is imported as an ES module', () => loadsAs('esm', 'index.handler', { loadedAs: 'esm' }));
test('an .mjs file is imported', () => loadsAs('mjs', 'index.handler', { loadedAs: 'esm' }));
test('a .cjs file is required even in a "type": "module" package', () => loadsAs('cjs-in-type-module', 'index.handler', { loadedAs: 'cjs' }));
test('a file without extension is required', () => loadsAs('extensionless', 'index.handler', { loadedAs: 'extensionless' }));
test('a directory prefix and a nested export path are followed', () => loadsAs('nested', 'src/handlers/api.get.list', { route: 'get.list' }));

test('a module with no file of its own is found in node_modules', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-node-modules-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(fixture('node-modules/greeter-package'), path.join(dir, 'node_modules', 'greeter'), { recursive: true });
  const result = await invoke('node-modules', 'greeter.handler', { codeDir: dir });
  assert.deepEqual(result.json, { loadedAs: 'node_modules' });
});

/** An init failure: the payload, the INIT_REPORT error type and the `Uncaught Exception` line (init, then re-init). */
async function failsInit(name, handler, expected) {
  const result = await invoke(name, handler);
  assert.equal(result.functionError, 'Unhandled');
  assert.equal(result.errorType, expected.errorType);
  assert.deepEqual(result.json, expected);
  const logged = `<time>\tundefined\tERROR\tUncaught Exception \t${JSON.stringify({
    errorType: expected.errorType, errorMessage: expected.errorMessage, stack: expected.trace,
  })}`;
  assert.deepEqual(result.lines, [logged, logged]);
  assert.ok(result.logs.includes(`INIT_REPORT Init Duration: <n> ms\tPhase: init\tStatus: error\tError Type: ${expected.errorType}`));
  return result;
}

test('a handler string with ".." is refused', () => failsInit('cjs', '../cjs/index.handler', {
  errorType: 'Runtime.MalformedHandlerName',
  errorMessage: "'../cjs/index.handler' is not a valid handler name. Use absolute paths when specifying root directories in handler names.",
  trace: ["Runtime.MalformedHandlerName: '../cjs/index.handler' is not a valid handler name. Use absolute paths when specifying root directories in handler names."],
}));

test('a handler string without a dot is "Bad handler"', () => failsInit('cjs', 'index', {
  errorType: 'Runtime.MalformedHandlerName',
  errorMessage: 'Bad handler',
  trace: ['Runtime.MalformedHandlerName: Bad handler'],
}));

test('an export that is not a function', () => failsInit('not-a-function', 'index.handler', {
  errorType: 'Runtime.HandlerNotFound',
  errorMessage: 'index.handler is not a function',
  trace: ['Runtime.HandlerNotFound: index.handler is not a function'],
}));

test('an export that does not exist', () => failsInit('undefined-export', 'index.handler', {
  errorType: 'Runtime.HandlerNotFound',
  errorMessage: 'index.handler is undefined or not exported',
  trace: ['Runtime.HandlerNotFound: index.handler is undefined or not exported'],
}));

test('a handler file that does not exist', () => failsInit('cjs', 'missing.handler', {
  errorType: 'Runtime.ImportModuleError',
  errorMessage: "Error: Cannot find module 'missing'\nRequire stack:\n- <runtime>/bootstrap.js",
  trace: ["Runtime.ImportModuleError: Error: Cannot find module 'missing'", 'Require stack:', '- <runtime>/bootstrap.js'],
}));

test('a module the handler requires is missing', () => failsInit('missing-module', 'index.handler', {
  errorType: 'Runtime.ImportModuleError',
  errorMessage: "Error: Cannot find module 'aws-sdk'\nRequire stack:\n- <fixture>/index.js\n- <runtime>/bootstrap.js",
  trace: ["Runtime.ImportModuleError: Error: Cannot find module 'aws-sdk'", 'Require stack:', '- <fixture>/index.js', '- <runtime>/bootstrap.js'],
}));

test('a syntax error in the handler file', () => failsInit('syntax-error', 'index.handler', {
  errorType: 'Runtime.UserCodeSyntaxError',
  errorMessage: "SyntaxError: Unexpected token ';'",
  trace: ["Runtime.UserCodeSyntaxError: SyntaxError: Unexpected token ';'"],
}));

test('an error thrown while loading keeps its own type', () => failsInit('throw-at-load', 'index.handler', {
  errorType: 'ConfigError',
  errorMessage: 'TABLE_NAME is not set',
  trace: ['ConfigError: TABLE_NAME is not set', '    at Object.<anonymous> (<fixture>/index.js:3:7)'],
}));
