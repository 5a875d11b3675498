// Step debugging as a user meets it, in a real VS Code (code-server) with the packaged VSIX: a breakpoint set in
// the JavaScript handler of examples/hello, 🐞 on the function in the Lambda view, the debugger stopped on that
// line with `event` in the Variables view, and, after Continue, the result panel; an unsaved edit of the handler,
// which 🐞 saves before it runs; the same for the TypeScript function
// (a breakpoint in app.ts, which runs transpiled with a source map) and the Python function (debugpy, carried by the
// adapter: code-server has no Python extension); the paused environment's inspector port, which the editor's
// automatic port forwarding must leave alone; then a launch.json run without a template, whose result shows in
// the result panel too, and one whose environment exits before the debugger can attach. Prints the time from the
// click that starts a session to the stop (a figure for the notes, not an assertion).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startSession } from './lib/session.mjs';
import {
  clickInlineAction, editorTab, exactly, expand, openLambdaView, pickQuickItem, runCommand, runCommandAndAnswer, treeRow, viewPane,
  webviewFrame, withScreenshotOnFailure,
} from './lib/workbench.mjs';

const BREAKPOINT_LINE = 7; // examples/hello/hello-node/app.mjs: console.log(`greeting ${name} in ${process.env.STAGE}`);

let session;
let page;

before(async () => {
  // Auto-save off (code-server turns it on in the browser), as in a desktop VS Code: 🐞 must save the handler itself.
  // No automatic type acquisition: in the run folder's fresh home, opening app.mjs has the TypeScript server run
  // `npm install` (types-registry, then @types) against the registry, several seconds of CPU that landed in the
  // first run's figure; a user's machine has that cache already.
  session = await startSession('debug', { settings: { 'files.autoSave': 'off', 'typescript.disableAutomaticTypeAcquisition': true } });
  page = session.page;
});
after(async () => {
  await session?.close();
});

/** The Call Stack pane (its header also says "Paused on breakpoint" when there is one session, so no exact title). */
function callStackPane() {
  return page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: /^\s*Call Stack/i }) });
}

/** Expands the Variables view's scope (`Local`, or debugpy's `Locals`) and checks that each of `expected` is there. */
async function assertInScope(scope, expected) {
  const variables = viewPane(page, 'Variables');
  await expand(variables.locator('.monaco-list-row', { hasText: new RegExp(`^\\s*${scope}\\b`) }).first());
  await variables.locator('.monaco-list-row', { hasText: /^\s*event\b/ }).first().waitFor();
  const names = (await variables.locator('.monaco-list-row .name').allInnerTexts()).map((name) => name.trim().replace(/\s*[:=]$/, ''));
  for (const name of expected) assert.ok(names.includes(name), `${name} is not in the Variables view: ${names.join(', ')}`);
}

/** A tab of the panel (Problems, Output, Debug Console, Terminal, Ports). */
function panelTab(title) {
  return page.locator('.part.panel .composite-bar .action-item', { hasText: title }).first();
}

/** Continue: the invoke ends, and the result panel `title` shows Succeeded with a payload matching `payload`. */
async function continueToResult(title, payload) {
  const toolbar = page.locator('.debug-toolbar');
  await toolbar.waitFor({ state: 'visible' });
  await runCommand(page, 'Debug: Continue');
  const frame = await webviewFrame(page, title);
  const status = frame.locator('#status');
  await status.filter({ hasText: /\S/ }).waitFor({ timeout: 60_000 });
  assert.equal((await status.innerText()).trim(), 'Succeeded');
  assert.match(await frame.locator('#payload').innerText(), payload);
  // The session ends with the invoke: the debug toolbar goes away (and the next test starts with no session).
  await toolbar.waitFor({ state: 'hidden', timeout: 30_000 });
}

/**
 * Writes `configuration` as .vscode/launch.json's only one and starts it from "Debug: Select and Start Debugging".
 * VS Code notices a new launch.json on its own time: the list is asked for again until the configuration is offered.
 */
async function startLaunchConfiguration(configuration) {
  mkdirSync(path.join(session.ws, '.vscode'), { recursive: true });
  writeFileSync(path.join(session.ws, '.vscode', 'launch.json'), JSON.stringify({ version: '0.2.0', configurations: [configuration] }, null, 2));
  const offered = page.locator('.quick-input-widget .quick-input-list .quick-input-list-label .label-name', { hasText: exactly(configuration.name) });
  for (let attempt = 0; ; attempt++) {
    await runCommand(page, 'Debug: Select and Start Debugging');
    if (await offered.first().waitFor({ timeout: 2_000 }).then(() => true, () => false)) break;
    if (attempt === 10) throw new Error(`"${configuration.name}" of .vscode/launch.json is never offered`);
  }
  await pickQuickItem(page, configuration.name);
}

/**
 * The moment the workbench receives the next mouse press (the click that starts a session), as Date.now() (the page
 * and the test share the clock): every figure starts there, whatever Playwright spends finding and checking the
 * element before it presses (the quick pick's row of the first run takes it longer than a tree row's button).
 * Returns the function that reads it, once the click has been made.
 */
async function clickClock() {
  await page.evaluate(() => {
    delete globalThis.lwbPressedAt;
    globalThis.addEventListener('mousedown', () => (globalThis.lwbPressedAt = Date.now()), { capture: true, once: true });
  });
  return async () => {
    const pressedAt = await page.evaluate(() => globalThis.lwbPressedAt);
    assert.equal(typeof pressedAt, 'number', 'the click never reached the workbench');
    return pressedAt;
  };
}

/**
 * Milliseconds from `started` until a Call Stack row matches `pattern`. Checked at every frame: a locator's wait backs
 * off to half a second between checks, as coarse as the figure it would measure.
 */
async function msUntilCallStackRow(pattern, started) {
  await page.waitForFunction(({ source, flags }) => {
    const re = new RegExp(source, flags);
    return [...globalThis.document.querySelectorAll('.part.sidebar .pane')].some((pane) => /^\s*Call Stack/i.test(pane.querySelector('.pane-header')?.textContent ?? '')
      && [...pane.querySelectorAll('.monaco-list-row')].some((row) => re.test(row.textContent ?? '')));
  }, { source: pattern.source, flags: pattern.flags }, { polling: 'raf', timeout: 60_000 });
  return Date.now() - started;
}

function step(name, body) {
  return withScreenshotOnFailure(page, `debug-${name}`, body).catch((error) => {
    session.failed = true;
    throw error;
  });
}

test('🐞 on a JavaScript function stops at a breakpoint in its handler, shows `event`, and continues to the result', () => step('node', async () => {
  // The breakpoint: open the handler (Lambda: Open Handler), go to the console.log line, toggle a breakpoint.
  await openLambdaView(page);
  const fn = treeRow(page, 'Functions', 'HelloNodeFunction').first();
  await fn.waitFor({ timeout: 60_000 });
  await runCommand(page, 'Lambda: Open Handler');
  await pickQuickItem(page, 'HelloNodeFunction');
  await page.locator('.tabs-container .tab', { hasText: 'app.mjs' }).first().waitFor();
  await runCommandAndAnswer(page, 'Go to Line/Column...', `:${BREAKPOINT_LINE}`);
  await runCommand(page, 'Debug: Toggle Breakpoint');
  await page.locator('.monaco-editor .codicon-debug-breakpoint').first().waitFor();

  // 🐞 on the function, then the event: the click that starts the session is the pick.
  await openLambdaView(page);
  await clickInlineAction(fn, 'Debug');
  // The click that starts the session is the pick of the event, once the list is there to pick from.
  await page.locator('.quick-input-widget .quick-input-list .quick-input-list-label .label-name', { hasText: exactly('get-hello') }).first().waitFor();
  const clicked = await clickClock();
  await pickQuickItem(page, 'get-hello');
  const started = await clicked();
  const callStack = callStackPane();
  console.log(`[e2e] click to stop at the breakpoint (Node.js): ${await msUntilCallStackRow(/Paused on breakpoint/i, started)} ms`);

  // Stopped on that line of app.mjs, with the event in scope.
  await editorTab(page, 'app.mjs').first().waitFor();
  await page.locator('.monaco-editor .debug-top-stack-frame-line').first().waitFor();
  // The top frame (the stack loads lazily): the handler in app.mjs, at the breakpoint's line.
  await callStack.locator('.monaco-list-row', { hasText: 'app.mjs' }).filter({ hasText: new RegExp(`${BREAKPOINT_LINE}:\\d+\\s*$`) }).first().waitFor();
  // The window's first session shows the Debug Console (debugWiring.ts opens it at the stop, not at the start), and
  // the keyboard stays in the editor at the stopped line, as VS Code leaves it at a break.
  await page.locator('.part.panel .repl').first().waitFor();
  await page.waitForFunction(() => globalThis.document.activeElement?.closest('.editor-group-container') != null, undefined, { timeout: 10_000 });
  await assertInScope('Local', ['event', 'context']);

  // Continue: the invoke ends and the result panel shows it.
  await continueToResult('Lambda: HelloNodeFunction', /Hello, Ada!/);
  await callStack.locator('.monaco-list-row', { hasText: /Paused on breakpoint/i }).first().waitFor({ state: 'detached' });
}));

test('a second 🐞, on the saved event, stops again (the figure once the JavaScript debugger is loaded)', () => step('node-again', async () => {
  await openLambdaView(page);
  const saved = treeRow(page, 'Functions', 'get-hello').first();
  await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 30_000 });
  const clicked = await clickClock();
  await clickInlineAction(saved, 'Debug');
  const started = await clicked();
  const callStack = callStackPane();
  const paused = callStack.locator('.monaco-list-row', { hasText: /Paused on breakpoint/i }).first();
  console.log(`[e2e] click to stop at the breakpoint (Node.js, second run): ${await msUntilCallStackRow(/Paused on breakpoint/i, started)} ms`);
  await paused.waitFor();
  await runCommand(page, 'Debug: Continue');
  await paused.waitFor({ state: 'detached', timeout: 30_000 });
  await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 30_000 });
}));

test('🐞 runs the handler as the editor shows it: an unsaved edit is saved first', () => step('node-unsaved', async () => {
  // The session starts without VS Code's own save-before-start (see debugWiring.ts): 🐞 saves it.
  await editorTab(page, 'app.mjs').first().click();
  await runCommandAndAnswer(page, 'Go to Line/Column...', ':10');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.insertText("headers: { 'content-type': 'application/json', 'x-edited': 'unsaved until the debug run' },");
  await page.locator('.tabs-container .tab.dirty', { hasText: 'app.mjs' }).first().waitFor();
  await openLambdaView(page);
  await clickInlineAction(treeRow(page, 'Functions', 'get-hello').first(), 'Debug');
  const paused = callStackPane().locator('.monaco-list-row', { hasText: /Paused on breakpoint/i }).first();
  await paused.waitFor({ timeout: 60_000 });
  await continueToResult('Lambda: HelloNodeFunction', /unsaved until the debug run/);
  await paused.waitFor({ state: 'detached', timeout: 30_000 });
  assert.match(readFileSync(path.join(session.ws, 'hello', 'hello-node', 'app.mjs'), 'utf8'), /unsaved until the debug run/);
}));

test('the environment\'s debug port is not forwarded by the editor\'s automatic port forwarding', () => step('ports', async () => {
  // VS Code forwards each port a remote machine starts listening on, unless remote.portsAttributes says otherwise:
  // the inspector of a paused environment would be one. A control listener started after the stop shows that the
  // editor has scanned the ports since the inspector listened; the inspector must not be among those forwarded.
  await openLambdaView(page);
  await clickInlineAction(treeRow(page, 'Functions', 'get-hello').first(), 'Debug');
  await callStackPane().locator('.monaco-list-row', { hasText: /Paused on breakpoint/i }).first().waitFor({ timeout: 60_000 });
  const control = spawn(process.execPath, ['-e', "require('net').createServer().listen(0, '127.0.0.1', function () { console.log(this.address().port); })"], { stdio: ['ignore', 'pipe', 'inherit'] });
  let failure;
  try {
    const [line] = await once(control.stdout, 'data');
    const controlPort = line.toString().trim();
    await panelTab('Ports').click();
    const rows = page.locator('.part.panel .monaco-list-row');
    await rows.filter({ hasText: `/${controlPort}/` }).first().waitFor({ timeout: 30_000 });
    const forwarded = await rows.allInnerTexts();
    assert.ok(!forwarded.some((row) => /runtimes[/\\]node[/\\]bootstrap/.test(row)), `the inspector's port is forwarded:\n${forwarded.join('\n')}`);
  } catch (error) {
    failure = error;
  } finally {
    control.kill();
  }
  // The run goes on to its result either way, so that the next test starts with no session.
  await panelTab('Debug Console').click();
  await continueToResult('Lambda: HelloNodeFunction', /requestId/);
  if (failure) throw failure;
}));

test('🐞 on a TypeScript saved event stops at a breakpoint in app.ts itself (not the transpiled script), then returns', () => step('ts', async () => {
  const line = 17; // examples/hello/hello-ts/app.ts: console.log(`${context.functionName} greets ...`);
  await openLambdaView(page);
  await treeRow(page, 'Functions', 'HelloTsFunction').first().waitFor({ timeout: 60_000 });
  await runCommand(page, 'Lambda: Open Handler');
  await pickQuickItem(page, 'HelloTsFunction');
  await editorTab(page, 'app.ts').first().waitFor();
  await runCommandAndAnswer(page, 'Go to Line/Column...', `:${line}`);
  await runCommand(page, 'Debug: Toggle Breakpoint');
  await page.locator('.monaco-editor .codicon-debug-breakpoint').first().waitFor();
  await openLambdaView(page);
  const clicked = await clickClock();
  await clickInlineAction(treeRow(page, 'Functions', 'greet-two').first(), 'Debug');
  const started = await clicked();
  const callStack = callStackPane();
  console.log(`[e2e] click to stop at the breakpoint (TypeScript): ${await msUntilCallStackRow(/Paused on breakpoint/i, started)} ms`);
  await callStack.locator('.monaco-list-row', { hasText: /Paused on breakpoint/i }).first().waitFor();
  // The top frame is the .ts line; the editor shows app.ts of the workspace (a transpiled script would be another
  // document, with esbuild's line numbers).
  await callStack.locator('.monaco-list-row', { hasText: 'app.ts' }).filter({ hasText: new RegExp(`${line}:\\d+\\s*$`) }).first().waitFor();
  await page.locator('.tabs-container .tab.active', { hasText: 'app.ts' }).waitFor();
  await page.locator('.breadcrumbs-control .monaco-breadcrumb-item', { hasText: exactly('hello-ts') }).first().waitFor();
  await page.locator('.monaco-editor .debug-top-stack-frame-line').first().waitFor();
  await assertInScope('Local', ['event', 'context', 'names']);
  await continueToResult('Lambda: HelloTsFunction', /Hello, Grace!/);
}));

test('🐞 on a Python saved event stops at a breakpoint in app.py (debugpy through the adapter), then returns', () => step('python', async () => {
  const line = 13; // examples/hello/hello-python/app.py: logger.info("scheduled run at %s", event.get("time"))
  await runCommand(page, 'Lambda: Open Handler');
  await pickQuickItem(page, 'HelloPythonFunction');
  await editorTab(page, 'app.py').first().waitFor();
  await runCommandAndAnswer(page, 'Go to Line/Column...', `:${line}`);
  await runCommand(page, 'Debug: Toggle Breakpoint');
  await openLambdaView(page);
  const clicked = await clickClock();
  await clickInlineAction(treeRow(page, 'Functions', 'scheduled').first(), 'Debug');
  const started = await clicked();
  const callStack = callStackPane();
  // One session (no child): the Call Stack lists the frames at once, and says "Paused on breakpoint" in its header.
  console.log(`[e2e] click to stop at the breakpoint (Python): ${await msUntilCallStackRow(new RegExp(`app\\.py.*${line}:\\d+\\s*$`), started)} ms`);
  await callStack.locator('.monaco-list-row', { hasText: 'app.py' }).filter({ hasText: new RegExp(`${line}:\\d+\\s*$`) }).first().waitFor();
  await callStack.filter({ hasText: /Paused on breakpoint/i }).waitFor();
  await assertInScope('Locals', ['event', 'context']);
  await continueToResult('Lambda: HelloPythonFunction', /aws\.events/);
}));

test('a launch.json configuration without a template (handler, runtime, codeDir) shows its result in the result panel', () => step('templateless', async () => {
  await openLambdaView(page);
  await runCommand(page, 'Remove All Breakpoints');
  await page.locator('.monaco-editor .codicon-debug-breakpoint').first().waitFor({ state: 'detached' });
  const configuration = {
    type: 'lambda', request: 'launch', name: 'Hello handler without a template', handler: 'app.handler', runtime: 'nodejs20.x',
    codeDir: '${workspaceFolder}/hello/hello-node', event: { queryStringParameters: { name: 'Lin' } }, env: { GREETING: 'Hi' },
  };
  await startLaunchConfiguration(configuration);
  const frame = await webviewFrame(page, 'Lambda: app.handler');
  const status = frame.locator('#status');
  await status.filter({ hasText: /\S/ }).waitFor({ timeout: 60_000 });
  assert.equal((await status.innerText()).trim(), 'Succeeded');
  assert.match(await frame.locator('#payload').innerText(), /Hi, Lin!/);
}));

test('a Node.js environment that exits before the debugger attaches ends the session at once, the JavaScript debugger with it', () => step('exits-early', async () => {
  // Node refuses the option and exits before its inspector listens; js-debug, asked to attach to that port as the
  // environment started, would otherwise retry for its 10-second attach timeout and then report a second error.
  const configuration = {
    type: 'lambda', request: 'launch', name: 'Hello handler under NODE_OPTIONS Node refuses', handler: 'app.handler', runtime: 'nodejs20.x',
    codeDir: '${workspaceFolder}/hello/hello-node', event: {}, env: { NODE_OPTIONS: '--no-such-option' },
  };
  await startLaunchConfiguration(configuration);
  const frame = await webviewFrame(page, 'Lambda: app.handler');
  await frame.locator('#status').filter({ hasText: exactly('Runtime.ExitError') }).waitFor({ timeout: 60_000 });
  assert.match(await frame.locator('#payload').innerText(), /Runtime exited with error: exit status 9/);
  // Well before js-debug's 10 seconds: its session was stopped with the `lambda` one.
  await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 5_000 });
}));
