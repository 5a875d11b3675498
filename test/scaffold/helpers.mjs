// Shared helpers of the scaffold tests: temp folders, folder snapshots, invoking a scaffolded function.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { lib, root } from '../helpers/invoke.mjs';

export { lib, root };
export const fixtures = path.join(root, 'test', 'fixtures', 'scaffold');

const made = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new temp folder, removed when the test file ends; with `fixture`, a copy of test/fixtures/scaffold/<fixture>. */
export function tempDir(fixture) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lwb-scaffold-'));
  made.push(dir);
  if (fixture) fs.cpSync(path.join(fixtures, fixture), dir, { recursive: true });
  return dir;
}

/** Every file and folder under `dir`: relative path → content (base64) and mode, for "nothing changed" checks. */
export function snapshot(dir) {
  const out = {};
  const walk = (current) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const rel = path.relative(dir, full);
      const mode = fs.statSync(full).mode;
      if (entry.isDirectory()) {
        out[`${rel}/`] = { mode };
        walk(full);
      } else {
        out[rel] = { mode, content: fs.readFileSync(full).toString('base64') };
      }
    }
  };
  walk(dir);
  return out;
}

/** Invokes the scaffolded function with its generated event through the real runner, from the template on disk. */
export async function invokeScaffolded(result) {
  const model = lib.loadTemplate(result.templateFile);
  const fn = lib.findFunction(model, result.logicalId);
  const runner = new lib.Runner({ onWarning: () => {} });
  try {
    const invoked = await runner.invoke(fn, fs.readFileSync(result.eventFile));
    const payload = invoked.payload.toString('utf8');
    let json;
    try { json = JSON.parse(payload); } catch { json = undefined; }
    // The function's own lines, without the platform's and without the Node runtime's `time\tid\tLEVEL\t` prefix.
    const output = invoked.logs
      .filter((line) => !/^(INIT_START|START|END|REPORT|INIT_REPORT) /.test(line))
      .map((line) => line.replace(/^\S+Z\t[0-9a-f-]{36}\t[A-Z]+\t/, ''));
    return { payload, json, functionError: invoked.functionError, logs: invoked.logs, output };
  } finally {
    await runner.dispose();
  }
}

/** Runs `fn`, expecting a WorkbenchError whose one-line message matches `pattern`; returns the message. */
export function refused(fn, pattern) {
  let message;
  try {
    fn();
  } catch (error) {
    if (error?.name === 'AssertionError') throw error;
    message = error.message;
    // A WorkbenchError (or TemplateError/EventsError, its subclasses) carries an ErrorCode; system errors do not.
    if (error?.code !== 'Usage') throw error;
  }
  if (message === undefined) throw new Error(`expected a refusal matching ${pattern}, but it succeeded`);
  if (message.includes('\n')) throw new Error(`the message is not one line: ${message}`);
  if (!pattern.test(message)) throw new Error(`message ${JSON.stringify(message)} does not match ${pattern}`);
  return message;
}
