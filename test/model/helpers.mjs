// Shared helpers for the model tests: fixture paths, and the line/column of a text in a fixture (1-based).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../helpers/invoke.mjs';

export const fixtures = path.join(root, 'test', 'fixtures', 'model');

export function fixture(...parts) {
  return path.join(fixtures, ...parts);
}

/** Where `text` first appears in `file` (after `after`, if given), as {line, column}. */
export function positionOf(file, text, after) {
  const source = readFileSync(file, 'utf8');
  const start = after === undefined ? 0 : source.indexOf(after);
  const offset = source.indexOf(text, start);
  if (offset < 0 || start < 0) throw new Error(`'${text}' is not in ${file}`);
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** A SourceLocation for `text` in `file`. */
export function locationOf(file, text, after) {
  return { file, ...positionOf(file, text, after) };
}
