// The platform around the environment (spec §3, §5.3, §6): warm reuse, freezing, resets, limits, init failures and
// the exact START/END/REPORT/INIT_REPORT lines.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fn, lib, normalizeLogs, root } from '../helpers/invoke.mjs';

const fixtures = path.join(root, 'test', 'fixtures', 'runner');
const echo = (overrides = {}) => fn({ runtime: 'provided.al2023', handler: 'x', codeDir: path.join(fixtures, 'provided-echo'), ...overrides });
const runners = [];
const newRunner = (options = {}) => {
  const runner = new lib.Runner({ onWarning: () => {}, ...options });
  runners.push(runner);
  return runner;
};
after(() => Promise.all(runners.map((r) => r.dispose())));

const json = (result) => JSON.parse(result.payload.toString());

/** Pids of live processes whose environment mentions this runner's Runtime API (our environments). */
function livePids(pattern) {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(pattern)).map((line) => Number(line.trim().split(' ')[0]));
}

describe('warm environments', () => {
  it('reuses an environment: module state survives and the second REPORT has no Init Duration', async () => {
    const runner = newRunner();
    const first = await runner.invoke(echo(), '{}');
    const second = await runner.invoke(echo(), '{}');
    assert.equal(json(first).count, 1);
    assert.equal(json(second).count, 2);
    assert.equal(first.coldStart, true);
    assert.equal(second.coldStart, false);
    assert.ok(first.report.initDurationMs > 0);
    assert.equal(second.report.initDurationMs, undefined);
    assert.deepEqual(normalizeLogs(first.logs), [
      'INIT_START Runtime Version: provided:al2023.v98\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:<hash>',
      'START RequestId: <id> Version: $LATEST',
      'event 1: {}',
      'END RequestId: <id>',
      'REPORT RequestId: <id>\tDuration: <n> ms\tBilled Duration: <n> ms\tMemory Size: 128 MB\tMax Memory Used: <n> MB\tInit Duration: <n> ms\t',
    ]);
    assert.deepEqual(normalizeLogs(second.logs), [
      'START RequestId: <id> Version: $LATEST',
      'event 2: {}',
      'END RequestId: <id>',
      'REPORT RequestId: <id>\tDuration: <n> ms\tBilled Duration: <n> ms\tMemory Size: 128 MB\tMax Memory Used: <n> MB\t',
    ]);
  });

  it('bills ceil(Duration + Init Duration) on a cold start and ceil(Duration) when warm', async () => {
    const runner = newRunner();
    const cold = await runner.invoke(echo(), '{}');
    const warm = await runner.invoke(echo(), '{}');
    const round = (n) => Math.round(n * 100) / 100;
    assert.equal(cold.report.billedDurationMs, Math.ceil(round(cold.report.durationMs) + round(cold.report.initDurationMs)));
    assert.equal(warm.report.billedDurationMs, Math.ceil(round(warm.report.durationMs)));
    assert.ok(cold.report.maxMemoryUsedMB > 5 && cold.report.maxMemoryUsedMB <= 128, `${cold.report.maxMemoryUsedMB} MB`);
  });

  it('freezes the environment between invokes: its timers do not run', async () => {
    const runner = newRunner();
    await runner.invoke(echo(), '{"action":"ticker"}');
    const before = json(await runner.invoke(echo(), '{"action":"ticker"}')).ticks;
    await sleep(300);
    const afterFreeze = json(await runner.invoke(echo(), '{"action":"ticker"}')).ticks;
    assert.ok(afterFreeze - before < 10, `ticked ${afterFreeze - before} times while frozen (5 ms interval, 300 ms)`);

    const unfrozen = newRunner({ freeze: false });
    await unfrozen.invoke(echo(), '{"action":"ticker"}');
    const a = json(await unfrozen.invoke(echo(), '{"action":"ticker"}')).ticks;
    await sleep(300);
    const b = json(await unfrozen.invoke(echo(), '{"action":"ticker"}')).ticks;
    assert.ok(b - a > 20, `without freezing it should tick (${b - a})`);
  });

  it('freezes once the caller has had its result: an invoke that follows at once finds it running, an idle one is frozen', async () => {
    const runner = newRunner();
    const api = json(await runner.invoke(echo(), '{"action":"env"}')).env.AWS_LAMBDA_RUNTIME_API;
    const pid = Number(execFileSync('sh', ['-c', `grep -l "AWS_LAMBDA_RUNTIME_API=${api}" /proc/[0-9]*/environ 2>/dev/null | head -1 | cut -d/ -f3`], { encoding: 'utf8' }).trim());
    const state = () => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '')[0];
    await sleep(50);
    assert.equal(state(), 'T', 'idle between invokes: stopped');
    await runner.invoke(echo(), '{}');
    assert.notEqual(state(), 'T', 'right after an invoke, before the freeze: still running');
    await sleep(50);
    assert.equal(state(), 'T', 'frozen again');
    await runner.dispose();
  });

  it('single-use (the CLI): the environment is ended as soon as the result is in, and dispose waits for it to be reaped', async () => {
    const runner = newRunner({ singleUse: true });
    const result = await runner.invoke(echo(), '{"action":"env"}');
    const { pid } = json(result);
    assert.match(normalizeLogs(result.logs).at(-1), /^REPORT RequestId: <id>\tDuration: /);
    // Killed already: a zombie until the runner reaps it, or gone. (A kept environment would be running, then frozen.)
    const state = () => {
      try {
        return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '')[0];
      } catch {
        return 'gone';
      }
    };
    for (let i = 0; i < 100 && !['Z', 'gone'].includes(state()); i++) await sleep(10);
    assert.ok(['Z', 'gone'].includes(state()), `state ${state()}`);
    await runner.dispose();
    assert.equal(state(), 'gone', 'reaped once dispose() has returned');
  });

  it('uses separate environments for functions that differ in configuration', async () => {
    const runner = newRunner();
    await runner.invoke(echo(), '{}');
    const other = await runner.invoke(echo({ memorySize: 256 }), '{}');
    assert.equal(other.coldStart, true);
    assert.equal(json(other).count, 1);
  });

  it('runs concurrent invokes of one function in separate environments, as Lambda scales', async () => {
    const runner = newRunner();
    const results = await Promise.all([1, 2, 3].map(() => runner.invoke(echo(), '{}')));
    assert.deepEqual(results.map((r) => json(r).count), [1, 1, 1]);
    assert.ok(results.every((r) => r.coldStart));
  });
});

describe('failures reset the environment and never take the runner down', () => {
  it('process exit: Runtime.ExitError with the exit status, then a fresh environment', async () => {
    const runner = newRunner();
    await runner.invoke(echo(), '{}');
    const crash = await runner.invoke(echo(), '{"action":"exit","code":3}');
    assert.deepEqual(json(crash), { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${crash.requestId} Error: Runtime exited with error: exit status 3` });
    assert.equal(crash.functionError, 'Unhandled');
    assert.deepEqual(normalizeLogs(crash.logs).slice(1), [
      'event 2: {"action":"exit","code":3}',
      'RequestId: <id> Error: Runtime exited with error: exit status 3',
      'Runtime.ExitError',
      'END RequestId: <id>',
      'REPORT RequestId: <id>\tDuration: <n> ms\tBilled Duration: <n> ms\tMemory Size: 128 MB\tMax Memory Used: <n> MB\tStatus: error\tError Type: Runtime.ExitError\t',
    ]);
    const next = await runner.invoke(echo(), '{}');
    assert.equal(next.coldStart, true);
    assert.equal(json(next).count, 1);
  });

  it('exit 0 before answering: Runtime exited without providing a reason', async () => {
    const runner = newRunner();
    const crash = await runner.invoke(echo(), '{"action":"exit","code":0}');
    assert.equal(json(crash).errorMessage, `RequestId: ${crash.requestId} Error: Runtime exited without providing a reason`);
  });

  it('timeout: kills at the deadline, Sandbox.Timedout, the timeout line, Duration capped, then a fresh environment', async () => {
    const runner = newRunner();
    const result = await runner.invoke(echo({ timeout: 1 }), '{"action":"hang"}');
    assert.deepEqual(json(result), { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${result.requestId} Error: Task timed out after 1.00 seconds` });
    assert.equal(result.report.status, 'timeout');
    assert.equal(result.report.durationMs, 1000);
    const lines = normalizeLogs(result.logs);
    assert.deepEqual(lines.slice(-3), [
      '<time> <id> Task timed out after 1.00 seconds',
      'END RequestId: <id>',
      'REPORT RequestId: <id>\tDuration: <n> ms\tBilled Duration: <n> ms\tMemory Size: 128 MB\tMax Memory Used: <n> MB\tInit Duration: <n> ms\tStatus: timeout\t',
    ]);
    assert.match(result.logs.at(-1), /\tDuration: 1000\.00 ms\t/);
    const next = await runner.invoke(echo({ timeout: 1 }), '{}');
    assert.equal(next.coldStart, true);
  });

  it('out of memory: killed at MemorySize, Runtime.OutOfMemory, Max Memory Used = Memory Size', async () => {
    const runner = newRunner();
    const result = await runner.invoke(echo({ memorySize: 128, timeout: 20 }), '{"action":"oom"}');
    assert.deepEqual(json(result), { errorType: 'Runtime.OutOfMemory', errorMessage: `RequestId: ${result.requestId} Error: Runtime exited with error: signal: killed` });
    assert.equal(result.report.maxMemoryUsedMB, 128);
    assert.match(result.logs.at(-1), /\tMax Memory Used: 128 MB\tInit Duration: [\d.]+ ms\tStatus: error\tError Type: Runtime\.OutOfMemory\t$/);
    assert.ok(result.logs.includes('Runtime.OutOfMemory'));
  });

  it('cancelling an invoke kills the environment and ends the invoke', async () => {
    const runner = newRunner();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const result = await runner.invoke(echo({ timeout: 30 }), '{"action":"hang"}', { signal: controller.signal });
    assert.equal(result.errorType, 'Runtime.ExitError');
    assert.match(json(result).errorMessage, /signal: killed$/);
  });

  it('dispose leaves no process behind, even a frozen one', async () => {
    const runner = newRunner();
    const result = await runner.invoke(echo(), '{"action":"env"}');
    const api = json(result).env.AWS_LAMBDA_RUNTIME_API;
    const pid = Number(execFileSync('sh', ['-c', `grep -l "AWS_LAMBDA_RUNTIME_API=${api}" /proc/[0-9]*/environ 2>/dev/null | head -1 | cut -d/ -f3`], { encoding: 'utf8' }).trim());
    assert.ok(pid > 0, 'the environment process is found');
    assert.equal(livePids(String(pid)).length > 0, true);
    await runner.dispose();
    assert.throws(() => process.kill(pid, 0), /ESRCH/);
  });
});

describe('init', () => {
  it('an init error is retried inside the invoke and returned to the caller', async () => {
    const runner = newRunner();
    const result = await runner.invoke(echo({ environment: { INIT_ACTION: 'error' } }), '{}');
    assert.equal(result.payload.toString(), '{"errorMessage":"config missing","errorType":"Runtime.ConfigInvalid"}');
    assert.equal(result.errorType, 'Runtime.ConfigInvalid');
    assert.deepEqual(normalizeLogs(result.logs), [
      'INIT_START Runtime Version: provided:al2023.v98\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:<hash>',
      'INIT_REPORT Init Duration: <n> ms\tPhase: init\tStatus: error\tError Type: Runtime.ConfigInvalid',
      'INIT_REPORT Init Duration: <n> ms\tPhase: invoke\tStatus: error\tError Type: Runtime.ConfigInvalid',
      'START RequestId: <id> Version: $LATEST',
      'END RequestId: <id>',
      'REPORT RequestId: <id>\tDuration: <n> ms\tBilled Duration: <n> ms\tMemory Size: 128 MB\tMax Memory Used: <n> MB\tStatus: error\tError Type: Runtime.ConfigInvalid\t',
    ]);
  });

  it('a runtime that exits during init: Runtime.ExitError', async () => {
    const runner = newRunner();
    const result = await runner.invoke(echo({ environment: { INIT_ACTION: 'exit' } }), '{}');
    assert.equal(json(result).errorMessage, `RequestId: ${result.requestId} Error: Runtime exited with error: exit status 3`);
    assert.match(result.logs[1], /^INIT_REPORT Init Duration: [\d.]+ ms\tPhase: init\tStatus: error\tError Type: Runtime\.ExitError$/);
  });

  it('an init that runs past the init limit: Status: timeout, retried under the function timeout', async () => {
    const runner = newRunner({ initTimeoutMs: 300 });
    const result = await runner.invoke(echo({ environment: { INIT_ACTION: 'hang' }, timeout: 1 }), '{}');
    assert.equal(json(result).errorType, 'Sandbox.Timedout');
    const lines = normalizeLogs(result.logs);
    assert.equal(lines[1], 'INIT_REPORT Init Duration: <n> ms\tPhase: init\tStatus: timeout');
    assert.equal(lines[2], 'INIT_REPORT Init Duration: <n> ms\tPhase: invoke\tStatus: timeout');
    assert.equal(result.report.status, 'timeout');
  });

  it('a custom runtime without a bootstrap: Runtime.InvalidEntrypoint naming where it looked', async () => {
    const runner = newRunner();
    const dir = path.join(fixtures, 'no-bootstrap');
    const result = await runner.invoke(echo({ codeDir: dir }), '{}');
    assert.deepEqual(json(result), {
      errorType: 'Runtime.InvalidEntrypoint',
      errorMessage: `RequestId: ${result.requestId} Error: Couldn't find valid bootstrap(s): [${path.join(dir, 'bootstrap')}]`,
    });
  });

  it('a bootstrap that is not executable: Runtime.InvalidEntrypoint', async () => {
    const runner = newRunner();
    const result = await runner.invoke(echo({ codeDir: path.join(fixtures, 'not-executable') }), '{}');
    assert.equal(result.errorType, 'Runtime.InvalidEntrypoint');
  });
});

describe('JSON log format', () => {
  it('writes the platform lines as JSON records (initStart, start, report)', async () => {
    const runner = newRunner();
    const result = await runner.invoke(echo({ logFormat: 'JSON' }), '{}');
    const records = result.logs.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    assert.deepEqual(records.map((r) => r.type), ['platform.initStart', 'platform.start', 'platform.report']);
    const [initStart, start, report] = records;
    assert.deepEqual(Object.keys(initStart.record), ['initializationType', 'phase', 'runtimeVersion', 'runtimeVersionArn', 'functionName', 'functionVersion']);
    assert.equal(start.record.requestId, result.requestId);
    assert.equal(start.record.version, '$LATEST');
    assert.deepEqual(Object.keys(report.record.metrics), ['durationMs', 'billedDurationMs', 'memorySizeMB', 'maxMemoryUsedMB', 'initDurationMs']);
    assert.equal(report.record.status, 'success');
    assert.match(report.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('SystemLogLevel DEBUG adds platform.runtimeDone; WARN drops the INFO records', async () => {
    const runner = newRunner();
    const debug = await runner.invoke(echo({ logFormat: 'JSON', systemLogLevel: 'DEBUG' }), '{}');
    assert.ok(debug.logs.some((l) => l.includes('"type":"platform.runtimeDone"')));
    const warn = await runner.invoke(echo({ logFormat: 'JSON', systemLogLevel: 'WARN' }), '{}');
    assert.deepEqual(warn.logs.filter((l) => l.startsWith('{')), []);
  });
});

describe('giant output', () => {
  it('splits a line over 256 KB, bounds what the result keeps, streams every line, and carries on', async () => {
    const runner = newRunner();
    let streamed = 0;
    let longest = 0;
    const result = await runner.invoke(echo({ timeout: 30 }), JSON.stringify({ action: 'flood', longLine: 1024 * 1024, lines: 20 * 1024 }), {
      onLog: (line) => {
        streamed += line.length;
        longest = Math.max(longest, line.length);
      },
    });
    assert.equal(result.payload.toString(), '"flooded"');
    assert.equal(longest, 256 * 1024);
    assert.ok(streamed >= 1024 * 1024 + 20 * 1024 * 1023, `streamed ${streamed}`);
    const kept = result.logs.reduce((n, line) => n + line.length, 0);
    assert.ok(kept <= 16 * 1024 * 1024 + 1024, `kept ${kept}`);
    assert.match(result.logs[0], /^\[lambda-workbench\] \d+ earlier log lines are not kept in this result/);
    assert.match(result.logs.at(-1), /^REPORT /);
    assert.equal(json(await runner.invoke(echo({ timeout: 30 }), '{}')).count, 2);
  });
});

describe('orphans', () => {
  it('a frozen environment ends when the process that ran it is killed outright', async (t) => {
    const { spawn } = await import('node:child_process');
    const script = `
      const lib = require(${JSON.stringify(path.join(root, 'dist', 'lib.js'))});
      const runner = new lib.Runner({ onWarning: () => {} });
      runner.invoke(${JSON.stringify(echo())}, '{"action":"env"}').then((r) => {
        process.stdout.write(JSON.parse(r.payload.toString()).env.AWS_LAMBDA_RUNTIME_API + '\\n');
        setInterval(() => {}, 1000);
      });`;
    const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    t.after(() => parent.kill('SIGKILL'));
    const api = await new Promise((resolve) => parent.stdout.once('data', (d) => resolve(d.toString().trim())));
    const pid = Number(execFileSync('sh', ['-c', `grep -l "AWS_LAMBDA_RUNTIME_API=${api}" /proc/[0-9]*/environ 2>/dev/null | head -1 | cut -d/ -f3`], { encoding: 'utf8' }).trim());
    assert.ok(pid > 0);
    assert.match(execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }), /^T/, 'the environment is frozen');
    parent.kill('SIGKILL');
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await sleep(100);
    }
    assert.fail(`environment ${pid} outlived its runner's process`);
  });
});
