// Helpers for the Node runtime tests: invoke a fixture of test/fixtures/runtime-node through the real runner, and
// make stack traces comparable (only the fixture's own frames are kept, its folder written as <fixture>).
import path from 'node:path';
import { appLines, invokeFixture, normalizeLogs, root } from '../helpers/invoke.mjs';

export const fixturesDir = path.join(root, 'test', 'fixtures', 'runtime-node');
const runtimeDir = path.join(root, 'runtimes', 'node');

export const fixture = (name) => path.join(fixturesDir, name);

/** Stack lines without the runtime's and Node's own frames, with <fixture> and <runtime> for the folders. */
export function userFrames(lines, codeDir) {
  return lines
    .filter((line) => !/^\s+at /.test(line) || line.includes(codeDir))
    .map((line) => line.split(codeDir).join('<fixture>').split(runtimeDir).join('<runtime>'));
}

/** Applies userFrames to every stack array (`trace`, `stack`, `stackTrace`) inside a parsed JSON value. */
export function normalizeStacks(value, codeDir) {
  if (Array.isArray(value)) return value.map((item) => normalizeStacks(item, codeDir));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [
      key,
      ['trace', 'stack', 'stackTrace'].includes(key) && Array.isArray(item) ? userFrames(item, codeDir) : normalizeStacks(item, codeDir),
    ]));
  }
  return typeof value === 'string' ? value.split(codeDir).join('<fixture>').split(runtimeDir).join('<runtime>') : value;
}

/** A log line with its JSON part (a whole JSON line, or the `\t{…}` after `Invoke Error `) normalised. */
function normalizeLine(line, codeDir) {
  const start = line.startsWith('{') ? 0 : line.indexOf('\t{') + 1;
  if (start <= 0 && !line.startsWith('{')) return line.split(codeDir).join('<fixture>');
  try {
    return line.slice(0, start) + JSON.stringify(normalizeStacks(JSON.parse(line.slice(start)), codeDir));
  } catch {
    return line;
  }
}

/**
 * Invokes `handler` of fixture `name` once, in a fresh runner.
 * Returns the helper's result plus `lines` (the function's own log lines, normalised) and `json` with stacks
 * normalised; `logs` keeps every line (normalised timestamps and ids).
 */
export async function invoke(name, handler, { runtime = 'nodejs22.x', event = {}, codeDir = fixture(name), invokeOptions, ...spec } = {}) {
  const result = await invokeFixture({ runtime, handler, codeDir, ...spec }, event, invokeOptions);
  const logs = normalizeLogs(result.logs);
  return {
    ...result,
    logs,
    lines: appLines(logs).map((line) => normalizeLine(line, codeDir)),
    json: result.json === undefined ? undefined : normalizeStacks(result.json, codeDir),
  };
}

/** The JSON part of an `Invoke Error \t{…}`-style line. */
export function loggedJson(line) {
  return JSON.parse(line.slice(line.indexOf('\t{') + 1));
}
