// `npm run bench`: Lambda Workbench's invoke against its peers, side by side in one run, on the same handler.
//   cold: a whole `lambda-workbench invoke` process against `node -e 0` and the lambda-local CLI (medians);
//   warm: invokes through the programmatic API against lambda-local's in-process execute() (p50/p99).
// Results are ratios, printed as a table and written to bench/results/invoke.json. Not a test: a shared machine
// makes timings noisy, so targets are read by a person, not asserted.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const handlerDir = path.join(here, 'hello');
const cli = path.join(root, 'dist', 'cli.js');
const lambdaLocalCli = path.join(root, 'node_modules', 'lambda-local', 'build', 'cli.js');
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 15);
const warmRuns = Number(process.env.BENCH_WARM_RUNS ?? 2000);
const event = JSON.stringify({ name: 'bench' });
const WARM_ROUNDS = 2;
// Enough for V8 to have optimised both tools' hot paths before anything is measured. V8 optimises a function once it
// has run a budget of bytecode, so code that runs once per invoke gets there only after thousands of invokes: after
// 500, `--trace-opt` still showed V8 compiling ~70 of the runner's functions (~320 ms of compiling) and ~40 of
// lambda-local's during the next 2,000, on worker threads that took the cores the measured invokes needed. After
// 3,000 it compiles a handful of each.
const warmUp = Number(process.env.BENCH_WARM_UP ?? 3000);

function time(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return ms;
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p50: at(0.5), p99: at(0.99), min: sorted[0], n: sorted.length };
}

// Interleave the tools run by run so that machine noise falls on all of them alike.
function cold(env, label) {
  const samples = { node: [], workbench: [], lambdaLocal: [] };
  const eventFile = path.join(here, 'results', 'event.json');
  writeFileSync(eventFile, event);
  for (let i = 0; i < coldRuns + 2; i++) {
    const node = time(process.execPath, ['-e', '0'], { env });
    const workbench = time(process.execPath, [cli, 'invoke', '--handler', 'index.handler', '--runtime', 'nodejs20.x', '--event-json', event], { cwd: handlerDir, env });
    const lambdaLocal = time(process.execPath, [lambdaLocalCli, '-l', 'index.js', '-h', 'handler', '-e', eventFile, '--verboselevel', '0'], { cwd: handlerDir, env });
    if (i < 2) continue; // warm the file cache first
    samples.node.push(node);
    samples.workbench.push(workbench);
    samples.lambdaLocal.push(lambdaLocal);
  }
  const node = stats(samples.node).median;
  const rows = [
    { tool: 'node -e 0', median: node },
    { tool: 'lambda-workbench invoke', median: stats(samples.workbench).median },
    { tool: 'lambda-local (CLI)', median: stats(samples.lambdaLocal).median },
  ].map((row) => ({ ...row, ratio: row.median / node }));
  console.log(`\nCold invoke, whole process (${label}; median of ${coldRuns})`);
  console.table(rows.map((r) => ({ tool: r.tool, 'median ms': r.median.toFixed(1), '× node -e 0': r.ratio.toFixed(2) })));
  return rows;
}

function warm() {
  const block = (tool) => {
    const result = spawnSync(process.execPath, [path.join(here, 'warm-worker.mjs'), tool, String(warmRuns / WARM_ROUNDS), String(warmUp)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`warm ${tool} failed (${result.status}): ${result.stderr}`);
    return JSON.parse(result.stdout);
  };
  const ours = [];
  const theirs = [];
  // Blocks of each in turn, each in a fresh process, so that a noisy minute on the machine falls on both.
  for (let round = 0; round < WARM_ROUNDS; round++) {
    ours.push(...block('workbench'));
    theirs.push(...block('lambda-local'));
  }
  const a = stats(ours);
  const b = stats(theirs);
  console.log(`\nWarm invoke through the programmatic API (${warmRuns} invokes each, in ${WARM_ROUNDS} interleaved blocks of one process each, after ${warmUp} warm-up)`);
  console.table([
    { tool: 'lambda-workbench Runner.invoke (separate frozen process, Runtime API over HTTP)', 'p50 ms': a.p50.toFixed(3), 'p99 ms': a.p99.toFixed(3), 'p50 × lambda-local': (a.p50 / b.p50).toFixed(2) },
    { tool: 'lambda-local execute() (in-process)', 'p50 ms': b.p50.toFixed(3), 'p99 ms': b.p99.toFixed(3), 'p50 × lambda-local': '1.00' },
  ]);
  return { workbench: a, lambdaLocal: b };
}

mkdirSync(path.join(here, 'results'), { recursive: true });
const ambient = cold(process.env, 'the environment as it is');
const clean = { ...process.env };
delete clean.NODE_EXTRA_CA_CERTS;
const withoutCa = process.env.NODE_EXTRA_CA_CERTS ? cold(clean, 'NODE_EXTRA_CA_CERTS unset') : undefined;
const warmStats = warm();
writeFileSync(path.join(here, 'results', 'invoke.json'), JSON.stringify({ date: new Date().toISOString(), cold: { ambient, withoutCa }, warm: warmStats }, null, 2));
