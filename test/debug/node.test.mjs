// The `lambda` debug adapter with Node.js and TypeScript functions, driven by DebugClient as VS Code would drive it.
// In place of VS Code's JavaScript debugger, a Chrome DevTools Protocol client attaches where startDebugging says.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { alive, escapeRegExp, fixtures, launch, nextReverse, outputText, runtimesDir, sessionEnd, startAdapter } from './adapterClient.mjs';
import { CdpClient } from './cdp.mjs';
import { decodeMappings, inlineSourceMap } from './sourceMap.mjs';

const jsFile = path.join(fixtures, 'node-js', 'app.js');
const tsFile = path.join(fixtures, 'node-ts', 'app.ts');
const template = { template: 'template.yaml', eventFile: 'events/hello.json' };

/** Starts the adapter; ends it (and the CDP client) after the test. */
async function adapter(t) {
  const dc = await startAdapter();
  t.after(() => dc.stop());
  return dc;
}

/** Launches and attaches a CDP client where the adapter's startDebugging request points. */
async function launchAndAttach(t, dc, args) {
  const startDebugging = nextReverse(dc, 'startDebugging');
  await launch(dc, args);
  const request = await startDebugging;
  const { address, port } = request.arguments.configuration;
  const cdp = await CdpClient.connect(address, port);
  t.after(() => cdp.close());
  await cdp.send('Runtime.enable');
  await cdp.send('Debugger.enable');
  const pid = (await cdp.send('Runtime.evaluate', { expression: 'process.pid' })).result.value;
  return { cdp, request, pid };
}

/** Sets a breakpoint on a 1-based line of a CommonJS file (its script URL is a file: URL). */
function breakAt(cdp, file, line) {
  return cdp.send('Debugger.setBreakpointByUrl', { url: pathToFileURL(file).href, lineNumber: line - 1 });
}

async function release(cdp) {
  const paused = cdp.waitFor('Debugger.paused');
  await cdp.send('Runtime.runIfWaitingForDebugger');
  return paused;
}


function evaluateOn(cdp, paused, expression) {
  return cdp.send('Debugger.evaluateOnCallFrame', { callFrameId: paused.callFrames[0].callFrameId, expression, returnByValue: true })
    .then((reply) => reply.result.value);
}

test('launch asks the editor to attach its JavaScript debugger to the waiting environment', async (t) => {
  const dc = await adapter(t);
  const { request, pid } = await launchAndAttach(t, dc, { ...template, functionId: 'NodeFunction' });
  assert.equal(request.arguments.request, 'attach');
  const configuration = request.arguments.configuration;
  assert.ok(Number.isInteger(configuration.port) && configuration.port > 0);
  assert.deepEqual({ ...configuration, port: 0 }, {
    type: 'pwa-node',
    // VS Code starts the child as a `lambda` session: this names its own debugger (see childSessionConfiguration).
    lambdaWorkbenchChildType: 'pwa-node',
    request: 'attach',
    name: 'NodeFunction (nodejs20.x)',
    address: '127.0.0.1',
    port: 0,
    sourceMaps: true,
    skipFiles: ['<node_internals>/**', `${path.join(runtimesDir, 'node')}/**`],
    continueOnAttach: true,
    resolveSourceMapLocations: [`${path.join(fixtures, 'node-js')}/**`, '!**/node_modules/**'],
    outFiles: [`${path.join(fixtures, 'node-js')}/**/*.(m|c|)js`, '!**/node_modules/**'],
    runtimeSourcemapPausePatterns: [`${path.join(fixtures, 'node-js')}/**/*.{ts,mts,cts}`],
    cwd: path.join(fixtures, 'node-js'),
    autoAttachChildProcesses: false,
    attachExistingChildren: false,
  });
  // Nothing of the function has run: it waits for the debugger, however long that takes (the timeout is 2 s).
  await new Promise((resolve) => setTimeout(resolve, 2500));
  assert.ok(alive(pid));
  assert.doesNotMatch(outputText(dc), /START RequestId/);
  assert.match(outputText(dc), /Node\.js v\d+\.\d+\.\d+ inspector listening on 127\.0\.0\.1:\d+, waiting for the debugger/);
});

test('startDebugging names the inspector\'s port before the environment listens, so the editor\'s debugger sets out while it starts', async (t) => {
  const dc = await adapter(t);
  const { request, pid } = await launchAndAttach(t, dc, { ...template, functionId: 'NodeFunction' });
  const messages = dc.transcript.map(({ message }) => message);
  const asked = messages.findIndex((message) => message.type === 'request' && message.command === 'startDebugging');
  const listening = messages.findIndex((message) => message.type === 'event' && message.event === 'output' && /inspector listening on/.test(message.body.output));
  assert.ok(asked >= 0 && listening >= 0, 'both the request and the listening line were sent');
  assert.ok(asked < listening, 'startDebugging came after the inspector listened: the editor\'s debugger waited for the environment to start');
  // The port it named is the one the inspector took, and the client attached there.
  const port = request.arguments.configuration.port;
  assert.match(messages[listening].body.output, new RegExp(`listening on 127\\.0\\.0\\.1:${port}, waiting for the debugger`));
  assert.ok(alive(pid));
});

test('a debugPort the user gave is named only once the inspector listens there; a taken one fails the launch alone', async (t) => {
  const busy = net.createServer();
  await new Promise((resolve) => busy.listen(0, '127.0.0.1', resolve));
  t.after(() => busy.close());
  const taken = await adapter(t);
  await assert.rejects(launch(taken, { ...template, functionId: 'NodeFunction', debugPort: busy.address().port }),
    new RegExp(`the Node\\.js inspector cannot listen on 127\\.0\\.0\\.1:${busy.address().port} \\(is the port in use\\?\\) — choose another port`));
  assert.deepEqual(taken.reverseRequests.map((request) => request.command), [], 'a debugger was sent to a port the environment never had');

  const free = await new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  const given = await adapter(t);
  const { request } = await launchAndAttach(t, given, { ...template, functionId: 'NodeFunction', debugPort: free });
  assert.equal(request.arguments.configuration.port, free);
  const messages = given.transcript.map(({ message }) => message);
  const asked = messages.findIndex((message) => message.type === 'request' && message.command === 'startDebugging');
  const listening = messages.findIndex((message) => message.type === 'event' && message.event === 'output' && /inspector listening on/.test(message.body.output));
  assert.ok(listening >= 0 && listening < asked, 'startDebugging named the given port before the inspector had it');
});

test('module-level code and the handler stop at their breakpoints, with event and context in scope', async (t) => {
  const dc = await adapter(t);
  const { cdp } = await launchAndAttach(t, dc, { ...template, functionId: 'NodeFunction' });
  await breakAt(cdp, jsFile, 2);
  await breakAt(cdp, jsFile, 5);
  const atInit = await release(cdp);
  assert.equal(atInit.callFrames[0].location.lineNumber + 1, 2, 'stopped in module-level code, before the handler ran');
  const inHandler = cdp.waitFor('Debugger.paused');
  await cdp.send('Debugger.resume');
  const paused = await inHandler;
  assert.equal(paused.callFrames[0].location.lineNumber + 1, 5);
  const locals = await cdp.localNames(paused);
  assert.ok(locals.includes('event') && locals.includes('context'), `locals: ${locals}`);
  assert.equal(await evaluateOn(cdp, paused, 'event.name'), 'debugger');
  assert.equal(await evaluateOn(cdp, paused, 'context.functionName'), 'NodeFunction');
  const end = sessionEnd(dc);
  const exited = dc.waitForEvent('exited');
  await cdp.send('Debugger.resume');
  const result = await end;
  assert.equal(JSON.parse(result.payload).greeting, 'hello debugger (module-level code)');
  assert.equal((await exited).body.exitCode, 0);
  // The log lines reached the Debug Console as they happened, then the result.
  const output = outputText(dc);
  for (const expected of [/INIT_START Runtime Version: nodejs:20/, /START RequestId: /, /\tINFO\thello debugger/, /END RequestId: /, /REPORT RequestId: .*Duration: /]) {
    assert.match(output, expected);
  }
  assert.ok(output.indexOf('REPORT RequestId') < output.indexOf('{"greeting"'));
  assert.doesNotMatch(output, /Debugger attached|Debugger listening on ws/, 'the inspector notices are not function output');
});

test('a function with a 2-second timeout held 5 s at a breakpoint still returns, and its remaining time left the pause out', async (t) => {
  const dc = await adapter(t);
  const { cdp } = await launchAndAttach(t, dc, { ...template, functionId: 'NodeFunction' });
  await breakAt(cdp, jsFile, 5);
  const paused = await release(cdp);
  assert.equal(paused.callFrames[0].location.lineNumber + 1, 5);
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const end = sessionEnd(dc);
  await cdp.send('Debugger.resume');
  const result = await end;
  assert.equal(result.functionError, undefined, result.payload);
  const { before, after } = JSON.parse(result.payload);
  assert.ok(after > 0, `getRemainingTimeInMillis() after the pause: ${after}`);
  assert.ok(before - after < 500, `the pause was not counted: before ${before}, after ${after}`);
  assert.ok(result.pausedMs >= 5000, `pausedMs ${result.pausedMs}`);
  const report = result.logs.find((line) => line.startsWith('REPORT'));
  assert.ok(Number(/Duration: ([\d.]+) ms/.exec(report)[1]) < 2000, report);
});

test('a TypeScript handler stops at the .ts line: its source map names the real .ts file', async (t) => {
  const dc = await adapter(t);
  const { cdp, request } = await launchAndAttach(t, dc, { ...template, functionId: 'TsFunction' });
  // As VS Code's JavaScript debugger does with runtimeSourcemapPausePatterns: stop at the start of each matching
  // script, read its source map, bind the breakpoint, go on.
  assert.deepEqual(request.arguments.configuration.runtimeSourcemapPausePatterns, [`${path.join(fixtures, 'node-ts')}/**/*.{ts,mts,cts}`]);
  const entry = await cdp.send('Debugger.setBreakpointByUrl', { urlRegex: `${escapeRegExp(path.join(fixtures, 'node-ts'))}/.*\\.ts$`, lineNumber: 0, columnNumber: 0 });
  const wanted = 9; // `const greeting: string = ...` in app.ts
  const atEntry = await release(cdp);
  const scriptId = atEntry.callFrames[0].location.scriptId;
  const { scriptSource } = await cdp.send('Debugger.getScriptSource', { scriptId });
  const map = inlineSourceMap(scriptSource);
  assert.ok(map, 'the transpiled handler carries an inline source map');
  assert.deepEqual(map.sources, [tsFile], 'the source map names the real .ts file');
  const target = decodeMappings(map).find((m) => m.sourceLine === wanted - 1);
  assert.ok(target, `no mapping for ${tsFile}:${wanted}`);
  await cdp.send('Debugger.setBreakpoint', { location: { scriptId, lineNumber: target.generatedLine, columnNumber: target.generatedColumn } });
  await cdp.send('Debugger.removeBreakpoint', { breakpointId: entry.breakpointId });
  const next = cdp.waitFor('Debugger.paused');
  await cdp.send('Debugger.resume');
  const paused = await next;
  const frame = paused.callFrames[0];
  const back = decodeMappings(map).filter((m) => m.generatedLine === frame.location.lineNumber && m.generatedColumn <= frame.location.columnNumber).at(-1);
  assert.equal(back.sourceLine + 1, wanted, 'stopped on the .ts line');
  assert.ok((await cdp.localNames(paused)).includes('event'));
  const end = sessionEnd(dc);
  await cdp.send('Debugger.resume');
  assert.deepEqual(JSON.parse((await end).payload), { greeting: 'hello debugger', language: 'typescript' });
});

/** The URLs of the scripts the environment compiles once the debugger lets it go on, until the invoke ends. */
async function scriptsAfterRelease(dc, cdp) {
  const from = cdp.events.length;
  const end = sessionEnd(dc);
  await cdp.send('Runtime.runIfWaitingForDebugger');
  const result = await end;
  const urls = cdp.events.slice(from).filter((event) => event.method === 'Debugger.scriptParsed').map((event) => event.params.url);
  return { urls, result };
}

test('what loading the handler needs is loaded before the debugger attaches: Node\'s ES module loader, esbuild for TypeScript', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lwb-esm-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'app.mjs'), "export const handler = async () => 'from an ES module';\n");
  const esm = await adapter(t);
  const { cdp } = await launchAndAttach(t, esm, { handler: 'app.handler', runtime: 'nodejs20.x', codeDir: dir, event: {} });
  const loaded = await scriptsAfterRelease(esm, cdp);
  assert.equal(JSON.parse(loaded.result.payload), 'from an ES module');
  assert.ok(loaded.urls.includes(pathToFileURL(path.join(dir, 'app.mjs')).href), 'the handler itself loads after the attach');
  assert.deepEqual(loaded.urls.filter((url) => url.startsWith('node:internal/modules/esm/')), [], 'the ES module loader loaded in the debugger\'s path');

  const ts = await adapter(t);
  const { cdp: tsCdp } = await launchAndAttach(t, ts, { ...template, functionId: 'TsFunction' });
  const transpiled = await scriptsAfterRelease(ts, tsCdp);
  assert.deepEqual(JSON.parse(transpiled.result.payload), { greeting: 'hello debugger', language: 'typescript' });
  assert.deepEqual(transpiled.urls.filter((url) => /[/\\]esbuild[/\\]|tsTranspiler/.test(url)), [], 'esbuild loaded in the debugger\'s path');
});

test('a handler that throws ends the session with the Lambda error', async (t) => {
  const dc = await adapter(t);
  const { cdp } = await launchAndAttach(t, dc, { ...template, functionId: 'CrashFunction' });
  const end = sessionEnd(dc);
  const exited = dc.waitForEvent('exited');
  await cdp.send('Runtime.runIfWaitingForDebugger');
  const result = await end;
  assert.equal(result.functionError, 'Unhandled');
  assert.equal(result.errorType, 'TypeError');
  assert.equal(JSON.parse(result.payload).errorMessage, 'cannot greet debugger');
  assert.equal((await exited).body.exitCode, 1);
  assert.match(outputText(dc), /\tERROR\tInvoke Error \t\{"errorType":"TypeError","errorMessage":"cannot greet debugger"/);
  assert.match(outputText(dc), /CrashFunction failed \(TypeError\)/);
});

test('a process that crashes ends the session with Runtime.ExitError, debugger attached or not', async (t) => {
  const dc = await adapter(t);
  const { cdp } = await launchAndAttach(t, dc, { handler: 'app.handler', runtime: 'nodejs20.x', codeDir: path.join(fixtures, 'node-exit') });
  const end = sessionEnd(dc);
  await cdp.send('Runtime.runIfWaitingForDebugger');
  const result = await end;
  assert.equal(result.errorType, 'Runtime.ExitError');
  assert.match(JSON.parse(result.payload).errorMessage, /Runtime exited with error: exit status 3/);
  // Without a template, the result carries the settings the function ran with, for the editor's result panel.
  assert.deepEqual([result.functionName, result.memorySize, result.timeout, result.architecture], ['function', 128, 3, 'x86_64']);
});

test('disconnect while stopped at a breakpoint ends the environment: no process is left', async (t) => {
  const dc = await adapter(t);
  const { cdp, pid } = await launchAndAttach(t, dc, { ...template, functionId: 'NodeFunction' });
  await breakAt(cdp, jsFile, 5);
  await release(cdp);
  assert.ok(alive(pid));
  await dc.disconnectRequest({});
  assert.equal(alive(pid), false, `environment ${pid} still running`);
});

test('after the invoke, the environment outlives the session until disconnect: the debugger gets its last answers', async (t) => {
  const dc = await adapter(t);
  const { cdp, pid } = await launchAndAttach(t, dc, { ...template, functionId: 'NodeFunction' });
  await breakAt(cdp, jsFile, 5);
  await release(cdp);
  const end = sessionEnd(dc);
  await cdp.send('Debugger.resume');
  await end;
  // The session has ended; the debugger is still attached and still answered (a killed process fails it).
  assert.equal((await cdp.send('Runtime.evaluate', { expression: 'process.pid' })).result.value, pid);
  await dc.disconnectRequest({});
  assert.equal(alive(pid), false, `environment ${pid} still running`);
});

test('disconnect while the environment waits for its debugger ends it too', async (t) => {
  const dc = await adapter(t);
  const { pid } = await launchAndAttach(t, dc, { ...template, functionId: 'NodeFunction' });
  await dc.disconnectRequest({});
  assert.equal(alive(pid), false, `environment ${pid} still running`);
});

test('terminate (the Stop button) ends the environment, then the session', async (t) => {
  const dc = await adapter(t);
  const { cdp, pid } = await launchAndAttach(t, dc, { ...template, functionId: 'NodeFunction' });
  await breakAt(cdp, jsFile, 5);
  await release(cdp);
  const terminated = dc.waitForEvent('terminated');
  await dc.terminateRequest({});
  await terminated;
  assert.equal(alive(pid), false, `environment ${pid} still running`);
});

test('restart starts a fresh invoke in a fresh environment', async (t) => {
  const dc = await adapter(t);
  const first = await launchAndAttach(t, dc, { ...template, functionId: 'NodeFunction' });
  const again = nextReverse(dc, 'startDebugging');
  await dc.restartRequest({});
  const request = await again;
  assert.equal(alive(first.pid), false, 'the first environment is gone');
  const cdp = await CdpClient.connect(request.arguments.configuration.address, request.arguments.configuration.port);
  t.after(() => cdp.close());
  const end = sessionEnd(dc);
  await cdp.send('Runtime.runIfWaitingForDebugger');
  assert.equal(JSON.parse((await end).payload).greeting, 'hello debugger (module-level code)');
});

test('noDebug (Run Without Debugging) invokes without a debugger', async (t) => {
  const dc = await adapter(t);
  const end = sessionEnd(dc);
  await launch(dc, { ...template, functionId: 'NodeFunction', noDebug: true });
  const result = await end;
  assert.equal(JSON.parse(result.payload).greeting, 'hello debugger (module-level code)');
  assert.equal(dc.reverseRequests.length, 0);
});

test('a debug environment opens the inspector without loading `inspector`, `net` or `stream` (Node compiles them without their code cache there)', async (t) => {
  const dc = await adapter(t);
  const end = sessionEnd(dc);
  const codeDir = path.join(fixtures, '..', 'runtime-node', 'loaded-modules');
  const { cdp } = await launchAndAttach(t, dc, { handler: 'index.handler', runtime: 'nodejs20.x', codeDir, event: {} });
  await cdp.send('Runtime.runIfWaitingForDebugger');
  const loaded = JSON.parse((await end).payload);
  assert.ok(loaded.includes('fs'), loaded.join(' '));
  for (const name of ['inspector', 'worker_threads', 'stream', 'net']) assert.ok(!loaded.includes(name), `${name} was loaded: ${loaded.join(' ')}`);
});

test('with --pending-deprecation in NODE_OPTIONS a debug environment uses the inspector module (no deprecation warning of ours) and attaches the same', async (t) => {
  const dc = await adapter(t);
  const end = sessionEnd(dc);
  const codeDir = path.join(fixtures, '..', 'runtime-node', 'loaded-modules');
  const { cdp } = await launchAndAttach(t, dc, { handler: 'index.handler', runtime: 'nodejs20.x', codeDir, event: {}, env: { NODE_OPTIONS: '--pending-deprecation' } });
  await cdp.send('Runtime.runIfWaitingForDebugger');
  assert.ok(JSON.parse((await end).payload).includes('inspector'));
  assert.doesNotMatch(outputText(dc), /DeprecationWarning/);
});

test('runtimeBinaries names the program that runs a runtime, as the setting does for an invoke', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lwb-debug-binary-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const node = path.join(dir, 'node');
  const started = path.join(dir, 'started');
  writeFileSync(node, `#!/bin/sh\necho "$@" >> '${started}'\nexec '${process.execPath}' "$@"\n`);
  chmodSync(node, 0o755);
  const dc = await adapter(t);
  const end = sessionEnd(dc);
  await launch(dc, { ...template, functionId: 'NodeFunction', noDebug: true, runtimeBinaries: { 'nodejs20.x': node } });
  assert.equal(JSON.parse((await end).payload).greeting, 'hello debugger (module-level code)');
  assert.match(readFileSync(started, 'utf8'), /bootstrap/, 'the environment ran on the named program');
  await assert.rejects(launch(await adapter(t), { ...template, functionId: 'NodeFunction', runtimeBinaries: { 'nodejs20.x': 20 } }),
    /"runtimeBinaries\.nodejs20\.x" must be a string, not 20/);
});

test('launch arguments that name no function fail the launch with a one-line reason', async (t) => {
  const dc = await adapter(t);
  await assert.rejects(launch(dc, { ...template, functionId: 'NoSuchFunction' }), /Function 'NoSuchFunction' not found in template\.yaml\. Functions: NodeFunction, TsFunction/);
  await assert.rejects(launch(dc, { handler: 'app.handler' }), /"template" \(and "functionId"\), or "handler" and "runtime"/);
  await assert.rejects(launch(dc, { ...template, functionId: 'NodeFunction', eventFile: 'events/missing.json' }), /"eventFile": .*missing\.json: cannot read the event file: no such file/);
  await assert.rejects(launch(dc, { handler: 'bootstrap', runtime: 'provided.al2023' }), /supports Node\.js and Python functions only/);
});
