// Helpers for the Python runtime tests: invoke a fixture of test/fixtures/runtime-python through the real runner,
// on the real interpreter of each python3.x runtime when this machine has it.
import fs from 'node:fs';
import path from 'node:path';
import { appLines, describeResult, fn, lib, normalizeLogs, root } from '../helpers/invoke.mjs';

export const fixturesDir = path.join(root, 'test', 'fixtures', 'runtime-python');
export const bootstrapDir = path.join(root, 'runtimes', 'python');

/** Interpreters by runtime id (pyenv's shims for some versions are broken here, so the binaries are named). */
const CANDIDATES = {
  'python3.9': '/root/.pyenv/versions/3.9.18/bin/python3.9',
  'python3.11': '/root/.pyenv/versions/3.11.7/bin/python3.11',
  'python3.12': '/root/.pyenv/versions/3.12.1/bin/python3.12',
  'python3.13': '/root/.pyenv/versions/3.13.0/bin/python3.13',
};
export const pythons = Object.fromEntries(Object.entries(CANDIDATES).filter(([, bin]) => fs.existsSync(bin)));

export function fixture(...parts) {
  return path.join(fixturesDir, ...parts);
}

/** Invoke `caseName` once in a fresh runner. Options: handler, runtime, event, invokeOptions, and any fn() field. */
export async function invokePy(caseName, { event = {}, invokeOptions = {}, ...spec } = {}) {
  const runner = newRunner();
  try {
    return await invokeWith(runner, caseName, { event, invokeOptions, ...spec });
  } finally {
    await runner.dispose();
  }
}

export function newRunner() {
  return new lib.Runner({ onWarning: () => {}, runtimeBinaries: pythons });
}

export async function invokeWith(runner, caseName, { event = {}, invokeOptions = {}, ...spec } = {}) {
  const definition = fn({ runtime: 'python3.12', handler: 'app.handler', codeDir: fixture(caseName), ...spec });
  const body = typeof event === 'string' || Buffer.isBuffer(event) ? event : JSON.stringify(event);
  const described = describeResult(await runner.invoke(definition, body, invokeOptions));
  return { ...described, lines: appLines(normalizeLogs(described.logs)) };
}

/** JSON text as Python's json/simplejson write it by default: ", " and ": " separators. */
export function pyDumps(value) {
  if (Array.isArray(value)) return `[${value.map(pyDumps).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pyDumps(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** The error document the Python runtime posts (spec §1.5). */
export function pyError(errorMessage, errorType, requestId, stackTrace = []) {
  return pyDumps({ errorMessage, errorType, requestId, stackTrace });
}

/** How the runtime logs an error in TEXT format: one record, "\r" between lines, NBSP for leading spaces. */
export function textErrorLine(errorType, errorMessage, stackTrace = []) {
  const lines = [`[ERROR] ${errorType}: ${errorMessage}`, 'Traceback (most recent call last):'];
  for (const element of stackTrace) {
    for (const line of element.replace(/\n$/, '').split('\n')) lines.push(line.replace(/^ +/, (s) => '\u00a0'.repeat(s.length)));
  }
  return lines.join('\r');
}

/** Python writes __pycache__ next to imported fixtures; remove it so the tests leave no files behind. */
export function removeBytecode(dir = fixturesDir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(dir, entry.name);
    if (entry.name === '__pycache__') fs.rmSync(full, { recursive: true, force: true });
    else removeBytecode(full);
  }
}
