// `npm run package` (scripts/package.mjs) builds a VSIX holding only what the installed extension runs, within the
// size limits. It builds in a staging folder, so the dist/ the other tests are reading is never rewritten.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from '../helpers/invoke.mjs';
import { extractZip, zipEntries } from './zip.mjs';

const MAX_BUNDLE = 1024 * 1024;
const MAX_VSIX = 3 * 1024 * 1024;

let scratch;
let vsix;
let entries;

before(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'lwb-vsix-'));
  vsix = path.join(scratch, 'lambda-workbench.vsix');
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.mjs'), '--out', vsix], { cwd: root, encoding: 'utf8' });
  assert.equal(built.status, 0, `scripts/package.mjs failed:\n${built.stdout}\n${built.stderr}`);
  entries = zipEntries(vsix);
});

after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/**
 * The Node.js runtime ships as its one-file build, with the files that build loads by path (TypeScript's hooks, the
 * module a debug environment imports to load Node's ES module loader).
 */
const nodeRuntimeShipped = new Set(['bootstrap.bundle.js', 'tsHooks.mjs', 'tsTransform.js', 'packageScope.js', 'esmWarmUp.mjs']);
const shipsFromNodeRuntime = (name) => {
  const file = /^extension\/runtimes\/node\/([^/]+\.(js|mjs))$/.exec(name)?.[1];
  return file === undefined || nodeRuntimeShipped.has(file);
};

/** Files of a repository folder as VSIX entry names, without what never ships (bytecode caches, notes). */
function shippedFiles(folder) {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.includes('__pycache__/') && !file.endsWith('.pyc') && !file.endsWith('.md'))
    .map((file) => `extension/${file}`)
    .filter(shipsFromNodeRuntime);
}

test('the VSIX holds only the extension bundles, runtimes/, media/ and the manifest files', () => {
  const allowed = (name) =>
    ['[Content_Types].xml', 'extension.vsixmanifest', 'extension/package.json', 'extension/readme.md', 'extension/LICENSE.txt',
      'extension/dist/extension.js', 'extension/dist/extension-core.js'].includes(name) ||
    (/^extension\/runtimes\/.+\.(js|mjs|py|json)$/.test(name) && shipsFromNodeRuntime(name)) ||
    name.startsWith('extension/media/');
  const names = entries.map((entry) => entry.name);
  assert.deepEqual(names.filter((name) => !allowed(name)), []);
  assert.deepEqual(names.filter((name) => /__pycache__|\.pyc$|\.map$/.test(name)), []);
});

test('the VSIX holds every runtime and media file and the manifest files', () => {
  const names = new Set(entries.map((entry) => entry.name));
  const expected = [...shippedFiles('runtimes'), ...shippedFiles('media'), 'extension/package.json', 'extension/readme.md',
    'extension/LICENSE.txt', 'extension/dist/extension.js', 'extension/dist/extension-core.js'];
  assert.deepEqual(expected.filter((name) => !names.has(name)), []);
});

test("the packaged manifest's main is the bundled extension", () => {
  const unpacked = path.join(scratch, 'unpacked');
  extractZip(vsix, unpacked, 'extension/');
  const manifest = JSON.parse(readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
  assert.match(manifest.main, /^(\.\/)?dist\/extension\.js$/);
  assert.ok(manifest.contributes?.viewsContainers?.activitybar?.some((container) => container.id === 'lambdaWorkbench'));
  assert.doesNotMatch(readFileSync(path.join(unpacked, 'dist', 'extension.js'), 'utf8'), /sourceMappingURL/);
});

test('the extension bundle is under 1 MB and the VSIX under 3 MB', () => {
  // The bundle is loaded in two parts (a small one at activation, the core after); together under the limit.
  const bundle = entries.filter((entry) => /^extension\/dist\/extension(-core)?\.js$/.test(entry.name)).reduce((n, entry) => n + entry.size, 0);
  assert.ok(bundle < MAX_BUNDLE, `dist/extension.js + dist/extension-core.js are ${bundle} bytes (limit ${MAX_BUNDLE})`);
  const size = statSync(vsix).size;
  assert.ok(size < MAX_VSIX, `the VSIX is ${size} bytes (limit ${MAX_VSIX})`);
});
