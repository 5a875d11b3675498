// The event of an invoke, from a file, standard input or the command line; checked as Lambda's Invoke API does.
import fs from 'node:fs';
import { errors } from '../errors';
import { findJsonSyntaxError, lineAndColumn } from '../util/jsonSyntax';

/** Throws a one-line error naming where the JSON breaks. The Invoke API refuses non-JSON events (400). */
export function checkEventJson(bytes: Buffer, source: string): void {
  const text = bytes.toString('utf8');
  try {
    JSON.parse(text);
  } catch {
    const problem = findJsonSyntaxError(text);
    const where = problem && lineAndColumn(text, problem.offset);
    const place = where ? `${source}:${where.line}:${where.column}` : source;
    throw errors.usage(`${place}: invalid event JSON (${problem?.message ?? 'not JSON'}) — fix the JSON or pass another event`);
  }
}

export function readEventFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw errors.usage(
      code === 'ENOENT' ? `Event file ${file} does not exist — check the path given to -e` : `Cannot read event file ${file}: ${(error as Error).message}`,
    );
  }
}
