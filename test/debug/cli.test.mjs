// `lambda-workbench invoke --debug-port N`: the environment waits under the inspector (Node.js) or debugpy (Python)
// on 127.0.0.1:N, the CLI says how to attach (as `sam local invoke -d` does), and the paused clock applies.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { root } from '../helpers/invoke.mjs';
import { fixtures } from './adapterClient.mjs';
import { CdpClient } from './cdp.mjs';
import { DapSocket } from './dapSocket.mjs';

const cli = path.join(root, 'dist', 'cli.js');

/** Runs the CLI; `listening` resolves with the port once it says where to attach. */
function invoke(t, args) {
  const child = spawn(process.execPath, [cli, 'invoke', ...args], { cwd: fixtures, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  let onListening;
  const listening = new Promise((resolve) => (onListening = resolve));
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    const match = /^Debugger listening on 127\.0\.0\.1:(\d+) /m.exec(stderr);
    if (match) onListening(Number(match[1]));
  });
  const exited = new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  const attachable = Promise.race([listening, exited.then((r) => assert.fail(`the CLI ended first: ${r.stderr}`))]);
  attachable.catch(() => undefined); // a run that is meant to fail never listens
  return { listening: attachable, exited };
}

test('--debug-port with a Node.js function: attach, stop at a breakpoint longer than the timeout, get the result', async (t) => {
  const run = invoke(t, ['--handler', 'app.handler', '--runtime', 'nodejs20.x', '--code-dir', 'node-js', '--timeout', '1', '--event-json', '{"name":"cli"}', '--debug-port', '0']);
  const port = await run.listening;
  const cdp = await CdpClient.connect('127.0.0.1', port);
  t.after(() => cdp.close());
  await cdp.send('Debugger.enable');
  await cdp.send('Debugger.setBreakpointByUrl', { url: pathToFileURL(path.join(fixtures, 'node-js', 'app.js')).href, lineNumber: 4 });
  const paused = cdp.waitFor('Debugger.paused');
  await cdp.send('Runtime.runIfWaitingForDebugger');
  await paused;
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await cdp.send('Debugger.resume');
  const { code, stdout, stderr } = await run.exited;
  assert.equal(code, 0, stderr);
  const payload = JSON.parse(stdout);
  assert.equal(payload.greeting, 'hello cli (module-level code)');
  assert.ok(payload.after > 0, `remaining time after a 2 s pause with a 1 s timeout: ${payload.after}`);
  assert.match(stderr, /^Debugger listening on 127\.0\.0\.1:\d+ \(Node\.js v[\d.]+ inspector\) — attach with VS Code's "Attach to Node Process"/m);
  assert.doesNotMatch(stderr, /Debugger attached\.|For help, see/);
});

test('--debug-port with a Python function: debugpy on the given port, and which Python runs it', async (t) => {
  const probe = net.createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const fixedPort = probe.address().port;
  await new Promise((resolve) => probe.close(resolve));
  const run = invoke(t, ['--handler', 'app.handler', '--runtime', 'python3.11', '--code-dir', 'python', '--event-json', '{"name":"cli"}', '-d', String(fixedPort)]);
  const port = await run.listening;
  assert.equal(port, fixedPort);
  const dap = await DapSocket.connect('127.0.0.1', port);
  t.after(() => dap.close());
  await dap.request('initialize', { adapterID: 'debugpy', clientID: 'test', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' });
  const attached = dap.request('attach', {});
  await dap.request('configurationDone');
  await attached;
  const { code, stdout, stderr } = await run.exited;
  assert.equal(code, 0, stderr);
  assert.equal(JSON.parse(stdout).greeting, 'hello cli (module-level code)');
  assert.match(stderr, /\(debugpy \S+ \(\S+\)\) — attach with VS Code's "Python Debugger: Remote Attach" \(host 127\.0\.0\.1, port \d+\) — Python: \/\S+python3\S*/);
});

test('--debug-port refuses what cannot be debugged, with exit 2', async (t) => {
  const bad = await invoke(t, ['--handler', 'app.handler', '--runtime', 'nodejs20.x', '--code-dir', 'node-js', '--debug-port', 'x']).exited;
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--debug-port must be a whole number from 0 to 65535, not 'x'/);
  const provided = await invoke(t, ['--handler', 'bootstrap', '--runtime', 'provided.al2023', '--code-dir', path.join(root, 'test', 'fixtures', 'runner', 'provided-echo'), '-d', '0']).exited;
  assert.equal(provided.code, 2);
  assert.match(provided.stderr, /only Node\.js and Python functions can be started under a debugger/);
});

test('--debug-port on a port in use fails with one line, for both debuggers', async (t) => {
  const blocker = net.createServer().listen(0, '127.0.0.1');
  await once(blocker, 'listening');
  t.after(() => blocker.close());
  const busy = String(blocker.address().port);
  const node = await invoke(t, ['--handler', 'app.handler', '--runtime', 'nodejs20.x', '--code-dir', 'node-js', '-d', busy]).exited;
  assert.equal(node.code, 2);
  assert.match(node.stderr, new RegExp(`Cannot debug function: the Node\\.js inspector cannot listen on 127\\.0\\.0\\.1:${busy} \\(is the port in use\\?\\) — choose another port`));
  const python = await invoke(t, ['--handler', 'app.handler', '--runtime', 'python3.11', '--code-dir', 'python', '-d', busy]).exited;
  assert.equal(python.code, 2);
  assert.match(python.stderr, new RegExp(`Cannot debug function: debugpy cannot listen on 127\\.0\\.0\\.1:${busy} \\(Address already in use\\) — choose another port`));
});
