// One build for every bundle: the CLI, the programmatic API the tests and the extension share.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
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

/** A plugin that rewrites each bundle once esbuild has written it: `rewrite(text)` returns the new text, or undefined. */
function rewriteOutput(name, rewrite) {
  return {
    name,
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length > 0) return;
        const outfile = build.initialOptions.outfile;
        if (!outfile?.endsWith('.js') || !existsSync(outfile)) return;
        const rewritten = rewrite(readFileSync(outfile, 'utf8'));
        if (rewritten !== undefined) writeFileSync(outfile, rewritten);
      });
    },
  };
}

/**
 * esbuild escapes non-ASCII characters in code but keeps them in the comments it preserves (JSDoc of class fields).
 * One such character makes Node decode the whole bundle as UTF-16, slowly: 5 ms of every CLI start for cli-main.js.
 * Escaping them leaves an ASCII file, read as a one-byte string.
 */
const asciiOnly = rewriteOutput('ascii-only', (text) => {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return undefined;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
});

/**
 * `import fs from 'node:fs'` becomes `__toESM(require("node:fs"))` in each importing module, and every call copies
 * all of the module's exports onto a new object: ~0.1-0.2 ms each, 21 of them (~3 ms) before a cold CLI invoke
 * can spawn its function. A built-in's exports never change, so one view per built-in serves every importer: the
 * call sites go to `__toESB`, a same-length name (source map columns stay put) that keeps the first view made.
 */
const BUILTIN_INTEROP = /__toESM\(require\("((?:node:)?[a-z_/]+)"\)\)/g;
const BUILTIN_VIEWS = 'function __toESB(mod){const views=__toESB.views??=new WeakMap;let view=views.get(mod);if(!view)views.set(mod,view=__toESM(mod));return view}\n';
const sharedBuiltinViews = rewriteOutput('shared-builtin-views', (text) => {
  let shared = 0;
  const rewritten = text.replace(BUILTIN_INTEROP, (call, id) => {
    if (!isBuiltin(id)) return call;
    shared++;
    return `__toESB(require("${id}"))`;
  });
  if (shared === 0) return undefined;
  // Declared at the end, before the source map comment (a function declaration is hoisted): no line moves.
  const mapComment = rewritten.lastIndexOf('\n//# sourceMappingURL=');
  return mapComment === -1
    ? `${rewritten.replace(/\n?$/, '\n')}${BUILTIN_VIEWS}`
    : `${rewritten.slice(0, mapComment + 1)}${BUILTIN_VIEWS}${rewritten.slice(mapComment + 1)}`;
});

const entries = [
  // dist/cli.js (the bin) is a small loader that runs this bundle through V8's code cache.
  // Whitespace and comments out (names kept, for readable stacks): a smaller source string is quicker to create.
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-main.js', minifyWhitespace: true },
  { entryPoints: ['src/index.ts'], outfile: 'dist/lib.js' },
  { entryPoints: ['src/debug/debugAdapter.ts'], outfile: 'dist/debugAdapter.js' },
  // The Node runtime's TypeScript transpiler where no esbuild is installed (runtimes/ ships as is, so it is built there).
  { entryPoints: ['scripts/tsTranspiler.entry.js'], outfile: 'runtimes/node/vendor/tsTranspiler.js', minify: true, sourcemap: false },
  // The Node runtime as one file, beside its sources (it finds tsHooks.mjs and vendor/ from its own folder): a cold
  // start reads and compiles one file instead of fifteen. Names and layout kept, for the stacks of runtime errors.
  { entryPoints: ['runtimes/node/bootstrap.js'], outfile: 'runtimes/node/bootstrap.bundle.js', minify: false, sourcemap: false },
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
  for (const entry of entries) await (await esbuild.context({ ...common, ...entry, plugins: [...(entry.plugins ?? []), asciiOnly, sharedBuiltinViews] })).watch();
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry, plugins: [...(entry.plugins ?? []), asciiOnly, sharedBuiltinViews] })));
}
