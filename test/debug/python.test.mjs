// The `lambda` debug adapter with Python functions: debugpy (Debian's python3-debugpy) in the environment, and either
// the adapter carrying the DAP conversation itself (inline: any editor, code-server included) or a child `debugpy`
// session the editor attaches (child: with the Python Debugger extension; a DAP client over TCP plays it here).
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { alive, environmentPid, fixtures, launch, nextReverse, outputText, runtimesDir, sessionEnd, startAdapter } from './adapterClient.mjs';
import { DapSocket } from './dapSocket.mjs';

const pyFile = path.join(fixtures, 'python', 'app.py');
const template = { template: 'template.yaml', functionId: 'PythonFunction', eventFile: 'events/hello.json' };

async function adapter(t) {
  const dc = await startAdapter();
  t.after(() => dc.stop());
  return dc;
}

/** As VS Code: breakpoints after `initialized`, then configurationDone, launch in parallel. */
async function launchWithBreakpoints(dc, args, lines) {
  const initialized = dc.waitForEvent('initialized');
  await dc.initializeRequest({ adapterID: 'lambda', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path', supportsStartDebuggingRequest: true, supportsVariableType: true });
  await initialized;
  const set = await dc.setBreakpointsRequest({ source: { path: pyFile }, breakpoints: lines.map((line) => ({ line })) });
  await Promise.all([dc.configurationDoneRequest(), dc.launchRequest(args)]);
  return set.body.breakpoints;
}

async function topFrame(dc, threadId) {
  const { body } = await dc.stackTraceRequest({ threadId });
  return body.stackFrames[0];
}

async function localsOf(dc, frame) {
  const { body } = await dc.scopesRequest({ frameId: frame.id });
  const { body: vars } = await dc.variablesRequest({ variablesReference: body.scopes[0].variablesReference });
  return Object.fromEntries(vars.variables.map((v) => [v.name, v.value]));
}

test('inline: module-level code and the handler stop at their breakpoints, with event and context in scope', async (t) => {
  const dc = await adapter(t);
  const verified = dc.waitForEvent('breakpoint');
  const stopped = dc.waitForEvent('stopped');
  const answered = await launchWithBreakpoints(dc, template, [2, 7]);
  assert.deepEqual(answered.map((b) => b.verified), [false, false], 'unverified until debugpy has them');
  assert.equal((await verified).body.breakpoint.verified, true);
  const atInit = await stopped;
  assert.equal((await topFrame(dc, atInit.body.threadId)).line, 2, 'stopped in module-level code');
  const inHandler = dc.waitForEvent('stopped');
  await dc.continueRequest({ threadId: atInit.body.threadId });
  const { body } = await inHandler;
  const frame = await topFrame(dc, body.threadId);
  assert.equal(frame.line, 7);
  assert.equal(frame.source.path, pyFile);
  const locals = await localsOf(dc, frame);
  assert.equal(locals.event, "{'name': 'debugger'}");
  assert.match(locals.context, /^LambdaContext\(\[aws_request_id=[0-9a-f-]{36},/);
  const evaluated = await dc.evaluateRequest({ expression: 'context.function_name', frameId: frame.id, context: 'watch' });
  assert.equal(evaluated.body.result, "'PythonFunction'");
  const end = sessionEnd(dc);
  await dc.continueRequest({ threadId: body.threadId });
  const result = await end;
  assert.equal(JSON.parse(result.payload).greeting, 'hello debugger (module-level code)');
  const output = outputText(dc);
  assert.match(output, /debugpy \S+ \(.*debugpy\) listening on 127\.0\.0\.1:\d+ in \S*python3\S*, waiting for the debugger/);
  assert.match(output, /START RequestId: [\s\S]*hello debugger \(module-level code\)\n[\s\S]*END RequestId: [\s\S]*REPORT RequestId: /);
});

test('inline: a function with a 2-second timeout held 5 s at a breakpoint still returns, its remaining time without the pause', async (t) => {
  const dc = await adapter(t);
  const stopped = dc.waitForEvent('stopped');
  await launchWithBreakpoints(dc, template, [7]);
  const { body } = await stopped;
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const end = sessionEnd(dc);
  await dc.continueRequest({ threadId: body.threadId });
  const result = await end;
  assert.equal(result.functionError, undefined, result.payload);
  const { before, after } = JSON.parse(result.payload);
  assert.ok(after > 0, `get_remaining_time_in_millis() after the pause: ${after}`);
  assert.ok(before - after < 500, `the pause was not counted: before ${before}, after ${after}`);
  assert.ok(result.pausedMs >= 5000, `pausedMs ${result.pausedMs}`);
});

test('child: startDebugging asks for a debugpy attach session, and a DAP client on that port stops in the handler', async (t) => {
  const dc = await adapter(t);
  const startDebugging = nextReverse(dc, 'startDebugging');
  await launch(dc, { ...template, pythonDebugger: 'child' });
  const request = await startDebugging;
  const configuration = request.arguments.configuration;
  assert.equal(request.arguments.request, 'attach');
  assert.deepEqual({ ...configuration, connect: { ...configuration.connect, port: 0 } }, {
    type: 'debugpy',
    lambdaWorkbenchChildType: 'debugpy',
    request: 'attach',
    name: 'PythonFunction (python3.11)',
    connect: { host: '127.0.0.1', port: 0 },
    justMyCode: true,
    redirectOutput: false,
    subProcess: false,
    showReturnValue: true,
    rules: [{ path: `${path.join(runtimesDir, 'python')}/**`, include: false }],
  });
  const dap = await DapSocket.connect(configuration.connect.host, configuration.connect.port);
  t.after(() => dap.close());
  await dap.request('initialize', { adapterID: 'debugpy', clientID: 'test', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' });
  const attachArgs = Object.fromEntries(Object.entries(configuration).filter(([key]) => !['type', 'lambdaWorkbenchChildType', 'request', 'name', 'connect'].includes(key)));
  const attached = dap.request('attach', attachArgs);
  await dap.request('setBreakpoints', { source: { path: pyFile }, breakpoints: [{ line: 7 }] });
  const stopped = dap.waitFor('stopped');
  await dap.request('configurationDone');
  await attached;
  const { threadId } = await stopped;
  const { stackFrames } = await dap.request('stackTrace', { threadId });
  assert.equal(stackFrames[0].line, 7);
  const { scopes } = await dap.request('scopes', { frameId: stackFrames[0].id });
  const { variables } = await dap.request('variables', { variablesReference: scopes[0].variablesReference });
  assert.ok(variables.some((v) => v.name === 'event') && variables.some((v) => v.name === 'context'));
  const end = sessionEnd(dc);
  await dap.request('continue', { threadId });
  assert.equal(JSON.parse((await end).payload).greeting, 'hello debugger (module-level code)');
});

test('disconnect while stopped in a Python handler ends the environment: no process is left', async (t) => {
  const dc = await adapter(t);
  const stopped = dc.waitForEvent('stopped');
  await launchWithBreakpoints(dc, template, [7]);
  await stopped;
  const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(outputText(dc))[1]);
  const pid = environmentPid(port);
  assert.ok(pid && alive(pid), `environment for port ${port}: ${pid}`);
  await dc.disconnectRequest({});
  assert.equal(alive(pid), false, `environment ${pid} still running`);
});

test('without debugpy the launch fails with one line saying what to install', async (t) => {
  const dc = await adapter(t);
  await assert.rejects(
    launch(dc, { ...template, env: { PYTHONPATH: path.join(fixtures, 'no-debugpy') } }),
    /Cannot debug PythonFunction: debugpy is not installed for \S+ \(Python 3\.\d+\) — install Debian's python3-debugpy \(apt-get install python3-debugpy\) or run: \S+ -m pip install debugpy/,
  );
});
