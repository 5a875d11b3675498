'use strict';
// Runs inside code-server's extension host (the `extensionTestsPath` of api.e2e.mjs): calls the extension's commands
// through the real VS Code API. Each case logs "ok - name" or "not ok - name: reason"; run() rejects if one failed.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

const extensionId = 'lambda-workbench.lambda-workbench';

function workspaceFile(...parts) {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.file(path.join(folder.uri.fsPath, ...parts));
}

function invoke(args) {
  return vscode.commands.executeCommand('lambdaWorkbench.invoke', { template: workspaceFile('hello', 'template.yaml'), silent: true, ...args });
}

function openTabLabels() {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
}

const cases = [
  ['Package Function zips a function and invokes the zip once before reporting it ready', async () => {
    const results = await vscode.commands.executeCommand('lambdaWorkbench.package', {
      template: workspaceFile('hello', 'template.yaml'), functionId: 'HelloNodeFunction', silent: true,
    });
    const fn = results.find((result) => result.kind === 'function');
    assert.equal(fn.ok, true, JSON.stringify(fn.findings));
    assert.ok(require('node:fs').existsSync(fn.zipFile), `${fn.zipFile} exists`);
    assert.match(fn.sha256, /^[0-9a-f]{64}$/);
    assert.equal(fn.smoke.ok, true);
    assert.match(fn.uploadCommands[0], /^aws lambda update-function-code --function-name HelloNodeFunction --zip-file fileb:\/\//);
  }],
  ['the extension is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is known to the extension host`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  }],
  ['invoke with an inline event returns the parsed payload and the REPORT', async () => {
    const result = await invoke({ functionId: 'HelloPythonFunction', event: { source: 'e2e.test', time: 'now' } });
    assert.deepEqual(result.payload, { invocations: 1, function: 'HelloPythonFunction', source: 'e2e.test' });
    assert.equal(result.functionError, undefined);
    assert.equal(result.report.memorySizeMB, 128);
    assert.equal(typeof result.report.durationMs, 'number');
    assert.ok(result.report.billedDurationMs >= 1, `billed ${result.report.billedDurationMs}`);
    assert.equal(typeof result.report.initDurationMs, 'number', 'the first invoke is a cold start');
  }],
  ['the environment stays warm between invokes of the same function', async () => {
    const result = await invoke({ functionId: 'HelloPythonFunction', event: { source: 'again' } });
    assert.deepEqual(result.payload, { invocations: 2, function: 'HelloPythonFunction', source: 'again' });
    assert.equal(result.report.initDurationMs, undefined, 'a warm invoke has no Init Duration');
  }],
  ['invoke with an event file reads the saved event', async () => {
    const result = await invoke({ functionId: 'HelloNodeFunction', eventFile: workspaceFile('hello', 'events', 'HelloNodeFunction', 'get-hello.json') });
    assert.equal(result.payload.statusCode, 200);
    assert.equal(JSON.parse(result.payload.body).message, 'Hello, Ada!');
  }],
  ['a silent invoke opens no result panel', async () => {
    const labels = openTabLabels();
    assert.ok(!labels.some((label) => label.startsWith('Lambda:')), `open tabs: ${labels.join(', ')}`);
  }],
  ['an unknown function is refused with a message naming it', async () => {
    await assert.rejects(invoke({ functionId: 'NoSuchFunction', event: {} }), /NoSuchFunction/);
  }],
];

async function run() {
  let failed = 0;
  for (const [name, body] of cases) {
    try {
      await body();
      console.log(`ok - ${name}`);
    } catch (error) {
      failed++;
      console.log(`not ok - ${name}: ${error && error.stack ? error.stack : error}`);
    }
  }
  if (failed) throw new Error(`${failed} of ${cases.length} extension-host cases failed`);
}

module.exports = { run };
