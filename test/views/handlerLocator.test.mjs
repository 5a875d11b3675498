// Open Handler: the module file the runtime would load, and the line of the handler function in it.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fixtures, loadViews } from './views.mjs';

const views = await loadViews();
const handlers = path.join(fixtures, 'handlers');

function fn(runtime, handler, codeDir, extra = {}) {
  return { logicalId: 'Fn', functionName: 'Fn', packageType: 'Zip', runtime, handler, codeDir, layers: [],
    location: { file: '/p/template.yaml', line: 7, column: 3 }, ...extra };
}
const place = ({ file, line, column, exact }) => ({ file: path.relative(handlers, file), line, column, exact });

test('Node.js: resolves the module as the runtime does and finds the exported function', () => {
  const node = path.join(handlers, 'node');
  assert.deepEqual(place(views.locateHandler(fn('nodejs22.x', 'src/nested/api.get', node))),
    { file: 'node/src/nested/api.js', line: 6, column: 9, exact: true });
  assert.deepEqual(place(views.locateHandler(fn('nodejs20.x', 'typed.handler', node))),
    { file: 'node/typed.ts', line: 5, column: 14, exact: true });
  assert.deepEqual(place(views.locateHandler(fn('nodejs22.x', 'esm.handler', node))),
    { file: 'node/esm.mjs', line: 3, column: 16, exact: true }, 'export { main as handler } → main');
  assert.deepEqual(place(views.locateHandler(fn('nodejs22.x', 'cjs.handler', node))),
    { file: 'node/cjs.cjs', line: 3, column: 10, exact: true }, 'module.exports = { handler: run } → run');
});

test('Node.js: .js before .ts, as the runtime loads them', () => {
  assert.equal(path.basename(views.locateHandler(fn('nodejs22.x', 'both.handler', path.join(handlers, 'node'))).file), 'both.js');
});

test('Node.js: a file without the function opens at its start; a missing file is a one-line error', () => {
  assert.deepEqual(place(views.locateHandler(fn('nodejs22.x', 'nofn.handler', path.join(handlers, 'node')))),
    { file: 'node/nofn.js', line: 1, column: 1, exact: false });
  assert.throws(() => views.locateHandler(fn('nodejs22.x', 'missing.handler', path.join(handlers, 'node'))),
    { message: /^Handler 'missing\.handler' of Fn: no file for module in .*node \(looked for missing\.js, \.mjs, \.cjs, \.ts\) — create it or fix Handler$/ });
  assert.throws(() => views.locateHandler(fn('nodejs22.x', 'nodot', path.join(handlers, 'node'))),
    { message: "Handler 'nodot' of Fn is not MODULE.FUNCTION (e.g. app.handler) — fix Handler" });
});

test('Python: a.b.fn → a/b.py or a/b/__init__.py, at the def', () => {
  const python = path.join(handlers, 'python');
  assert.deepEqual(place(views.locateHandler(fn('python3.12', 'pkg.sub.mod.handle', python))),
    { file: 'python/pkg/sub/mod.py', line: 8, column: 11, exact: true });
  assert.deepEqual(place(views.locateHandler(fn('python3.12', 'pkg/sub/mod.handle', python))),
    { file: 'python/pkg/sub/mod.py', line: 8, column: 11, exact: true });
  assert.deepEqual(place(views.locateHandler(fn('python3.11', 'pkg.handler', python))),
    { file: 'python/pkg/__init__.py', line: 3, column: 1, exact: true });
  assert.throws(() => views.locateHandler(fn('python3.11', 'nope.handler', python)), { message: /^Handler 'nope\.handler' of Fn: no file for module in .*\(looked for nope\.py\)/ });
});

test('custom runtimes open their bootstrap; Image and inline functions their template resource', () => {
  assert.deepEqual(place(views.locateHandler(fn('provided.al2023', 'function.handler', path.join(handlers, 'provided')))),
    { file: 'provided/bootstrap', line: 1, column: 1, exact: true });
  assert.throws(() => views.locateHandler(fn('provided.al2023', 'x', path.join(handlers, 'node'))), { message: /^Fn \(provided\.al2023\) has no bootstrap in .* — add an executable file named bootstrap$/ });
  assert.deepEqual(views.locateHandler(fn(undefined, undefined, '/p', { packageType: 'Image' })), { file: '/p/template.yaml', line: 7, column: 3, exact: true });
  assert.deepEqual(views.locateHandler(fn('nodejs22.x', 'index.handler', '/p', { inlineCode: 'exports.handler=1', handlerLocation: { file: '/p/template.yaml', line: 9, column: 7 } })),
    { file: '/p/template.yaml', line: 9, column: 7, exact: true });
});

test('findJsFunctionLine: export forms, and the local behind an alias', () => {
  const at = (source, name = 'handler') => views.findJsFunctionLine(source, name);
  assert.deepEqual(at('export async function handler(event) {}'), { line: 1, column: 23 });
  assert.deepEqual(at('\n\nexport function* handler() {}'), { line: 3, column: 18 });
  assert.deepEqual(at('export const handler = async () => 1;'), { line: 1, column: 14 });
  assert.deepEqual(at('module.exports.handler = function () {};'), { line: 1, column: 16 });
  assert.deepEqual(at("exports['handler'] = () => 1;"), { line: 1, column: 10 });
  assert.deepEqual(at('const handler = () => 1;\nmodule.exports = { handler };'), { line: 1, column: 7 });
  assert.deepEqual(at('function go() {}\nexport { go as handler };'), { line: 1, column: 10 });
  assert.deepEqual(at('export default async (event) => event;', 'default'), { line: 1, column: 8 });
  assert.deepEqual(at('const handlerX = 1;'), undefined, 'whole names only');
  assert.deepEqual(at('// export const handler = 1\n'), undefined, 'not in a comment that starts the line');
  assert.deepEqual(views.findJsFunctionLine('export const $h = 1;', '$h'), { line: 1, column: 14 }, 'names are escaped in patterns');
});

test('findPythonFunctionLine: top-level def, async def or assignment', () => {
  assert.deepEqual(views.findPythonFunctionLine('import os\n\ndef lambda_handler(event, context):\n    pass\n', 'lambda_handler'), { line: 3, column: 5 });
  assert.deepEqual(views.findPythonFunctionLine('class A:\n    def handler(self):\n        pass\n', 'handler'), undefined, 'a method is not a module attribute');
  assert.deepEqual(views.findPythonFunctionLine('handler = make_handler()\n', 'handler'), { line: 1, column: 1 });
});
