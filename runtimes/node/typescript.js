'use strict';
// Runs .ts/.mts/.cts handlers directly (Lambda itself cannot): esbuild transpiles each TypeScript file as it is
// loaded, through a require hook for CommonJS and module.register loader hooks for ES modules (Node ≥20.6).
// Which esbuild: one installed with the function, else the runner's own (looked for from the folder the runner names
// in _LAMBDA_WORKBENCH_ESBUILD_FROM), else the bundled stand-in vendor/tsTranspiler.js (Sucrase behind esbuild's
// transformSync), built by `npm run build`. Looked for only once a handler turns out to be TypeScript.

const Module = require('module');
const path = require('path');
const { pathToFileURL } = require('url');
const { ImportModuleError, message } = require('./errors.js');
const { transpile } = require('./tsTransform.js');

let enabled = false;
/** The esbuild the hooks use, once enabled. */
let transpiler;

function findEsbuild(esbuildFrom, taskRoot) {
  const candidates = [];
  for (const base of esbuildFrom ? [taskRoot, esbuildFrom] : [taskRoot]) {
    try {
      candidates.push(path.dirname(require.resolve('esbuild/package.json', { paths: [base] })));
    } catch {
      // not installed there
    }
  }
  candidates.push(path.join(__dirname, 'vendor', 'tsTranspiler.js'));
  for (const dir of candidates) {
    try {
      return { esbuild: require(dir), entry: require.resolve(dir) };
    } catch {
      // try the next one
    }
  }
  return undefined;
}

function missingEsbuild(file, taskRoot) {
  const vars = { file: path.relative(taskRoot, file) || file, dir: taskRoot };
  return new ImportModuleError(message('typescript.noEsbuild', vars));
}

/** `require('./util')` finds util.ts; `require('./util.js')` finds util.ts when there is no util.js. */
function installRequireHook(esbuild) {
  const compile = (module, filename) => module._compile(transpile(esbuild, filename, 'cjs'), filename);
  Module._extensions['.ts'] = compile;
  Module._extensions['.cts'] = compile;
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    try {
      return resolveFilename.call(this, request, ...rest);
    } catch (error) {
      const swapped = /^\.{0,2}\/.*\.c?js$/.test(request) ? request.replace(/(c?)js$/, '$1ts') : undefined;
      if (error?.code !== 'MODULE_NOT_FOUND' || !swapped) throw error;
      try {
        return resolveFilename.call(this, swapped, ...rest);
      } catch {
        throw error;
      }
    }
  };
}

/**
 * Makes TypeScript loadable, once; called when the handler's module turns out to be `file`.
 * @throws Runtime.ImportModuleError when no esbuild can be found
 */
function enableTypeScript(file, { esbuildFrom, taskRoot }) {
  if (enabled) return;
  const found = findEsbuild(esbuildFrom, taskRoot);
  if (!found) throw missingEsbuild(file, taskRoot);
  process.setSourceMapsEnabled(true);
  transpiler = found.esbuild;
  installRequireHook(found.esbuild);
  if (typeof Module.register === 'function') {
    Module.register(pathToFileURL(path.join(__dirname, 'tsHooks.mjs')).href, { data: { esbuildEntry: found.entry } });
  }
  enabled = true;
}

/**
 * Debug environments, before the debugger attaches (userFunction.prepareLoad): TypeScript enabled for `file`, and
 * esbuild's service started by a first, empty transform, so neither waits in the debugger's path.
 */
function warmTypeScript(file, options) {
  enableTypeScript(file, options);
  transpiler.transformSync('', { loader: 'ts' });
}

module.exports = { enableTypeScript, warmTypeScript };
