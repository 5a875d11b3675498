// Shared test helpers: invoke a fixture function through the real runner and Runtime API.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The programmatic API, as bundled by `npm run build` (dist/lib.js). */
export const lib = require(path.join(root, 'dist', 'lib.js'));

/** A function definition for the runner, with Lambda's defaults. */
export function fn({ runtime, handler, codeDir, timeout = 3, memorySize = 128, environment = {}, logFormat = 'Text',
  applicationLogLevel, systemLogLevel, functionName = 'fixture', layers = [] }) {
  return {
    functionName, codeDir, handler, runtime, timeout, memorySize, environment,
    architecture: 'x86_64', ephemeralStorage: 512,
    logging: { logFormat, applicationLogLevel, systemLogLevel },
    layers: layers.map((contentDir) => ({ contentDir })),
  };
}

/**
 * Invoke once in a fresh runner and dispose it.
 * Returns { payload (string), json (parsed payload or undefined), functionError, errorType, logs, report, contentType, result }.
 */
export async function invokeFixture(spec, event = {}, invokeOptions = {}) {
  const runner = new lib.Runner({ onWarning: () => {} });
  try {
    return describeResult(await runner.invoke(fn(spec), typeof event === 'string' || Buffer.isBuffer(event) ? event : JSON.stringify(event), invokeOptions));
  } finally {
    await runner.dispose();
  }
}

export function describeResult(result) {
  const payload = result.payload.toString('utf8');
  let json;
  try { json = JSON.parse(payload); } catch { json = undefined; }
  return { payload, json, functionError: result.functionError, errorType: result.errorType, logs: result.logs,
    report: result.report, contentType: result.contentType, result };
}

/**
 * Replace what changes from run to run in log lines — timestamps, request ids, durations, memory figures,
 * runtime version hashes — with stable placeholders, so transcripts can be compared exactly.
 */
export function normalizeLogs(lines) {
  return lines.map((line) => line
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/(Duration|Init Duration|Billed Duration): [\d.]+ ms/g, '$1: <n> ms')
    .replace(/Max Memory Used: \d+ MB/g, 'Max Memory Used: <n> MB')
    .replace(/runtime:[0-9a-f]{64}/g, 'runtime:<hash>')
    .replace(/"(durationMs|billedDurationMs|maxMemoryUsedMB|initDurationMs|producedBytes)":[\d.]+/g, '"$1":<n>'));
}

/** Lines the function itself wrote (everything but the platform's INIT_START/START/END/REPORT/INIT_REPORT lines). */
export function appLines(lines) {
  return lines.filter((l) => !/^(INIT_START|START|END|REPORT|INIT_REPORT) /.test(l) && !l.startsWith('{"time"'));
}
