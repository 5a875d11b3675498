// Modules of src/ that dist/lib.js does not export: a test bundles the ones it needs with esbuild, fresh (their
// module state is the test's own), loads them, and removes the bundle again.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { root } from './invoke.mjs';

const require = createRequire(import.meta.url);

/** Bundles and loads `src/<file>.ts` for each name given (`runner/spawnNow`); returns their exports, in order. */
export async function loadSources(...files) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lwb-source-'));
  try {
    await esbuild.build({ entryPoints: Object.fromEntries(files.map((file, i) => [`m${i}`, path.join(root, 'src', `${file}.ts`)])),
      outdir: dir, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'esbuild'], logLevel: 'silent' });
    return files.map((_, i) => require(path.join(dir, `m${i}.js`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
