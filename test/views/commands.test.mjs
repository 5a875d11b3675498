// What the commands take in: the settings, `lambdaWorkbench.invoke`'s argument object, the invoke history, and
// the debouncing of file-watcher bursts.
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { loadViews } from './views.mjs';

const views = await loadViews();

test('settings: defaults, trimmed values, bad values ignored; mapped to the runner and the model', () => {
  const get = (values) => (key) => values[key];
  assert.deepEqual(views.readSettings(get({})), { region: 'us-east-1', accountId: '123456789012', runtimeBinaries: {}, logFormat: 'auto' });
  const settings = views.readSettings(get({
    region: ' eu-west-1 ', accountId: '111122223333', logFormat: 'json',
    runtimeBinaries: { 'nodejs22.x': '/opt/node22/bin/node', 'python3.12': '', 'python3.13': 42 },
  }));
  assert.deepEqual(settings, { region: 'eu-west-1', accountId: '111122223333', runtimeBinaries: { 'nodejs22.x': '/opt/node22/bin/node' }, logFormat: 'json' });
  assert.deepEqual(views.runnerOptionsFrom(settings), { region: 'eu-west-1', accountId: '111122223333', runtimeBinaries: { 'nodejs22.x': '/opt/node22/bin/node' }, logFormat: 'JSON' });
  assert.equal(views.runnerOptionsFrom({ ...settings, logFormat: 'text' }).logFormat, 'Text');
  assert.equal(views.runnerOptionsFrom({ ...settings, logFormat: 'auto' }).logFormat, undefined, "auto: each function's LoggingConfig");
  assert.deepEqual(views.loadOptionsFrom(settings), { region: 'eu-west-1', accountId: '111122223333' });
  assert.equal(views.readSettings(get({ logFormat: 'xml', runtimeBinaries: ['x'] })).logFormat, 'auto');
});

test("settings: a debug launch takes the runtime binaries of the settings; its configuration's own win, runtime by runtime", () => {
  const settings = views.readSettings((key) => (key === 'runtimeBinaries' ? { 'nodejs22.x': '/opt/node22/bin/node', 'python3.12': '/opt/py/bin/python3.12' } : undefined));
  const config = { type: 'lambda', request: 'launch', name: 'x', runtimeBinaries: { 'python3.12': '/usr/bin/python3.12' } };
  assert.deepEqual(views.withDebugSettings(config, settings),
    { ...config, runtimeBinaries: { 'nodejs22.x': '/opt/node22/bin/node', 'python3.12': '/usr/bin/python3.12' } });
  assert.deepEqual(views.withDebugSettings({ name: 'y' }, settings).runtimeBinaries, settings.runtimeBinaries);
  const none = { name: 'z' };
  assert.equal(views.withDebugSettings(none, views.readSettings(() => undefined)), none, 'no setting: the configuration as it was');
});

test('lambdaWorkbench.invoke argument: Uri or path, event as any JSON value, silent', () => {
  const template = { fsPath: '/p/template.yaml', scheme: 'file' };
  assert.equal(views.isInvokeRequest({ template, functionId: 'Fn' }), true);
  assert.equal(views.isInvokeRequest({ kind: 'function', functionId: 'Fn' }), false, 'a tree node is not the API object');
  assert.equal(views.isInvokeRequest(undefined), false);
  assert.deepEqual(views.parseInvokeRequest({ template, functionId: 'Fn', event: { a: [1] }, silent: true }),
    { templateFile: '/p/template.yaml', functionId: 'Fn', event: '{"a":[1]}', eventFile: undefined, silent: true });
  assert.deepEqual(views.parseInvokeRequest({ template: pathToFileURL('/p/t.yaml').href, functionId: 'Fn', eventFile: '/p/e.json' }),
    { templateFile: path.resolve('/p/t.yaml'), functionId: 'Fn', event: undefined, eventFile: path.resolve('/p/e.json'), silent: false });
  assert.equal(views.parseInvokeRequest({ template, functionId: 'Fn', event: 'text' }).event, '"text"', 'a string event is a JSON string');
  assert.equal(views.parseInvokeRequest({ template, functionId: 'Fn', event: null }).event, 'null');
});

test('lambdaWorkbench.invoke argument errors are one line and say what to pass', () => {
  const usage = / — pass \{ template: Uri, functionId: string, event\?: unknown, eventFile\?: Uri, silent\?: boolean \}$/;
  const template = { fsPath: '/p/template.yaml' };
  for (const [arg, problem] of [
    [{ functionId: 'Fn' }, "'template' is missing"],
    [{ template, functionId: '' }, "'functionId' must be the function's logical id"],
    [{ template: 42, functionId: 'Fn' }, "'template' must be a file Uri"],
    [{ template, functionId: 'Fn', event: {}, eventFile: '/e.json' }, "give 'event' or 'eventFile', not both"],
    [{ template, functionId: 'Fn', event: { big: 1n } }, "'event' cannot be written as JSON"],
  ]) {
    assert.throws(() => views.parseInvokeRequest(arg), (error) => {
      assert.ok(error.message.startsWith(`lambdaWorkbench.invoke: ${problem}`), error.message);
      assert.match(error.message, usage);
      assert.equal(error.message.includes('\n'), false);
      return true;
    });
  }
});

test('invocation history: newest first, bounded, listeners told of each change', () => {
  const history = new views.InvocationHistory(2);
  let changes = 0;
  const subscription = history.onDidChange(() => changes++);
  for (const id of ['a', 'b', 'c']) history.add({ id });
  assert.deepEqual(history.list().map((record) => record.id), ['c', 'b']);
  assert.equal(history.get('a'), undefined);
  assert.equal(history.get('b').id, 'b');
  subscription.dispose();
  history.add({ id: 'd' });
  assert.equal(changes, 3);
});

test('batch: a burst of changes is handed over once, after a quiet moment', async () => {
  const flushed = [];
  const batch = new views.Batch(30, (items) => flushed.push(items));
  batch.add('a');
  batch.add('b');
  batch.add('a');
  await new Promise((resolve) => setTimeout(resolve, 10));
  batch.add('c');
  assert.deepEqual(flushed, []);
  await new Promise((resolve) => setTimeout(resolve, 80));
  assert.deepEqual(flushed, [['a', 'b', 'c']]);
  batch.add('d');
  batch.dispose();
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.deepEqual(flushed, [['a', 'b', 'c']], 'nothing after dispose');
});
