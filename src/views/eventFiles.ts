// Writing a new saved event: `events/<FunctionId>/<name>.json` beside the template, under a name that is free.
// An existing file is never overwritten, even one created a moment ago by someone else (exclusive create).
import fs from 'node:fs';
import path from 'node:path';

/** `GetHello` → `get-hello`, `FunctionUrl` → `function-url`, `Auth.PreSignUp` → `auth-pre-sign-up`. */
export function eventFileBaseName(name: string): string {
  const kebab = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return kebab || 'event';
}

/** Writes `text` to `<dir>/<base>.json`, else `<base>-2.json`, `<base>-3.json`, ...; returns the file written. */
export function writeNewEventFile(dir: string, base: string, text: string): string {
  fs.mkdirSync(dir, { recursive: true });
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${base}${n === 1 ? '' : `-${n}`}.json`);
    try {
      fs.writeFileSync(file, text, { flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
