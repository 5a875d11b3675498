// The Handler must resolve inside what Lambda unpacks (/var/task, and /opt for layers), or the first invoke fails
// with Runtime.ImportModuleError (Node.js, Python) or Runtime.InvalidEntrypoint (no bootstrap).

export interface ZipNames {
  /** Names in the function's zip. */
  own: Set<string>;
  /** Names in each of its layers' zips. */
  layers: Set<string>[];
}

/** A one-line problem, or undefined when the handler resolves. */
export function handlerProblem(runtime: string, handler: string | undefined, names: ZipNames): string | undefined {
  if (runtime.startsWith('provided')) {
    if (names.own.has('bootstrap') || names.layers.some((layer) => layer.has('bootstrap'))) return undefined;
    return 'there is no bootstrap at the root of the zip (nor of a layer) — a custom runtime starts from an executable named bootstrap';
  }
  if (!handler) return 'the function has no Handler';
  if (runtime.startsWith('nodejs')) {
    const slash = handler.lastIndexOf('/');
    const dir = handler.slice(0, slash + 1);
    const base = handler.slice(slash + 1);
    const module = dir + base.slice(0, base.indexOf('.') === -1 ? base.length : base.indexOf('.'));
    const candidates = ['.js', '.mjs', '.cjs'].map((ext) => module + ext);
    if (candidates.some((name) => names.own.has(name))) return undefined;
    if (names.layers.some((layer) => layer.has(`nodejs/node_modules/${module}/package.json`) || layer.has(`nodejs/node_modules/${module}/index.js`))) return undefined;
    return `Handler '${handler}' does not resolve in the zip: no ${candidates.join(', ')}${shownFiles(names.own, /\.[cm]?js$/)}`;
  }
  if (runtime.startsWith('python')) {
    const dot = handler.lastIndexOf('.');
    if (dot <= 0) return `Handler '${handler}' is not MODULE.FUNCTION`;
    const module = handler.slice(0, dot).replace(/\./g, '/');
    const found = (set: Set<string>, root: string) =>
      set.has(`${root}${module}.py`) || set.has(`${root}${module}/__init__.py`) ||
      [...set].some((name) => name.startsWith(`${root}${module}.`) && name.endsWith('.so'));
    if (found(names.own, '') || names.layers.some((layer) => found(layer, 'python/'))) return undefined;
    return `Handler '${handler}' does not resolve in the zip: no ${module}.py${shownFiles(names.own, /\.py$/)}`;
  }
  return undefined;
}

function shownFiles(names: Set<string>, pattern: RegExp): string {
  const shown = [...names].filter((name) => pattern.test(name) && !name.includes('node_modules/')).slice(0, 5);
  return shown.length ? ` (it has ${shown.join(', ')})` : '';
}
