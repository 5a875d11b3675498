// The TypeScript stand-in the Node runtime uses where no esbuild is installed (the packaged extension): it must
// produce code that runs, in both module formats, with source maps that point stack traces at the .ts lines.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { root } from '../helpers/invoke.mjs';

const require = createRequire(import.meta.url);
const transpiler = path.join(root, 'runtimes', 'node', 'vendor', 'tsTranspiler.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lwb-ts-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const source = [
  'interface Event { n: number }',
  'enum Kind { Small, Large }',
  'export const handler = async (event: Event): Promise<{ kind: string }> => {',
  '  if (event.n < 0) throw new Error("negative");',
  '  return { kind: Kind[event.n > 10 ? Kind.Large : Kind.Small] };',
  '};',
  '',
].join('\n');

function run(format, event) {
  const file = path.join(dir, format === 'esm' ? 'app.mts' : 'app.ts');
  fs.writeFileSync(file, source);
  const out = path.join(dir, format === 'esm' ? 'app.mjs' : 'app.cjs');
  const { transformSync } = require(transpiler);
  fs.writeFileSync(out, transformSync(source, { loader: 'ts', format, sourcefile: file }).code);
  const script = `import(${JSON.stringify(out)}).then(async (m) => { try { console.log(JSON.stringify(await m.handler(${JSON.stringify(event)}))); } catch (e) { console.log(e.stack.split('\\n')[1].trim()); } })`;
  return execFileSync(process.execPath, ['--enable-source-maps', '-e', script], { encoding: 'utf8' }).trim();
}

it('transpiles a CommonJS TypeScript handler that runs, and maps errors to the .ts line', () => {
  assert.equal(run('cjs', { n: 20 }), '{"kind":"Large"}');
  assert.match(run('cjs', { n: -1 }), new RegExp(`${path.join(dir, 'app.ts').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:`));
});

it('transpiles an ES module TypeScript handler that runs, and maps errors to the .mts line', () => {
  assert.equal(run('esm', { n: 1 }), '{"kind":"Small"}');
  assert.match(run('esm', { n: -1 }), /app\.mts:4:/);
});
