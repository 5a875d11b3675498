// An environment's process started through libuv's process handle, before node:net and node:child_process load:
// it must be what child_process.spawn would have started (arguments, folder, environment, its own process group,
// the pipes, the exit report), and where that way is closed (no binding, --pending-deprecation, a failed start)
// child_process does it, with its own errors.
import assert from 'node:assert/strict';
import { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { loadSources } from '../helpers/source.mjs';

let dir;
let spawnFunctionProcess;

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lwb-spawn-now-'));
  [{ spawnFunctionProcess }] = await loadSources('runner/spawnNow');
});
after(() => rmSync(dir, { recursive: true, force: true }));

function text(stream) {
  const chunks = [];
  stream.on('data', (chunk) => chunks.push(chunk));
  return once(stream, 'end').then(() => Buffer.concat(chunks).toString());
}

const script = 'echo "args:$*"; pwd; echo "env:$ONLY:${HOME:-no home}"; echo err >&2; [ -e /proc/self/fd/3 ] && echo three >&3; exit 7';

async function run(pipes, { environment = {}, early = true } = {}) {
  const proc = spawnFunctionProcess('/bin/sh', ['-c', script, 'sh', 'a b', 'c'], { cwd: dir, env: { PATH: process.env.PATH, ONLY: 'this', ...environment }, pipes, detached: true, early });
  const [out, err, three, [code, signal]] = await Promise.all([text(proc.stdout), text(proc.stderr), pipes === 3 ? text(proc.stdio[3]) : '', once(proc, 'exit')]);
  return { proc, out, err, three, code, signal };
}

test('starts the process without child_process: its arguments, folder and environment only, its pipes, its exit code', async () => {
  const r = await run(2);
  assert.ok(!(r.proc instanceof ChildProcess), 'started through the process handle');
  assert.equal(r.out, `args:a b c\n${dir}\nenv:this:no home\n`);
  assert.equal(r.err, 'err\n');
  assert.deepEqual([r.code, r.signal], [7, null]);
  assert.equal(r.proc.stdio.length, 3);
});

test('a third pipe is the process\'s descriptor 3 (a debug environment reports on it)', async () => {
  const r = await run(3);
  assert.equal(r.three, 'three\n');
  assert.equal(r.out.split('\n')[0], 'args:a b c');
});

test('the process leads its own group, and a signal that ends it is reported as the signal', async () => {
  const proc = spawnFunctionProcess('/bin/sh', ['-c', 'echo up; exec sleep 30'], { cwd: dir, env: { PATH: process.env.PATH }, pipes: 2, detached: true, early: true });
  await once(proc.stdout, 'data');
  const group = Number(readFileSync(`/proc/${proc.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[2]);
  assert.equal(group, proc.pid);
  process.kill(-proc.pid, 'SIGKILL');
  assert.deepEqual(await once(proc, 'exit'), [null, 'SIGKILL']);
});

test('not asked to (an extension host), child_process starts it, the same', async () => {
  const r = await run(3, { early: false });
  assert.ok(r.proc instanceof ChildProcess);
  assert.equal(r.out, `args:a b c\n${dir}\nenv:this:no home\n`);
  assert.equal(r.err, 'err\n');
  assert.equal(r.three, 'three\n');
  assert.deepEqual([r.code, r.signal], [7, null]);
});

test('under --pending-deprecation child_process starts it, the same', async () => {
  const saved = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${saved ?? ''} --pending-deprecation`;
  let r;
  try {
    r = await run(3);
  } finally {
    if (saved === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved;
  }
  assert.ok(r.proc instanceof ChildProcess);
  assert.equal(r.out, `args:a b c\n${dir}\nenv:this:no home\n`);
  assert.equal(r.three, 'three\n');
  assert.deepEqual([r.code, r.signal], [7, null]);
});

test('a program that cannot be started, or a NUL byte, gets child_process\'s own answer', async () => {
  const missing = spawnFunctionProcess(path.join(dir, 'no-such-program'), [], { cwd: dir, env: {}, pipes: 2, detached: true, early: true });
  assert.ok(missing instanceof ChildProcess);
  const [error] = await once(missing, 'error');
  assert.equal(error.code, 'ENOENT');
  assert.throws(() => spawnFunctionProcess('/bin/sh', ['-c', 'true'], { cwd: dir, env: { BAD: 'a\0b' }, pipes: 2, detached: true, early: true }),
    { code: 'ERR_INVALID_ARG_VALUE' });
});
