// Path questions the views ask often.
import path from 'node:path';

/** True when `file` is somewhere under `dir` (and is not `dir` itself). */
export function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Folders whose templates are build output or dependencies, not the user's (TEMPLATE_EXCLUDE, for watchers). */
const EXCLUDED_FOLDERS = new Set(['node_modules', '.aws-sam', '.git']);

export function isExcludedPath(file: string): boolean {
  return file.split(/[\\/]/).some((part) => EXCLUDED_FOLDERS.has(part));
}
