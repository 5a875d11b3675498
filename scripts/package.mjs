// `npm run package`: builds lambda-workbench.vsix with @vscode/vsce — the production bundle dist/extension.js, the
// runtimes' bootstraps, media/ and the manifest files (.vscodeignore says which).
// It works in a staging folder: the production build never rewrites the repository's dist/ (which the tests read),
// and vsce does not walk the repository's other folders (test/e2e/node_modules alone is ~800 MB).
// Usage: node scripts/package.mjs [--out FILE]   (default: ./lambda-workbench.vsix)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg > 0 ? process.argv[outArg + 1] : path.join(root, 'lambda-workbench.vsix'));
/** What esbuild.mjs reads (linked into the staging folder, then unlinked before vsce looks at it). */
const buildInputs = ['src', 'scripts', 'node_modules', 'esbuild.mjs', 'tsconfig.json'];
/** What the VSIX is made of, before .vscodeignore filters it. */
const packageInputs = ['package.json', 'README.md', 'LICENSE', '.vscodeignore', 'runtimes', 'media'];

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (exit ${result.status})`);
}

const staging = mkdtempSync(path.join(os.tmpdir(), 'lwb-package-'));
try {
  for (const name of buildInputs) symlinkSync(path.join(root, name), path.join(staging, name));
  // The runtimes are copied first: the build writes their one-file Node.js runtime and TypeScript transpiler there.
  cpSync(path.join(root, 'runtimes'), path.join(staging, 'runtimes'), { recursive: true });
  run(process.execPath, ['esbuild.mjs', '--production'], staging);
  for (const name of buildInputs) rmSync(path.join(staging, name));
  for (const name of packageInputs) if (name !== 'runtimes') cpSync(path.join(root, name), path.join(staging, name), { recursive: true });
  run(path.join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository',
    '--skip-license', '--no-rewrite-relative-links', '--out', out], staging);
  const kb = (file) => `${(statSync(file).size / 1024).toFixed(0)} KB`;
  console.log(`extension bundle ${kb(path.join(staging, 'dist', 'extension.js'))}, VSIX ${kb(out)}: ${path.relative(process.cwd(), out)}`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
