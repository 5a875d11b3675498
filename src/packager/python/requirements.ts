// requirements.txt, read as pip reads it (enough of it): requirement lines, pip options, `-r` includes, comments and
// line continuations; and which requirements are already vendored in the code folder.
import fs from 'node:fs';
import path from 'node:path';
import { BuildFailure } from '../errors';

export interface Requirement {
  /** The line as pip should get it (paths made absolute). */
  line: string;
  /** Normalised project name (PEP 503), or undefined for URLs and paths. */
  name?: string;
  /** The name as written. */
  shown: string;
}

export interface Requirements {
  requirements: Requirement[];
  /** Option lines (index, find-links, constraints) for pip, paths made absolute. */
  options: string[];
}

export function readRequirements(file: string, seen = new Set<string>()): Requirements {
  const result: Requirements = { requirements: [], options: [] };
  const absolute = path.resolve(file);
  if (seen.has(absolute)) return result;
  seen.add(absolute);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch {
    throw new BuildFailure(`cannot read ${absolute} — check that the file exists and is readable`);
  }
  const dir = path.dirname(absolute);
  for (const raw of text.replace(/\\\r?\n/g, '').split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const include = /^(?:-r|--requirement)(?:\s+|=)(.+)$/.exec(line);
    if (include) {
      const nested = readRequirements(path.resolve(dir, include[1].trim()), seen);
      result.requirements.push(...nested.requirements);
      result.options.push(...nested.options);
      continue;
    }
    const withPath = /^(-c|--constraint|-f|--find-links)(?:\s+|=)(.+)$/.exec(line);
    if (withPath) {
      const value = withPath[2].trim();
      result.options.push(`${withPath[1]} ${/^[a-z]+:\/\//i.test(value) ? value : path.resolve(dir, value)}`);
      continue;
    }
    if (/^-e\b|^--editable\b/.test(line)) throw new BuildFailure(`${absolute}: editable requirement '${line}' cannot be packaged — install it normally (pip install .) or vendor it`);
    if (line.startsWith('-')) {
      result.options.push(line);
      continue;
    }
    const name = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:[<>=!~;@]|$)/.exec(line)?.[1];
    if (name && !/^[a-z]+:\/\//i.test(line)) {
      result.requirements.push({ line, name: normalizeName(name), shown: name });
    } else {
      const local = /^(\.{1,2}\/|\/)/.test(line) ? path.resolve(dir, line) : line;
      result.requirements.push({ line: local, shown: line });
    }
  }
  return result;
}

/** PEP 503: lower case, runs of `-`, `_`, `.` become `-`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * Names of projects vendored in a folder: their `.dist-info`/`.egg-info` metadata, and top-level packages and
 * modules (a package's import name is often its project name with `_` for `-`).
 */
export function vendoredNames(dir: string): Set<string> {
  const names = new Set<string>();
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return names;
  }
  for (const entry of entries) {
    const info = /^(.+?)-[^-]+\.(?:dist|egg)-info$/.exec(entry.name);
    if (info) names.add(normalizeName(info[1]));
    else if (entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, '__init__.py'))) names.add(normalizeName(entry.name));
    else if (entry.isFile() && entry.name.endsWith('.py')) names.add(normalizeName(entry.name.slice(0, -3)));
  }
  return names;
}
