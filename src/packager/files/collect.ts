// The files of a folder as they go into a zip: sorted by the caller, secrets and tool state left out, links
// followed only while they stay inside the folder (a link out of it is an error naming the link).
import fs from 'node:fs';
import path from 'node:path';
import { BuildFailure } from '../errors';
import { exclusionReason } from './exclusions';

export interface CollectedFile {
  /** Path inside the zip. */
  name: string;
  /** The file on disk (a link's target). */
  file: string;
  size: number;
  /** 0o755 when any execute bit is set, else 0o644. */
  mode: number;
}

export interface Collected {
  files: CollectedFile[];
  /** What was left out, with the reason (paths relative to the folder). */
  excluded: { path: string; reason: string }[];
  /** Links whose target does not exist (left out). */
  brokenLinks: string[];
}

export interface CollectOptions {
  /** Prepended to every name inside the zip, e.g. `python/` for a Python layer. */
  prefix?: string;
  /** Absolute paths left out silently (the output folder, a wheelhouse, ...). */
  skip?: string[];
  /** Extra rule for what to leave out (path relative to the folder, `/`-separated). */
  exclude?: (relative: string, directory: boolean) => string | undefined;
}

export function collectFolder(root: string, options: CollectOptions = {}): Collected {
  const result: Collected = { files: [], excluded: [], brokenLinks: [] };
  const rootReal = fs.realpathSync(root);
  const skip = new Set((options.skip ?? []).map((p) => path.resolve(p)));
  const prefix = options.prefix ?? '';
  const visited = new Set<string>([rootReal]);

  const walk = (dir: string, relative: string, dirReal: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (skip.has(full)) continue;
      let isDirectory = entry.isDirectory();
      let target = full;
      if (entry.isSymbolicLink()) {
        let real: string;
        try {
          real = fs.realpathSync(full);
        } catch {
          result.brokenLinks.push(rel);
          continue;
        }
        if (real !== rootReal && !real.startsWith(rootReal + path.sep)) {
          throw new BuildFailure(`${full} is a link to ${real}, outside the code folder ${root} — Lambda gets only what is inside it: copy the files in or remove the link`);
        }
        isDirectory = fs.statSync(real).isDirectory();
        target = real;
      } else if (!isDirectory && !entry.isFile()) {
        continue; // sockets, FIFOs, devices: nothing to package
      }
      const reason = exclusionReason(entry.name, isDirectory) ?? options.exclude?.(rel, isDirectory);
      if (reason) {
        result.excluded.push({ path: isDirectory ? `${rel}/` : rel, reason });
        continue;
      }
      if (isDirectory) {
        const real = target === full ? path.join(dirReal, entry.name) : target;
        if (visited.has(real)) continue; // a link back up the tree
        visited.add(real);
        walk(target, rel, real);
        visited.delete(real);
        continue;
      }
      const stat = fs.statSync(target);
      result.files.push({ name: `${prefix}${rel}`, file: target, size: stat.size, mode: stat.mode & 0o111 ? 0o755 : 0o644 });
    }
  };
  walk(root, '', rootReal);
  return result;
}
