// Debugging from the editor, the plain-Node part: which function a handler file belongs to, the `lambda` launch
// configuration built for a function and its event, launch configurations made absolute, and the record the result
// panel shows when a debug run ends.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { lib, root } from '../helpers/invoke.mjs';
import { loadViews } from './views.mjs';

const views = await loadViews();
const hello = path.join(root, 'examples', 'hello');
const template = lib.loadTemplate(path.join(hello, 'template.yaml'));
const targets = template.functions.map((fn) => ({ template, fn }));
const ids = (found) => found.map((target) => target.fn.logicalId);

test('a handler file belongs to the functions whose Handler it is', () => {
  assert.deepEqual(ids(views.functionsOfHandlerFile(targets, path.join(hello, 'hello-node', 'app.mjs'))), ['HelloNodeFunction']);
  assert.deepEqual(ids(views.functionsOfHandlerFile(targets, path.join(hello, 'hello-ts', 'app.ts'))), ['HelloTsFunction']);
  assert.deepEqual(ids(views.functionsOfHandlerFile(targets, path.join(hello, 'hello-python', 'app.py'))), ['HelloPythonFunction']);
  assert.deepEqual(views.functionsOfHandlerFile(targets, path.join(hello, 'template.yaml')), []);
  const twin = { ...targets[0].fn, logicalId: 'TwinFunction' };
  assert.deepEqual(ids(views.functionsOfHandlerFile([...targets, { template, fn: twin }], path.join(hello, 'hello-node', 'app.mjs'))),
    ['HelloNodeFunction', 'TwinFunction'], 'two functions sharing a handler are both offered');
});

test('handler places: the line of the exported handler; functions that cannot be debugged are left out', () => {
  const [node, ts, python] = views.handlerPlaces(targets);
  assert.deepEqual([node.fn.logicalId, path.relative(hello, node.file), node.line, node.exact], ['HelloNodeFunction', 'hello-node/app.mjs', 5, true]);
  assert.deepEqual([ts.fn.logicalId, path.relative(hello, ts.file), ts.line, ts.exact], ['HelloTsFunction', 'hello-ts/app.ts', 15, true]);
  assert.deepEqual([python.fn.logicalId, path.relative(hello, python.file), python.exact], ['HelloPythonFunction', 'hello-python/app.py', true]);
  const image = { ...targets[0].fn, logicalId: 'ImageFunction', packageType: 'Image' };
  const custom = { ...targets[0].fn, logicalId: 'Custom', runtime: 'provided.al2023' };
  const missing = { ...targets[0].fn, logicalId: 'Missing', handler: 'nothere.handler' };
  assert.deepEqual(views.handlerPlaces([image, custom, missing].map((fn) => ({ template, fn }))), []);
});

test('the launch configuration of a function: a saved event as a file, a generated one inline', () => {
  const node = targets[0];
  const file = path.join(hello, 'events', 'HelloNodeFunction', 'get-hello.json');
  assert.deepEqual(views.debugConfigurationFor(node, { label: 'get-hello', file }), {
    type: 'lambda', request: 'launch', name: 'Debug HelloNodeFunction · get-hello', template: template.file,
    functionId: 'HelloNodeFunction', cwd: hello, eventFile: file, eventLabel: 'get-hello',
  });
  const inline = views.debugConfigurationFor(node, { label: 'GET /hello · Api', event: { httpMethod: 'GET' } });
  assert.deepEqual(inline.event, { httpMethod: 'GET' });
  assert.equal(inline.eventFile, undefined);
  assert.deepEqual(views.debugConfigurationFor(node).name, 'Debug HelloNodeFunction');
});

test("a picked saved event goes to the debugger as its file, out of reach of VS Code's variable substitution", () => {
  const file = path.join(hello, 'events', 'HelloNodeFunction', 'get-hello.json');
  const text = '{"path":"${env:HOME}"}';
  assert.deepEqual(views.debugEventOf({ label: 'get-hello', text, file }), { label: 'get-hello', file });
  assert.deepEqual(views.debugEventOf({ label: 'GET /hello · Api', text }), { label: 'GET /hello · Api', event: { path: '${env:HOME}' } });
});

test('initial configurations: one per Node.js or Python function, relative to the workspace folder', () => {
  const configs = views.initialConfigurations(targets, root);
  assert.deepEqual(configs.map((config) => [config.name, config.template, config.functionId]), [
    ['Debug HelloNodeFunction', '${workspaceFolder}/examples/hello/template.yaml', 'HelloNodeFunction'],
    ['Debug HelloTsFunction', '${workspaceFolder}/examples/hello/template.yaml', 'HelloTsFunction'],
    ['Debug HelloPythonFunction', '${workspaceFolder}/examples/hello/template.yaml', 'HelloPythonFunction'],
  ]);
  assert.ok(configs.every((config) => config.type === 'lambda' && config.request === 'launch'));
  assert.equal(views.initialConfigurations(targets, '/elsewhere')[0].template, template.file, 'outside the folder: absolute');
});

test('launch configurations are made absolute: template and cwd from the folder, codeDir from cwd', () => {
  const base = { type: 'lambda', request: 'launch', name: 'n' };
  assert.deepEqual(views.absoluteConfiguration({ ...base, template: 'app/template.yaml', eventFile: 'events/e.json' }, '/ws'),
    { ...base, template: '/ws/app/template.yaml', cwd: '/ws/app', eventFile: 'events/e.json' }, 'cwd defaults to the template folder');
  assert.deepEqual(views.absoluteConfiguration({ ...base, handler: 'app.handler', runtime: 'nodejs22.x', codeDir: 'src', cwd: 'svc' }, '/ws'),
    { ...base, handler: 'app.handler', runtime: 'nodejs22.x', codeDir: '/ws/svc/src', cwd: '/ws/svc' });
  assert.equal(views.absoluteConfiguration({ ...base, handler: 'a.b', runtime: 'python3.11' }, '/ws').cwd, '/ws');
});

test('a debug run\'s result becomes an invoke record, with the REPORT figures', () => {
  const requestId = 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef';
  const body = {
    functionName: 'HelloNodeFunction', requestId, payload: '{"statusCode":200}', durationMs: 12.5, pausedMs: 4000,
    logs: [`START RequestId: ${requestId} Version: $LATEST`, `END RequestId: ${requestId}`,
      `REPORT RequestId: ${requestId}\tDuration: 12.50 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 61 MB\tInit Duration: 90.10 ms\t`],
  };
  const record = views.recordOfDebugResult(body, targets[0], 'id-1', 1000, { label: 'get-hello', text: '{}' });
  assert.deepEqual([record.id, record.functionId, record.templateFile, record.eventLabel, record.event, record.startedAt],
    ['id-1', 'HelloNodeFunction', template.file, 'get-hello', '{}', 1000]);
  assert.equal(record.result.payload.toString(), '{"statusCode":200}');
  assert.deepEqual(record.result.report, { durationMs: 12.5, billedDurationMs: 13, memorySizeMB: 128, maxMemoryUsedMB: 61, initDurationMs: 90.1, status: 'success' });
  assert.equal(record.result.pausedMs, 4000);
  assert.equal(record.result.coldStart, true);
  const failed = views.recordOfDebugResult({ ...body, functionError: 'Unhandled', errorType: 'Error' }, targets[0], 'id-2', 1000, { label: '{}', text: '{}' });
  assert.deepEqual([failed.result.functionError, failed.result.errorType, failed.result.report.status, failed.result.report.errorType],
    ['Unhandled', 'Error', 'error', 'Error']);
});

test('a debug run without a template: the record names the handler, with the settings it ran with and no template', () => {
  const requestId = 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef';
  const body = {
    functionName: 'function', memorySize: 256, timeout: 3, architecture: 'x86_64', requestId, payload: '"ok"', durationMs: 3, pausedMs: 0,
    logs: [`REPORT RequestId: ${requestId}\tDuration: 3.00 ms\tBilled Duration: 4 ms\tMemory Size: 256 MB\tMax Memory Used: 40 MB\t`],
  };
  const record = views.recordOfTemplatelessDebugResult(body, 'app.handler', 'id-3', 2000, { label: 'event', text: '{"a":1}' });
  assert.deepEqual([record.functionId, record.functionName, record.templateFile, record.memorySize, record.architecture, record.eventLabel, record.event],
    ['app.handler', 'function', '', 256, 'x86_64', 'event', '{"a":1}']);
  assert.equal(record.result.report.memorySizeMB, 256);
  assert.equal(record.result.coldStart, false);
});

test('the event of a launch configuration: inline, a file relative to cwd (or the template folder), or {}', () => {
  const base = { type: 'lambda', request: 'launch', name: 'n' };
  const read = (file) => `read ${file}`;
  assert.deepEqual(views.eventOfDebugConfiguration({ ...base, event: { a: 1 } }, read), { label: 'event', text: '{"a":1}' });
  assert.deepEqual(views.eventOfDebugConfiguration({ ...base, handler: 'app.handler', cwd: '/ws/svc', eventFile: 'events/get.json' }, read),
    { label: 'get', text: 'read /ws/svc/events/get.json' });
  assert.deepEqual(views.eventOfDebugConfiguration({ ...base, template: '/ws/app/template.yaml', eventFile: 'e.json', eventLabel: 'Saved' }, read),
    { label: 'Saved', text: 'read /ws/app/e.json' });
  assert.deepEqual(views.eventOfDebugConfiguration(base, read), { label: '{}', text: '{}' });
});

test('what wakes VS Code\'s JavaScript debugger early: Node.js function sources, and launches of Node.js functions', () => {
  assert.equal(views.isNodeFunctionSource(targets, path.join(hello, 'hello-node', 'app.mjs')), true);
  assert.equal(views.isNodeFunctionSource(targets, path.join(hello, 'hello-ts', 'app.ts')), true);
  assert.equal(views.isNodeFunctionSource(targets, path.join(hello, 'hello-ts', 'lib', 'util.cjs')), true, 'anywhere in the code folder');
  assert.equal(views.isNodeFunctionSource(targets, path.join(hello, 'hello-python', 'app.py')), false);
  assert.equal(views.isNodeFunctionSource(targets, path.join(hello, 'hello-node', 'notes.md')), false);
  assert.equal(views.isNodeFunctionSource(targets, path.join(hello, 'scripts', 'tool.js')), false, 'outside every code folder');
  const launch = (extra) => ({ type: 'lambda', request: 'launch', name: 'n', ...extra });
  assert.equal(views.launchesNodeFunction(targets, launch({ template: template.file, functionId: 'HelloTsFunction' })), true);
  assert.equal(views.launchesNodeFunction(targets, launch({ template: template.file, functionId: 'HelloPythonFunction' })), false);
  assert.equal(views.launchesNodeFunction(targets, launch({ handler: 'app.handler', runtime: 'nodejs22.x' })), true);
  assert.equal(views.launchesNodeFunction(targets, launch({ handler: 'app.handler', runtime: 'python3.12' })), false);
});

test('a child session the adapter asks for gets back its own debugger type (VS Code gave it the parent\'s)', () => {
  // As VS Code passes them on: the adapter's configuration, with the parent's type over its own.
  const node = { type: 'lambda', lambdaWorkbenchChildType: 'pwa-node', request: 'attach', name: 'n', address: '127.0.0.1', port: 9229 };
  assert.deepEqual(views.childSessionConfiguration(node), { type: 'pwa-node', request: 'attach', name: 'n', address: '127.0.0.1', port: 9229 },
    'the real type, and the marker is gone');
  const python = { type: 'lambda', lambdaWorkbenchChildType: 'debugpy', request: 'attach', name: 'p', connect: { host: '127.0.0.1', port: 5678 } };
  assert.equal(views.childSessionConfiguration(python).type, 'debugpy');
  // Without the marker nothing is guessed: a launch, or an attach the user wrote, stays a `lambda` configuration.
  assert.equal(views.childSessionConfiguration({ type: 'lambda', request: 'launch', name: 'l' }), undefined);
  assert.equal(views.childSessionConfiguration({ type: 'lambda', request: 'attach', name: 'a', port: 9229 }), undefined);
  assert.equal(views.childSessionConfiguration({ type: 'lambda', request: 'attach', name: 'a', lambdaWorkbenchChildType: 'lambda' }), undefined);
});
