// The Node runtime asks for its next event in the same write as a response (HTTP/1.1 pipelining), so the platform
// sees an invocation end in one read: checked against a bare-TCP Runtime API that answers the POST only once it has
// the GET /next — a runtime that waited for the 202 first would never get there.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { root } from '../helpers/invoke.mjs';
import { fixture } from './nodeRuntime.mjs';

const bootstrap = path.join(root, 'runtimes', 'node', 'bootstrap.js');
const CRLFCRLF = '\r\n\r\n';

/** Reads whole requests (head and Content-Length body) off a socket, in order. */
function requestReader(socket, onRequest) {
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf(CRLFCRLF);
      if (end === -1) return;
      const head = buffer.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffer.length < end + 4 + length) return;
      const [method, url] = head.split(' ');
      onRequest({ method, url, body: buffer.subarray(end + 4, end + 4 + length).toString() });
      buffer = buffer.subarray(end + 4 + length);
    }
  });
}

function reply(socket, status, headers, body) {
  const lines = Object.entries({ ...headers, 'Content-Length': Buffer.byteLength(body) }).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.write(`HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Accepted'}\r\n${lines.join('')}\r\n${body}`);
}

/**
 * Serves one event; holds the 202 for its response until `holdAccepted` says so. Resolves with what happened, in
 * order: 'GET next', 'POST response', '202 sent', …, up to the second GET /next.
 */
async function oneInvoke(event, { holdAcceptedUntilNext }) {
  const order = [];
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  let heldAccept;
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined); // the runtime is killed at the end: its connection resets
    let nexts = 0;
    requestReader(socket, (request) => {
      if (request.url.endsWith('/invocation/next')) {
        order.push('GET next');
        nexts += 1;
        if (nexts === 1) {
          reply(socket, 200, {
            'Content-Type': 'application/json', 'Lambda-Runtime-Aws-Request-Id': 'request-1',
            'Lambda-Runtime-Deadline-Ms': String(Date.now() + 3000),
            'Lambda-Runtime-Invoked-Function-Arn': 'arn:aws:lambda:us-east-1:123456789012:function:stub',
          }, JSON.stringify(event));
          return;
        }
        heldAccept?.();
        done();
        return;
      }
      order.push(`POST ${request.url.split('/').pop()}`);
      const accept = () => {
        order.push('202 sent');
        reply(socket, 202, { 'Content-Type': 'application/json' }, '{"status":"OK"}');
      };
      if (holdAcceptedUntilNext) heldAccept = accept;
      else accept();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const codeDir = fixture('async-result');
  const child = spawn(process.execPath, [bootstrap], {
    cwd: codeDir,
    env: {
      PATH: process.env.PATH, AWS_LAMBDA_RUNTIME_API: `127.0.0.1:${server.address().port}`, _HANDLER: 'index.value',
      LAMBDA_TASK_ROOT: codeDir, AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x', AWS_LAMBDA_FUNCTION_NAME: 'stub',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128', AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    },
    stdio: 'ignore',
  });
  const timer = setTimeout(done, 5000);
  try {
    await finished;
  } finally {
    clearTimeout(timer);
    child.kill('SIGKILL');
    for (const socket of sockets) socket.destroy();
    server.close();
  }
  return order;
}

test('the next GET /next follows a response at once, without waiting for its 202', async () => {
  const order = await oneInvoke({ a: 1 }, { holdAcceptedUntilNext: true });
  assert.deepEqual(order, ['GET next', 'POST response', 'GET next', '202 sent']);
});

test('a response over 64 KiB is answered before the next GET /next goes out', async () => {
  const order = await oneInvoke({ big: 'x'.repeat(70 * 1024) }, { holdAcceptedUntilNext: false });
  assert.deepEqual(order, ['GET next', 'POST response', '202 sent', 'GET next']);
});
