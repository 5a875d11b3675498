// Before running anything, the CLI checks that a handler's module file exists, so a typo gets a one-line answer
// (exit 2) instead of a Runtime.ImportModuleError from inside the environment. The runner itself stays faithful
// to Lambda and reports the import error; this is only the CLI's courtesy.
import fs from 'node:fs';
import path from 'node:path';
import { errors } from '../errors';
import type { RunnableFunction } from '../runner/types';

export function checkHandlerFile(fn: RunnableFunction): void {
  if (!fn.handler || !fn.runtime) return;
  if (!fs.existsSync(fn.codeDir)) throw errors.codeDirMissing(fn.functionName, fn.codeDir);
  const roots = [fn.codeDir, ...fn.layers.map((layer) => layer.contentDir)];
  if (fn.runtime.startsWith('nodejs')) {
    if (fn.handler.includes('..')) return; // the runtime reports Runtime.MalformedHandlerName
    const base = path.basename(fn.handler);
    const dot = base.indexOf('.');
    if (dot === -1) return;
    const module = path.join(path.dirname(fn.handler), base.slice(0, dot));
    const candidates = ['', '.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'].map((ext) => path.join(fn.codeDir, module + ext));
    const inModules = roots.flatMap((root) => [path.join(root, 'node_modules', module), path.join(root, 'nodejs', 'node_modules', module)]);
    if ([...candidates, ...inModules].some((file) => fs.existsSync(file))) return;
    throw errors.handlerFileMissing(fn.functionName, fn.handler, `${fn.codeDir} (looked for ${module}.js, .mjs, .cjs, .ts)`);
  }
  if (fn.runtime.startsWith('python')) {
    const dot = fn.handler.lastIndexOf('.');
    if (dot === -1) return; // the runtime reports Runtime.MalformedHandlerName
    const module = fn.handler.slice(0, dot).replace(/\./g, '/');
    const pythonRoots = [fn.codeDir, ...fn.layers.map((layer) => path.join(layer.contentDir, 'python'))];
    const found = pythonRoots.some((root) =>
      [`${module}.py`, path.join(module, '__init__.py'), `${module}.pyc`].some((file) => fs.existsSync(path.join(root, file))) ||
      (fs.existsSync(path.join(root, path.dirname(module))) &&
        fs.readdirSync(path.join(root, path.dirname(module))).some((f) => f.startsWith(`${path.basename(module)}.`) && f.endsWith('.so'))),
    );
    if (found || !module.includes('/') && isLikelyInstalled(fn, module)) return;
    throw errors.handlerFileMissing(fn.functionName, fn.handler, `${fn.codeDir} (looked for ${module}.py)`);
  }
}

/** A top-level module may come from an installed package in a layer's site-packages. */
function isLikelyInstalled(fn: RunnableFunction, module: string): boolean {
  return fn.layers.some((layer) => {
    const lib = path.join(layer.contentDir, 'python', 'lib');
    if (!fs.existsSync(lib)) return false;
    return fs.readdirSync(lib).some((version) => fs.existsSync(path.join(lib, version, 'site-packages', module)) ||
      fs.existsSync(path.join(lib, version, 'site-packages', `${module}.py`)));
  });
}
