// The adapter's DAP connection to debugpy (src/debug/dapSocket.ts) turns Nagle's algorithm off: a request written while
// the previous one is still unacknowledged must not wait for debugpy's delayed ACK.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';
import { root } from '../helpers/invoke.mjs';

const require = createRequire(import.meta.url);

/** src/debug/dapSocket.ts bundled for plain Node (it is not part of dist/lib.js); `net` stays this process's module. */
async function loadDapSocket() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lwb-dap-socket-'));
  try {
    const outfile = path.join(dir, 'dapSocket.js');
    await esbuild.build({ entryPoints: [path.join(root, 'src', 'debug', 'dapSocket.ts')], outfile, bundle: true, platform: 'node',
      format: 'cjs', target: 'node20', logLevel: 'silent' });
    return require(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the connection to debugpy has TCP_NODELAY set', async (t) => {
  const { DapSocket } = await loadDapSocket();
  const server = net.createServer((socket) => socket.on('error', () => undefined));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const { port } = server.address();
  // Node has no getter for the option: the calls that set it are watched instead.
  const noDelayPorts = [];
  const setNoDelay = net.Socket.prototype.setNoDelay;
  t.mock.method(net.Socket.prototype, 'setNoDelay', function (enable = true) {
    if (enable) noDelayPorts.push(this.remotePort);
    return setNoDelay.call(this, enable);
  });
  const dap = await DapSocket.connect('127.0.0.1', port, () => undefined, () => undefined);
  t.after(() => dap.close());
  assert.deepEqual(noDelayPorts, [port]);
});
