// Splits an environment's stdout/stderr into lines as they arrive, without waiting for the stream to end.
import type { Readable } from 'node:stream';

/**
 * CloudWatch Logs takes events of at most 256 KB; Lambda splits longer output into several. Splitting here also keeps
 * a function that prints a gigabyte without a newline from growing one string until the runner itself fails.
 */
export const MAX_LINE_CHARS = 256 * 1024;

export function forEachLine(stream: Readable, onLine: (line: string) => void): () => void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    let start = 0;
    let newline = chunk.indexOf('\n');
    while (newline !== -1) {
      onLine(pending + chunk.slice(start, newline));
      pending = '';
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    pending += chunk.slice(start);
    while (pending.length >= MAX_LINE_CHARS) {
      onLine(pending.slice(0, MAX_LINE_CHARS));
      pending = pending.slice(MAX_LINE_CHARS);
    }
  });
  // Flush a last line without a newline (call when the process is gone).
  return () => {
    if (pending) onLine(pending);
    pending = '';
  };
}
