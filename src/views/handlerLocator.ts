// Where a function's handler is: the module file the runtime would load, and the line of the handler function in
// it. Plain Node, so "Open Handler" is tested without an editor. Module resolution follows the runtimes:
// runtimes/node/userFunction.js (no extension, .js, .mjs, .cjs, then TypeScript) and runtimes/python (a.b.fn →
// a/b.py or a/b/__init__.py); a custom runtime's handler is its `bootstrap`.
import fs from 'node:fs';
import path from 'node:path';
import { errors, WorkbenchError, ErrorCode } from '../errors';
import type { FunctionModel } from '../model/types';

export interface HandlerLocation {
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  /** False when the file was found but not the function in it (the location is then the file's start). */
  exact: boolean;
}

const NODE_EXTENSIONS = ['', '.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];

/** The handler's file and line. Image and inline-code functions point at their resource in the template. */
export function locateHandler(fn: FunctionModel): HandlerLocation {
  if (fn.packageType === 'Image' || fn.inlineCode !== undefined) {
    const where = fn.handlerLocation ?? fn.location;
    return { file: where.file, line: where.line, column: where.column, exact: true };
  }
  const runtime = fn.runtime ?? '';
  if (runtime.startsWith('provided')) {
    const file = firstFile([fn.codeDir, ...fn.layers.map((layer) => layer.contentDir)].map((dir) => path.join(dir, 'bootstrap')));
    if (!file) throw new WorkbenchError(ErrorCode.Usage, `${fn.logicalId} (${runtime}) has no bootstrap in ${fn.codeDir} — add an executable file named bootstrap`);
    return { file, line: 1, column: 1, exact: true };
  }
  if (!fn.handler) throw errors.missingHandler(fn.logicalId);
  if (runtime.startsWith('python')) return locatePython(fn, fn.handler);
  if (runtime.startsWith('nodejs')) return locateNode(fn, fn.handler);
  throw errors.unsupportedRuntime(fn.runtime, fn.logicalId);
}

function locateNode(fn: FunctionModel, handler: string): HandlerLocation {
  const base = path.basename(handler);
  const dot = base.indexOf('.');
  if (handler.includes('..') || dot <= 0) {
    throw new WorkbenchError(ErrorCode.Usage, `Handler '${handler}' of ${fn.logicalId} is not MODULE.FUNCTION (e.g. app.handler) — fix Handler`);
  }
  const modulePath = path.join(fn.codeDir, path.dirname(handler), base.slice(0, dot));
  const file = firstFile(NODE_EXTENSIONS.map((extension) => modulePath + extension));
  if (!file) throw errors.handlerFileMissing(fn.logicalId, handler, `${path.dirname(modulePath)} (looked for ${path.basename(modulePath)}.js, .mjs, .cjs, .ts)`);
  const exportName = base.slice(dot + 1).split('.')[0];
  return at(file, findJsFunctionLine(fs.readFileSync(file, 'utf8'), exportName));
}

function locatePython(fn: FunctionModel, handler: string): HandlerLocation {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) throw new WorkbenchError(ErrorCode.Usage, `Handler '${handler}' of ${fn.logicalId} is not MODULE.FUNCTION (e.g. app.lambda_handler) — fix Handler`);
  const module = handler.slice(0, dot).replace(/[./]/g, path.sep);
  const roots = [fn.codeDir, ...fn.layers.map((layer) => path.join(layer.contentDir, 'python'))];
  const file = firstFile(roots.flatMap((root) => [path.join(root, `${module}.py`), path.join(root, module, '__init__.py')]));
  if (!file) throw errors.handlerFileMissing(fn.logicalId, handler, `${fn.codeDir} (looked for ${module}.py)`);
  return at(file, findPythonFunctionLine(fs.readFileSync(file, 'utf8'), handler.slice(dot + 1)));
}

function at(file: string, place: { line: number; column: number } | undefined): HandlerLocation {
  return place ? { file, ...place, exact: true } : { file, line: 1, column: 1, exact: false };
}

function firstFile(candidates: string[]): string | undefined {
  return candidates.find((file) => {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

const escape = (name: string): string => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The line and column of the name of JavaScript/TypeScript export `name`: an exported declaration, an
 * `exports.name =` assignment, or — through `export { local as name }` / `module.exports = { name: local }` or
 * their shorthand — the declaration of the local it names.
 */
export function findJsFunctionLine(source: string, name: string): { line: number; column: number } | undefined {
  const n = escape(name);
  if (name === 'default') {
    return firstMatch(source, [/^[ \t]*export[ \t]+(default)\b/m]);
  }
  const exported = firstMatch(source, [
    new RegExp(`^[ \\t]*export[ \\t]+(?:declare[ \\t]+)?(?:async[ \\t]+)?function[ \\t]*\\*?[ \\t]*(${n})\\b`, 'm'),
    new RegExp(`^[ \\t]*export[ \\t]+(?:const|let|var|class)[ \\t]+(${n})\\b`, 'm'),
    new RegExp(`^[ \\t]*(?:module\\.)?exports\\.(${n})[ \\t]*=`, 'm'),
    new RegExp(`^[ \\t]*(?:module\\.)?exports\\[['"](${n})['"]\\][ \\t]*=`, 'm'),
  ]);
  if (exported) return exported;
  const alias = new RegExp(`export[ \\t]*\\{[^}]*?\\b([A-Za-z_$][\\w$]*)[ \\t]+as[ \\t]+${n}\\b`).exec(source)?.[1] ??
    new RegExp(`module\\.exports[ \\t]*=[ \\t]*\\{[^}]*?\\b${n}[ \\t]*:[ \\t]*([A-Za-z_$][\\w$]*)`).exec(source)?.[1];
  return findJsDeclaration(source, alias ?? name) ?? (alias ? findJsDeclaration(source, name) : undefined);
}

function findJsDeclaration(source: string, name: string): { line: number; column: number } | undefined {
  const n = escape(name);
  return firstMatch(source, [
    new RegExp(`^[ \\t]*(?:async[ \\t]+)?function[ \\t]*\\*?[ \\t]*(${n})\\b`, 'm'),
    new RegExp(`^[ \\t]*(?:const|let|var|class)[ \\t]+(${n})\\b`, 'm'),
  ]);
}

/** The line and column of a top-level `def name(`, `async def name(` or `name =` in Python source. */
export function findPythonFunctionLine(source: string, name: string): { line: number; column: number } | undefined {
  const n = escape(name);
  return firstMatch(source, [new RegExp(`^(?:async[ \\t]+)?def[ \\t]+(${n})[ \\t]*\\(`, 'm'), new RegExp(`^(${n})[ \\t]*=`, 'm')]);
}

/** The place of group 1 of the first pattern that matches. */
function firstMatch(source: string, patterns: RegExp[]): { line: number; column: number } | undefined {
  for (const pattern of patterns) {
    const match = new RegExp(pattern.source, `${pattern.flags}d`).exec(source);
    const offset = match?.indices?.[1]?.[0];
    if (offset === undefined) continue;
    const before = source.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
  }
  return undefined;
}
