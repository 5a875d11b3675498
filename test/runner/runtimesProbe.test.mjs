// Which node runs a nodejs function is asked of that node (`node --version`). resolveRuntime asks synchronously when it
// has no answer yet (the CLI's path, unchanged); probeNodeRuntimes asks ahead, in the background, so that the editor's
// first invoke does not block its extension host on a process start. Both leave the same answer, warning and binary.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import * as esbuild from 'esbuild';
import { root } from '../helpers/invoke.mjs';

const require = createRequire(import.meta.url);
let dir;
let runtimes;

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lwb-node-probe-'));
  // src/runner/runtimes.ts is not exported by dist/lib.js as a whole: bundled here (a fresh copy: its caches are empty).
  const outfile = path.join(dir, 'runtimes.js');
  await esbuild.build({ entryPoints: [path.join(root, 'src', 'runner', 'runtimes.ts')], outfile, bundle: true, platform: 'node',
    format: 'cjs', target: 'node20', logLevel: 'silent' });
  runtimes = require(outfile);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A folder holding a `node` that says it is Node.js `major`, slowly (so a blocking ask would show), and writes a line
 * to its `starts` file each time it is started.
 */
function fakeNode(name, major) {
  const bin = path.join(dir, name);
  const node = path.join(bin, 'node');
  const starts = path.join(bin, 'starts');
  mkdirSync(bin);
  writeFileSync(starts, '');
  writeFileSync(node, `#!/bin/sh\necho started >> '${starts}'\nsleep 0.2\necho v${major}.1.0\n`);
  chmodSync(node, 0o755);
  return { bin, node, startCount: () => readFileSync(starts, 'utf8').split('\n').filter(Boolean).length };
}

function resolve(runtime, env, warnings = []) {
  return runtimes.resolveRuntime(runtime, { functionName: 'fn', binaries: {}, env, warn: (message) => warnings.push(message) });
}

test('probeNodeRuntimes asks the node on PATH without blocking, and resolveRuntime then starts no node itself', async () => {
  const fake = fakeNode('path-node', 18);
  const env = { PATH: fake.bin };
  let turned = false;
  setImmediate(() => (turned = true));
  await runtimes.probeNodeRuntimes(['nodejs18.x', 'python3.12'], { binaries: {}, env });
  assert.ok(turned, 'the event loop did not turn while the node answered: the probe blocked');
  assert.equal(fake.startCount(), 1);
  const warnings = [];
  const launch = resolve('nodejs18.x', env, warnings);
  assert.equal(launch.command, fake.node);
  assert.deepEqual(warnings, []);
  assert.equal(fake.startCount(), 1, 'resolveRuntime started the node again');
});

test('after a probe, a node of another major gives the same warning as without one, once', async () => {
  const probed = fakeNode('probed-node', 16);
  const unprobed = fakeNode('unprobed-node', 16);
  await runtimes.probeNodeRuntimes(['nodejs22.x'], { binaries: {}, env: { PATH: probed.bin } });
  const warnings = [];
  for (const fake of [probed, unprobed]) {
    for (let i = 0; i < 2; i++) assert.equal(resolve('nodejs22.x', { PATH: fake.bin }, warnings).command, fake.node);
  }
  assert.deepEqual(warnings, [probed, unprobed].map((fake) =>
    `nodejs22.x runs on Node.js 16 here (${fake.node}); set LAMBDA_WORKBENCH_NODEJS22_X to a Node.js 22 binary to match Lambda`));
  assert.equal(probed.startCount(), 1);
  // Without a probe the synchronous ask is still there, as the CLI and the runner API have always had it.
  assert.equal(unprobed.startCount(), 1);
});

test('the probe asks the binary a runtime is given (binaries, then the environment variable), each node once', async () => {
  const setting = fakeNode('setting-node', 20);
  const variable = fakeNode('variable-node', 24);
  const onPath = fakeNode('unused-node', 20);
  const env = { PATH: onPath.bin, LAMBDA_WORKBENCH_NODEJS24_X: variable.node };
  const ctx = { binaries: { 'nodejs20.x': setting.node }, env };
  // Two probes at once (templates read twice in a row) start each node once.
  await Promise.all([runtimes.probeNodeRuntimes(['nodejs20.x', 'nodejs24.x'], ctx), runtimes.probeNodeRuntimes(['nodejs24.x'], ctx)]);
  assert.deepEqual([setting.startCount(), variable.startCount(), onPath.startCount()], [1, 1, 0]);
  const warnings = [];
  assert.equal(runtimes.resolveRuntime('nodejs20.x', { functionName: 'fn', ...ctx, warn: (m) => warnings.push(m) }).command, setting.node);
  assert.equal(resolve('nodejs24.x', env, warnings).command, variable.node);
  assert.deepEqual(warnings, []);
  assert.deepEqual([setting.startCount(), variable.startCount()], [1, 1]);
});

test('a node that cannot be started: the probe resolves, and the invoke meets the same binary as without it', async () => {
  const missing = path.join(dir, 'no-such-node');
  await runtimes.probeNodeRuntimes(['nodejs20.x'], { binaries: {}, env: { LAMBDA_WORKBENCH_NODEJS20_X: missing } });
  const warnings = [];
  assert.equal(resolve('nodejs20.x', { LAMBDA_WORKBENCH_NODEJS20_X: missing }, warnings).command, missing);
  assert.deepEqual(warnings, []);
});

test("the debug adapter's prepare probes as its launches resolve: this process's environment and the binaries setting", async (t) => {
  // lambdaSession.ts and runtimes.ts in one bundle: one cache, as in the editor's core.
  const outfile = path.join(dir, 'session.js');
  await esbuild.build({ stdin: { contents: "export * from './src/debug/lambdaSession';\nexport * from './src/runner/runtimes';", resolveDir: root, loader: 'ts' },
    outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
  const session = require(outfile);
  const fake = fakeNode('adapter-node', 18);
  const saved = { PATH: process.env.PATH, LAMBDA_WORKBENCH_NODEJS18_X: process.env.LAMBDA_WORKBENCH_NODEJS18_X };
  t.after(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  process.env.PATH = `${fake.bin}${path.delimiter}${process.env.PATH}`;
  delete process.env.LAMBDA_WORKBENCH_NODEJS18_X;
  const env = { ...process.env };
  await session.LambdaDebugSession.prepare(['nodejs18.x']);
  assert.equal(fake.startCount(), 1);
  assert.equal(session.resolveRuntime('nodejs18.x', { functionName: 'fn', binaries: {}, env, warn: () => undefined }).command, fake.node);
  assert.equal(fake.startCount(), 1);
  const set = fakeNode('adapter-setting-node', 22);
  await session.LambdaDebugSession.prepare(['nodejs22.x'], { 'nodejs22.x': set.node });
  assert.equal(set.startCount(), 1);
  assert.equal(session.resolveRuntime('nodejs22.x', { functionName: 'fn', binaries: { 'nodejs22.x': set.node }, env, warn: () => undefined }).command, set.node);
  assert.equal(set.startCount(), 1, 'the launch asked the setting\'s node again');
});
