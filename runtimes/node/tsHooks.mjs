// ES module loader hooks (module.register, run on Node's loader thread) for TypeScript: resolve `./x.js` and `./x`
// to x.ts, and transpile .ts/.mts files that are ES modules. CommonJS ones are left to the require hook.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { isModuleScope } = require('./packageScope.js');
const { transpile } = require('./tsTransform.js');

let esbuild;

export function initialize({ esbuildEntry }) {
  esbuild = require(esbuildEntry);
}

function candidates(specifier) {
  if (!/^(\.{0,2}\/|file:)/.test(specifier)) return [];
  const js = /\.(m|c)?js$/.exec(specifier);
  if (js) return [specifier.slice(0, -js[0].length) + `.${js[1] ?? ''}ts`];
  if (path.extname(specifier) === '') return [`${specifier}.ts`, `${specifier}/index.ts`];
  return [];
}

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    for (const candidate of candidates(specifier)) {
      try {
        return await nextResolve(candidate, context);
      } catch {
        // try the next one
      }
    }
    throw error;
  }
}

export async function load(url, context, nextLoad) {
  const extension = url.startsWith('file:') ? /\.[mc]?ts$/.exec(new URL(url).pathname)?.[0] : undefined;
  if (!extension) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const isModule = extension === '.mts' || (extension === '.ts' && isModuleScope(path.dirname(file)));
  // No source: Node hands CommonJS to its require machinery, where the require hook transpiles it.
  if (!isModule) return { format: 'commonjs', shortCircuit: true };
  return { format: 'module', source: transpile(esbuild, file, 'esm'), shortCircuit: true };
}
