// The editor-free modules of src/views (the tree model, labels, handler locator, ...) are not part of dist/lib.js:
// this bundles them into one module for plain-Node tests. A module that imported `vscode` would fail to load here.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { root } from '../helpers/invoke.mjs';

const require = createRequire(import.meta.url);

const MODULES = [
  'contributions', 'views/batch', 'views/debugTargets', 'views/eventChoices', 'views/eventFiles', 'views/functionNames',
  'views/handlerLocator',
  'views/invocationHistory', 'views/invokeRequest', 'views/invokeService', 'views/labels', 'views/paths', 'views/settings',
  'views/templateCatalog', 'views/treeModel',
];

export const fixtures = path.join(root, 'test', 'fixtures', 'views');

/** All of them as one module (one copy of the model and runner, so instanceof works across them). */
export async function loadViews() {
  // Beside the repository's root, so the runner finds runtimes/ from the bundle's folder as it does from dist/.
  const dir = mkdtempSync(path.join(root, '.views-test-'));
  try {
    const outfile = path.join(dir, 'views.js');
    await esbuild.build({
      stdin: { contents: MODULES.map((name) => `export * from './src/${name}';`).join('\n'), resolveDir: root, loader: 'ts' },
      outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['esbuild'], logLevel: 'silent',
    });
    return require(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
