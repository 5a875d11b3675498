'use strict';
// The function's stdout and stderr. On Lambda, log records go through a synchronous file descriptor, so a line logged
// before `return` is in the log before the invocation ends. Here the console writes its lines straight to fd 1 with
// blocking writes. process.stdout and process.stderr are left to be made on first use: made, they are `net` sockets
// over pipes (and `net` is ~12 ms of a cold start under Lambda's node options); when user code makes them, they are
// made blocking too, so their output keeps its order with the console's.

const fs = require('fs');

function makeStdioBlocking() {
  for (const name of ['stdout', 'stderr']) {
    const descriptor = Object.getOwnPropertyDescriptor(process, name);
    if (!descriptor || typeof descriptor.get !== 'function' || !descriptor.configurable) {
      process[name]._handle?.setBlocking?.(true);
      continue;
    }
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: descriptor.enumerable,
      get() {
        const stream = descriptor.get.call(process);
        stream._handle?.setBlocking?.(true);
        Object.defineProperty(process, name, { configurable: true, enumerable: descriptor.enumerable, get: descriptor.get });
        return stream;
      },
    });
  }
}

/** Writes `text` to stdout, whole, before returning. */
function writeOut(text) {
  let buffer = Buffer.from(text, 'utf8');
  try {
    while (buffer.length > 0) buffer = buffer.subarray(fs.writeSync(1, buffer));
  } catch (error) {
    // A non-blocking stdout that is full (EAGAIN), or not writable at all: Node's stream queues what is left.
    if (error.code === 'EAGAIN' && buffer.length > 0) process.stdout.write(buffer);
    else if (error.code !== 'EPIPE') throw error;
  }
}

module.exports = { makeStdioBlocking, writeOut };
