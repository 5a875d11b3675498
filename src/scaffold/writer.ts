// Writing a new function's files as one step: new files are created exclusively (an existing one is never
// overwritten, even if it appeared after the checks), and when a later step fails everything written so far is
// undone — created files and folders removed, a changed template given back its old text.
import fs from 'node:fs';
import path from 'node:path';
import { errors } from '../errors';

export class FileTransaction {
  /** What to undo, newest last. */
  private readonly undo: Array<() => void> = [];
  readonly written: string[] = [];

  /** Creates `dir` and any missing parents. */
  mkdirs(dir: string): void {
    const missing: string[] = [];
    for (let current = path.resolve(dir); !fs.existsSync(current); current = path.dirname(current)) missing.unshift(current);
    for (const folder of missing) {
      fs.mkdirSync(folder);
      this.undo.push(() => fs.rmdirSync(folder));
    }
  }

  /** Creates a new file (and its folder); fails if it exists. */
  create(file: string, content: string, executable = false): void {
    this.mkdirs(path.dirname(file));
    try {
      fs.writeFileSync(file, content, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw errors.usage(`${file} already exists — nothing was written; move it away or choose another name`);
      throw error;
    }
    this.undo.push(() => fs.rmSync(file, { force: true }));
    // Set after writing: the mode given to writeFileSync is narrowed by the umask.
    if (executable) fs.chmodSync(file, 0o755);
    this.written.push(file);
  }

  /** Replaces an existing file's text. */
  replace(file: string, content: string): void {
    const before = fs.readFileSync(file);
    fs.writeFileSync(file, content);
    this.undo.push(() => fs.writeFileSync(file, before));
    this.written.push(file);
  }

  /** Undoes every step, newest first; keeps going when one step cannot be undone. */
  rollback(): void {
    for (const step of this.undo.reverse()) {
      try {
        step();
      } catch {
        // e.g. a folder someone else put a file into meanwhile: left in place
      }
    }
    this.undo.length = 0;
    this.written.length = 0;
  }
}
