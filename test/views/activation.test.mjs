// Activation stays cheap: what src/extension.ts imports eagerly must not include the YAML parser, the event
// catalogue, the runner or the scaffolder — those load through views/lazyCore.ts after activate() returns.
// Checked on the bundle's inputs (no timing, so a busy machine cannot make it flaky).
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';
import { root } from '../helpers/invoke.mjs';

/** Bundles the extension with core.ts left out, as a separate core bundle would be. */
async function eagerInputs() {
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'src', 'extension.ts')], bundle: true, write: false, metafile: true, minify: true,
    platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'esbuild'], outfile: 'extension.js', logLevel: 'silent',
    plugins: [{
      name: 'core-apart',
      setup(build) {
        build.onResolve({ filter: /^\.\/core$/ }, (args) => (args.importer.endsWith('lazyCore.ts') ? { path: './extension-core.js', external: true } : undefined));
      },
    }],
  });
  const [output] = Object.values(result.metafile.outputs);
  return { bytes: output.bytes, inputs: Object.keys(output.inputs) };
}

test('the code that runs at activation leaves the heavy modules to lazyCore', async () => {
  const { bytes, inputs } = await eagerInputs();
  const heavy = inputs.filter((input) => /node_modules\/yaml\/|src\/events\/catalogue|src\/runner\/|src\/scaffold\/|src\/model\/template\.ts|src\/views\/(core|invokeService|templateCatalog|eventChoices)\.ts/.test(input));
  assert.deepEqual(heavy, []);
  assert.ok(inputs.some((input) => input.endsWith('src/views/lazyCore.ts')), 'the door to the rest is there');
  assert.ok(bytes < 100 * 1024, `eager bundle ${Math.round(bytes / 1024)} KB`);
});
