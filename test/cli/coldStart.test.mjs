// A cold `lambda-workbench invoke` pays only for what it uses: modules that only debugging or other commands need
// stay unloaded (each costs milliseconds at every start). Checked by listing the built-in modules the process loaded.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { root } from '../helpers/invoke.mjs';

const cli = path.join(root, 'dist', 'cli.js');
const probe = path.join(root, 'test', 'fixtures', 'cli', 'load-probe', 'probe.cjs');

test('a cold invoke without a debugger loads neither ws nor https, tls, zlib or perf_hooks', () => {
  const result = spawnSync(process.execPath, ['--require', probe, cli, 'invoke', '--handler', 'index.value', '--runtime', 'nodejs20.x', '--event-json', '{"name":"cold"}'], {
    cwd: path.join(root, 'test', 'fixtures', 'runtime-node', 'async-result'),
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, '{"echo":{"name":"cold"}}');
  const loaded = JSON.parse(/^LOADED (.*)$/m.exec(result.stderr)[1]);
  for (const unused of ['https', 'tls', 'zlib', 'perf_hooks', 'http', 'dns']) assert.ok(!loaded.includes(unused), `${unused} was loaded`);
  // The function's process starts before net and child_process are loaded (~5 ms), and the Runtime API listens
  // without net's listen, which loads dns and cluster first (~3 ms): net, net.Server and the sockets on the
  // process's pipes come after the spawn, while the function's process boots.
  const atSpawn = JSON.parse(/^AT_SPAWN (.*)$/m.exec(result.stderr)[1]);
  assert.ok(atSpawn.includes('fs'), 'the probe saw the spawn');
  for (const later of ['net', 'child_process', 'cluster', 'stream']) assert.ok(!atSpawn.includes(later), `${later} was loaded before the spawn`);
  assert.ok(loaded.includes('net') && loaded.includes('cluster'), 'the probe sees net.Server take the socket over');
  // The payload and the log lines go to the descriptors themselves: no stream is made for them. (Node makes
  // process.stderr when a socket closes, so it may appear once the function's process is on its way.)
  const streams = JSON.parse(/^STREAMS (.*)$/m.exec(result.stderr)[1]);
  assert.ok(streams.every((entry) => entry === 'stderr after spawn'), streams.join(', '));
  assert.match(result.stderr, /^REPORT RequestId: /m);
});

test('a function process started early that exits, or ends by a signal, is reported as Lambda reports it (exit status, signal)', () => {
  const invoke = (fixture, args) => spawnSync(process.execPath, [cli, 'invoke', ...args], {
    cwd: path.join(root, 'test', 'fixtures', fixture), encoding: 'utf8', timeout: 30_000,
  });
  const exited = invoke('runtime-node/process-exit', ['--handler', 'index.handler', '--runtime', 'nodejs20.x']);
  assert.equal(exited.status, 1, exited.stderr);
  assert.match(JSON.parse(exited.stdout).errorMessage, /Error: Runtime exited with error: exit status 2$/);
  // Ended by a signal of its own: the process handle reports the signal, not an exit status.
  const killed = invoke('runner/provided-echo', ['--handler', 'x', '--runtime', 'provided.al2023', '--event-json', '{"action":"signal","signal":"SIGTERM"}']);
  assert.equal(killed.status, 1, killed.stderr);
  assert.equal(JSON.parse(killed.stdout).errorType, 'Runtime.ExitError');
  assert.match(JSON.parse(killed.stdout).errorMessage, /Error: Runtime exited with error: signal: terminated$/);
});

test('the bundles make one ES-module view per built-in module, shared by every module that imports it', () => {
  // esbuild's interop copies a module's exports at each import site (~0.1-0.2 ms each): 21 of them before a cold
  // invoke could spawn its function. esbuild.mjs points those sites at one view per built-in.
  for (const bundle of ['cli-main.js', 'lib.js', 'debugAdapter.js', 'extension.js', 'extension-core.js']) {
    const text = readFileSync(path.join(root, 'dist', bundle), 'utf8');
    assert.doesNotMatch(text, /__toESM\(require\("(node:)?(fs|path|os|net|child_process)"\)\)/, bundle);
    assert.match(text, /__toESB\(require\("node:fs"\)\)/, bundle);
  }
});

test('a non-blocking stdout that fills up still gets the whole payload, in one piece', async () => {
  // The descriptor is made non-blocking before node starts (as a parent that shares its own pipe may leave it), so
  // the CLI's blocking writes meet EAGAIN and hand the rest to Node's stream.
  const event = JSON.stringify({ data: 'y'.repeat(3 * 1024 * 1024) });
  const nonBlocking = 'import fcntl, os, sys; fcntl.fcntl(1, fcntl.F_SETFL, fcntl.fcntl(1, fcntl.F_GETFL) | os.O_NONBLOCK); os.execv(sys.argv[1], sys.argv[1:])';
  const child = spawn('python3', ['-c', nonBlocking, process.execPath, cli, 'invoke', '--handler', 'index.value', '--runtime', 'nodejs20.x', '-e', '-'], {
    cwd: path.join(root, 'test', 'fixtures', 'runtime-node', 'async-result'),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const errors = [];
  child.stderr.on('data', (chunk) => errors.push(chunk));
  child.stdin.end(event);
  child.stdout.pause();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const chunks = [];
  child.stdout.on('data', (chunk) => chunks.push(chunk));
  child.stdout.resume();
  const [code] = await once(child, 'close');
  assert.equal(code, 0, Buffer.concat(errors).toString());
  assert.equal(Buffer.concat(chunks).toString(), `{"echo":${event}}`);
});

test('leaving as soon as the output has drained still delivers a 5 MB payload to a slow reader', async () => {
  const event = JSON.stringify({ data: 'x'.repeat(5 * 1024 * 1024) });
  const child = spawn(process.execPath, [cli, 'invoke', '--handler', 'index.value', '--runtime', 'nodejs20.x', '-e', '-'], {
    cwd: path.join(root, 'test', 'fixtures', 'runtime-node', 'async-result'),
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  child.stdin.end(event);
  child.stdout.pause();
  await new Promise((resolve) => setTimeout(resolve, 300)); // the CLI meets a full pipe before anyone reads
  const chunks = [];
  child.stdout.on('data', (chunk) => chunks.push(chunk));
  child.stdout.resume();
  const [code] = await once(child, 'close');
  assert.equal(code, 0);
  assert.equal(Buffer.concat(chunks).toString(), `{"echo":${event}}`);
});

test('a runtime binary that cannot be started: Runtime.InvalidEntrypoint, exit 1, after the retry inside the invoke', () => {
  const result = spawnSync(process.execPath, [cli, 'invoke', '--handler', 'index.value', '--runtime', 'nodejs20.x'], {
    cwd: path.join(root, 'test', 'fixtures', 'runtime-node', 'async-result'),
    env: { ...process.env, LAMBDA_WORKBENCH_NODEJS20_X: path.join(root, 'test', 'fixtures', 'cli', 'no-such-node') },
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(result.status, 1, result.stderr);
  assert.equal(JSON.parse(result.stdout).errorType, 'Runtime.InvalidEntrypoint');
  assert.match(result.stderr, /^REPORT RequestId: .*\tStatus: error\tError Type: Runtime\.InvalidEntrypoint\t$/m);
});

test('an empty LAMBDA_WORKBENCH_NODEJS20_X is no setting: the invoke runs on the usual node', () => {
  const result = spawnSync(process.execPath, [cli, 'invoke', '--handler', 'index.value', '--runtime', 'nodejs20.x', '--event-json', '{"name":"empty"}'], {
    cwd: path.join(root, 'test', 'fixtures', 'runtime-node', 'async-result'),
    env: { ...process.env, LAMBDA_WORKBENCH_NODEJS20_X: '' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, '{"echo":{"name":"empty"}}');
});
