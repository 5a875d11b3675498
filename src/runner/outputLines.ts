// Splits an environment's stdout/stderr into lines as they arrive, without waiting for the stream to end.
import type { Readable } from 'node:stream';

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
  });
  // Flush a last line without a newline (call when the process is gone).
  return () => {
    if (pending) onLine(pending);
    pending = '';
  };
}
