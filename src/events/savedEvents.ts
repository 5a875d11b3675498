// Event files on disk: `events/<FunctionLogicalId>/*.json` beside the template, then the shared `events/*.json`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FunctionModel, TemplateModel } from '../model/types';
import { EventsError } from './errors';
import { findJsonSyntaxError, lineAndColumn } from '../util/jsonSyntax';

export interface SavedEvent {
  /** The file name without `.json`. */
  name: string;
  /** Absolute path. */
  file: string;
}

/** The folder holding a function's own saved events. */
export function functionEventsDir(template: TemplateModel, fn: FunctionModel): string {
  return path.join(template.dir, 'events', fn.logicalId);
}

/** The function's own event files, then the shared ones, each group by name. Missing folders give no events. */
export function listSavedEvents(template: TemplateModel, fn: FunctionModel): SavedEvent[] {
  return [...jsonFilesIn(functionEventsDir(template, fn)), ...jsonFilesIn(path.join(template.dir, 'events'))];
}

function jsonFilesIn(dir: string): SavedEvent[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.json'))
    .map((entry) => ({ name: entry.name.slice(0, -'.json'.length), file: path.join(dir, entry.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The bytes of an event file, checked to be JSON (a UTF-8 byte-order mark, which some editors add, is dropped).
 * Throws a one-line EventsError: `file:line:col: invalid JSON: … — fix the JSON or pick another event`.
 */
export function readEventFile(file: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new EventsError(`${file}: cannot read the event file: ${reason}`);
  }
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) bytes = bytes.subarray(3);
  const text = bytes.toString('utf8');
  const problem = findJsonSyntaxError(text);
  if (problem) {
    const { line, column } = lineAndColumn(text, problem.offset);
    throw new EventsError(`${file}:${line}:${column}: invalid JSON: ${problem.message} — fix the JSON or pick another event`);
  }
  return bytes;
}
