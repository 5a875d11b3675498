// One build for every bundle: the CLI, the programmatic API the tests and the extension share.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  // esbuild is needed at run time (TypeScript handlers, packaging) and ships a native binary.
  external: ['vscode', 'esbuild'],
  logLevel: 'warning',
};

/** Leaves `./core` imported from lazyCore.ts out of the extension bundle: it loads dist/extension-core.js instead. */
const coreApart = {
  name: 'core-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/core$/ }, (args) =>
      args.importer.endsWith('lazyCore.ts') ? { path: './extension-core.js', external: true } : undefined,
    );
  },
};

const entries = [
  // dist/cli.js (the bin) is a small loader that runs this bundle through V8's code cache.
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-main.js' },
  { entryPoints: ['src/index.ts'], outfile: 'dist/lib.js' },
  { entryPoints: ['src/debug/debugAdapter.ts'], outfile: 'dist/debugAdapter.js' },
  // The Node runtime's TypeScript transpiler where no esbuild is installed (runtimes/ ships as is, so it is built there).
  { entryPoints: ['scripts/tsTranspiler.entry.js'], outfile: 'runtimes/node/vendor/tsTranspiler.js', minify: true, sourcemap: false },
  // The editor's entry point (only `vscode` is external; the editor provides it), small so activation is quick;
  // the heavy core (YAML, runner, events, scaffold) is its own file, loaded after activation by lazyCore.ts.
  ...(existsSync('src/extension.ts')
    ? [
        { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [coreApart] },
        { entryPoints: ['src/views/core.ts'], outfile: 'dist/extension-core.js' },
      ]
    : []),
];

function installCliLoader() {
  mkdirSync('dist', { recursive: true });
  copyFileSync('scripts/cli-loader.js', 'dist/cli.js');
  chmodSync('dist/cli.js', 0o755);
  // A new bundle makes old code caches useless.
  for (const name of readdirSync('dist')) if (name.startsWith('.cli-main-')) rmSync(path.join('dist', name));
}

installCliLoader();
if (watch) {
  for (const entry of entries) await (await esbuild.context({ ...common, ...entry })).watch();
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
