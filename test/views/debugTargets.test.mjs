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
  assert.deepEqual(ids(views.functionsOfHandlerFile(targets, path.join(hello, 'hello-python', 'app.py'))), ['HelloPythonFunction']);
  assert.deepEqual(views.functionsOfHandlerFile(targets, path.join(hello, 'template.yaml')), []);
  const twin = { ...targets[0].fn, logicalId: 'TwinFunction' };
  assert.deepEqual(ids(views.functionsOfHandlerFile([...targets, { template, fn: twin }], path.join(hello, 'hello-node', 'app.mjs'))),
    ['HelloNodeFunction', 'TwinFunction'], 'two functions sharing a handler are both offered');
});

test('handler places: the line of the exported handler; functions that cannot be debugged are left out', () => {
  const [node, python] = views.handlerPlaces(targets);
  assert.deepEqual([node.fn.logicalId, path.relative(hello, node.file), node.line, node.exact], ['HelloNodeFunction', 'hello-node/app.mjs', 5, true]);
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

test('initial configurations: one per Node.js or Python function, relative to the workspace folder', () => {
  const configs = views.initialConfigurations(targets, root);
  assert.deepEqual(configs.map((config) => [config.name, config.template, config.functionId]), [
    ['Debug HelloNodeFunction', '${workspaceFolder}/examples/hello/template.yaml', 'HelloNodeFunction'],
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

test('a child session the adapter asks for gets back its own debugger type (VS Code gave it the parent\'s)', () => {
  const node = { type: 'lambda', request: 'attach', name: 'n', address: '127.0.0.1', port: 9229, sourceMaps: true };
  assert.deepEqual(views.childSessionConfiguration(node), { ...node, type: 'pwa-node' });
  const python = { type: 'lambda', request: 'attach', name: 'p', connect: { host: '127.0.0.1', port: 5678 } };
  assert.equal(views.childSessionConfiguration(python).type, 'debugpy');
  assert.equal(views.childSessionConfiguration({ type: 'lambda', request: 'launch', name: 'l' }), undefined);
});
