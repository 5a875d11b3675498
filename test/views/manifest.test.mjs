// package.json `contributes` and the ids in src/contributions.ts must agree: a renamed command or context value
// would otherwise leave a button that does nothing.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { root } from '../helpers/invoke.mjs';
import { loadViews } from './views.mjs';

const ids = await loadViews();
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const { contributes } = pkg;

test('entry point, activation and workspace trust', () => {
  assert.equal(pkg.main, './dist/extension.js');
  assert.deepEqual(pkg.activationEvents, [`workspaceContains:${ids.TEMPLATE_GLOB}`, ...Object.values(ids.Views).map((view) => `onView:${view}`),
    `onDebugResolve:${ids.DEBUG_TYPE}`, `onDebugDynamicConfigurations:${ids.DEBUG_TYPE}`]);
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, [ids.Settings.runtimeBinaries]);
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
});

test('every command is declared once, in the Lambda category, with the contract titles and icons', () => {
  const declared = new Map(contributes.commands.map((command) => [command.command, command]));
  const expected = {
    invoke: ['Invoke', '$(play)'], openHandler: ['Open Handler', '$(go-to-file)'],
    newEventFromTrigger: ['New Event from Trigger', '$(new-file)'], refresh: ['Refresh', '$(refresh)'],
    newFunction: ['New Function…', '$(add)'], newProject: ['New Project…', undefined],
    rerun: ['Run Again', '$(debug-rerun)'], showResult: ['Show Result', undefined],
    packageFunction: ['Package Function…', '$(package)'], debug: ['Debug', '$(debug-alt)'],
  };
  assert.deepEqual(Object.keys(expected).sort(), Object.keys(ids.Commands).sort());
  for (const [key, [title, icon]] of Object.entries(expected)) {
    const command = declared.get(ids.Commands[key]);
    assert.ok(command, `${ids.Commands[key]} is declared`);
    assert.deepEqual([command.title, command.icon, command.category], [title, icon, ids.COMMAND_CATEGORY]);
  }
  for (const id of Object.values(ids.Commands)) {
    assert.equal(contributes.commands.filter((command) => command.command === id).length, 1, `${id} is declared once`);
  }
});

test('menus name declared commands, known views and known tree item kinds', () => {
  const commands = new Set(contributes.commands.map((command) => command.command));
  const views = new Set(Object.values(ids.Views));
  const kinds = new Set(Object.values(ids.ItemKinds));
  for (const [where, items] of Object.entries(contributes.menus)) {
    for (const item of items) {
      assert.ok(commands.has(item.command), `${where}: ${item.command}`);
      for (const [, view] of (item.when ?? '').matchAll(/view == ([\w.]+)/g)) assert.ok(views.has(view), `${where}: view ${view}`);
      for (const [, kind] of (item.when ?? '').matchAll(/viewItem == (\w+)/g)) assert.ok(kinds.has(kind), `${where}: viewItem ${kind}`);
      for (const [, list] of (item.when ?? '').matchAll(/viewItem =~ \/\^\(([\w|]+)\)\$\//g)) {
        for (const kind of list.split('|')) assert.ok(kinds.has(kind), `${where}: viewItem ${kind}`);
      }
    }
  }
  const inline = contributes.menus['view/item/context'].filter((item) => item.group.startsWith('inline'));
  const ours = new Set(Object.values(ids.Commands));
  // Other areas (the debugger) may add their own buttons; ours are there, in this order.
  const inlineFor = (kind) => inline.filter((item) => ours.has(item.command) && new RegExp(`viewItem (== ${kind}\\b|=~ /\\^\\([\\w|]*\\b${kind}\\b)`).test(item.when)).map((item) => item.command);
  assert.deepEqual(inlineFor('function'), [ids.Commands.invoke, ids.Commands.debug, ids.Commands.openHandler, ids.Commands.packageFunction]);
  assert.deepEqual(inlineFor('trigger'), [ids.Commands.invoke, ids.Commands.debug, ids.Commands.newEventFromTrigger]);
  assert.deepEqual(inlineFor('savedEvent'), [ids.Commands.invoke, ids.Commands.debug]);
  assert.deepEqual(inlineFor('templateError'), [ids.Commands.refresh]);
  assert.deepEqual(inlineFor('invocation'), [ids.Commands.rerun]);
  const title = contributes.menus['view/title'].filter((item) => ours.has(item.command) && item.group.startsWith('navigation')).map((item) => item.command);
  assert.deepEqual(title, [ids.Commands.newFunction, ids.Commands.refresh]);
});

test('the Lambda container, its two views and their icons', () => {
  assert.deepEqual(contributes.viewsContainers.activitybar.find((c) => c.id === ids.CONTAINER_ID), { id: 'lambdaWorkbench', title: 'Lambda', icon: 'media/lambda.svg' });
  assert.deepEqual(contributes.views[ids.CONTAINER_ID].map((view) => [view.id, view.name]),
    [[ids.Views.functions, 'Functions'], [ids.Views.invocations, 'Recent Invocations']]);
  const files = ['media/lambda.svg', 'media/icon.png', pkg.icon,
    ...['light', 'dark'].flatMap((theme) => ['lambda', 'nodejs', 'python', 'provided'].map((name) => `media/${theme}/${name}.svg`))];
  for (const file of files) assert.ok(existsSync(path.join(root, file)), file);
  const png = readFileSync(path.join(root, pkg.icon));
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'the gallery icon is 128×128');
});

test('settings: the contract keys and defaults', () => {
  const properties = contributes.configuration.properties;
  for (const key of Object.values(ids.Settings)) assert.ok(properties[key], `${key} is declared`);
  assert.deepEqual(properties[ids.Settings.runtimeBinaries].default, {});
  assert.equal(properties[ids.Settings.region].default, 'us-east-1');
  assert.equal(properties[ids.Settings.accountId].default, '123456789012');
  assert.deepEqual(properties[ids.Settings.logFormat].enum, ['auto', 'text', 'json']);
  assert.equal(properties[ids.Settings.logFormat].default, 'auto');
  assert.match(ids.Settings.region, /^lambdaWorkbench\./);
});

test('the `lambda` debugger: its launch schema is src/debug/launchSchema.json, with breakpoints in JS, TS and Python', () => {
  const languages = ['python', 'javascript', 'typescript'];
  assert.deepEqual(contributes.breakpoints, languages.map((language) => ({ language })));
  const [debuggerEntry, ...others] = contributes.debuggers;
  assert.equal(others.length, 0);
  assert.deepEqual([debuggerEntry.type, debuggerEntry.label, debuggerEntry.languages], [ids.DEBUG_TYPE, 'AWS Lambda (Lambda Workbench)', languages]);
  const { $comment, ...schema } = JSON.parse(readFileSync(path.join(root, 'src', 'debug', 'launchSchema.json'), 'utf8'));
  assert.ok($comment);
  assert.deepEqual(debuggerEntry.configurationAttributes.launch, schema);
  for (const config of [...debuggerEntry.initialConfigurations, ...debuggerEntry.configurationSnippets.map((snippet) => snippet.body)]) {
    assert.deepEqual([config.type, config.request], [ids.DEBUG_TYPE, 'launch']);
    for (const key of Object.keys(config)) if (!['type', 'request', 'name'].includes(key)) assert.ok(schema.properties[key], `${key} is in the schema`);
  }
  assert.equal(debuggerEntry.configurationSnippets.length, 2);
  assert.deepEqual(contributes.configuration.properties[ids.Settings.codeLens], contributes.configuration.properties[ids.Settings.codeLens] && {
    ...contributes.configuration.properties[ids.Settings.codeLens], type: 'boolean', default: true });
});

test('the editor does not forward the ports of an environment (its debugger\'s, above all) to the user\'s machine', () => {
  // remote.portsAttributes keys that are not port numbers are regular expressions on the listening process's command line.
  const attributes = Object.entries(contributes.configurationDefaults['remote.portsAttributes']);
  assert.equal(attributes.length, 1);
  const [[key, value]] = attributes;
  assert.deepEqual(value, { onAutoForward: 'ignore' });
  const pattern = new RegExp(key);
  const entries = [path.join('node', 'bootstrap.bundle.js'), path.join('node', 'bootstrap.js'), path.join('python', 'bootstrap.py')];
  for (const entry of entries) {
    const file = path.join(root, 'runtimes', entry);
    assert.ok(existsSync(file), `${file} exists`);
    assert.match(`/usr/bin/node --expose-gc --max-http-header-size 81920 ${file}`, pattern);
    assert.match(`C:\\Program Files\\nodejs\\node.exe C:\\Users\\lin\\.vscode\\extensions\\lambda-workbench\\runtimes\\${entry.replace(/\//g, '\\')}`, pattern);
  }
  for (const other of ['/usr/bin/node server.js', '/usr/bin/node /srv/app/runtimes/node/server.js',
    '/opt/code-server/lib/node /opt/code-server/lib/vscode/out/bootstrap-fork --type=extensionHost']) {
    assert.doesNotMatch(other, pattern);
  }
});
