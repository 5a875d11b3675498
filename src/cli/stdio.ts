// The CLI's stdout and stderr, written with blocking writes to their file descriptors. process.stdout and
// process.stderr are made on first use, and making one is a stream (over a pipe, a `net` socket): about 2 ms each of
// a cold `lambda-workbench invoke`, one of them before the function's process is even started. A command that prints
// a payload and some log lines needs neither. Where a descriptor is non-blocking and full (EAGAIN), the rest goes to
// Node's stream, and so does everything after it, to keep the order.
import fs from 'node:fs';

type Fd = 1 | 2;

const streamed = new Set<Fd>();

function stream(fd: Fd): NodeJS.WriteStream {
  return fd === 1 ? process.stdout : process.stderr;
}

/** Writes all of `text` to `fd` before returning (or hands it to Node's stream, see above). */
export function writeFd(fd: Fd, text: string | Buffer): void {
  let buffer = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  if (streamed.has(fd)) {
    stream(fd).write(buffer);
    return;
  }
  try {
    while (buffer.length > 0) buffer = buffer.subarray(fs.writeSync(fd, buffer));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') {
      streamed.add(fd);
      stream(fd).write(buffer);
    } else if (code !== 'EPIPE') {
      // A closed reader (`| head`) is not an error of the command's; anything else is.
      throw error;
    }
  }
}

/** Calls `done` once whatever went to Node's streams has been written. */
export function drainStdio(done: () => void): void {
  const pending = [...streamed];
  const next = (): void => {
    const fd = pending.shift();
    if (fd === undefined) done();
    else stream(fd).write('', next);
  };
  next();
}

/** Whether stderr is a terminal, asked without making process.stderr. */
export function stderrIsTTY(): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:tty') as typeof import('node:tty')).isatty(2);
}
