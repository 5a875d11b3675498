// PythonProxy against a stand-in debugpy that goes away at the worst moment: when it is told to continue, it ends the
// connection without answering — as the real one does when the function's invoke ends (and its environment with it)
// before the answer is out. The editor must not see "Continue resulted in an error" for a function that did continue.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';
import { root } from '../helpers/invoke.mjs';

const require = createRequire(import.meta.url);

/** src/debug/pythonProxy.ts and breakpointStore.ts, bundled for plain Node (they are not part of dist/lib.js). */
async function loadProxy() {
  const dir = mkdtempSync(path.join(root, '.debug-test-'));
  try {
    const outfile = path.join(dir, 'proxy.js');
    await esbuild.build({
      stdin: { contents: "export * from './src/debug/pythonProxy';\nexport * from './src/debug/breakpointStore';", resolveDir: root, loader: 'ts' },
      outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent',
    });
    return require(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A DAP server on a free port: answers the attach handshake with success; `continue` ends the connection unanswered. */
async function standInDebugpy(t) {
  const server = net.createServer((socket) => {
    let buffer = Buffer.alloc(0);
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) return;
        const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
        if (buffer.length < end + 4 + length) return;
        const request = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
        buffer = buffer.subarray(end + 4 + length);
        if (request.command === 'continue') {
          socket.destroy();
          return;
        }
        const body = JSON.stringify({ seq: 0, type: 'response', request_seq: request.seq, command: request.command, success: true, body: {} });
        socket.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  return server.address().port;
}

test('a continue that debugpy cannot answer because the function ended is answered as continued; other requests fail', async (t) => {
  const { PythonProxy, BreakpointStore } = await loadProxy();
  const port = await standInDebugpy(t);
  const host = { sendEvent: () => undefined, clientArgs: { adapterID: 'lambda' }, store: new BreakpointStore(), configured: Promise.resolve() };
  const endpoint = { protocol: 'dap', host: '127.0.0.1', port, interpreter: 'python3', debugger: 'debugpy', runtimeDir: '/opt/runtime' };
  let closed = false;
  const proxy = await PythonProxy.attach(host, endpoint, true, () => (closed = true));
  t.after(() => proxy.close());
  const request = (seq, command, args = {}) => ({ seq, type: 'request', command, arguments: args });

  const continued = await proxy.answer(request(7, 'continue', { threadId: 1 }));
  assert.equal(closed, true, 'the stand-in ended the connection');
  assert.deepEqual(continued, { seq: 0, type: 'response', request_seq: 7, command: 'continue', success: true, body: { allThreadsContinued: true } });
  const stepped = await proxy.answer(request(8, 'next', { threadId: 1 }));
  assert.equal(stepped.success, true);
  const evaluated = await proxy.answer(request(9, 'evaluate', { expression: 'event' }));
  assert.equal(evaluated.success, false);
  assert.equal(evaluated.message, 'the debugger of the function has gone');
});
