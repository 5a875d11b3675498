// The Runtime API's socket, listening before the function's process is spawned without waiting on net.Server's
// listen (which loads node:dns and node:cluster first): the port is known at once, the socket already takes
// connections, and net.Server serves them as its own once the caller's synchronous code has run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { before, test } from 'node:test';
import { loadSources } from '../helpers/source.mjs';

let listenNow;
let Http1Server;

before(async () => {
  [{ listenNow }, { Http1Server }] = await loadSources('runner/listenNow', 'runner/http1');
});

/** A server that answers each connection with `hello`, counting them. */
function helloServer() {
  const server = net.createServer((socket) => {
    server.connections++;
    socket.on('error', () => undefined); // the early client has gone by the time it is served
    socket.end('hello');
  });
  server.connections = 0;
  return server;
}

function fetchHello(port) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    net.connect(port, '127.0.0.1').on('data', (chunk) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks).toString()))
      .on('error', reject);
  });
}

test('returns the port at once; the socket takes connections before net.Server has it, and the server then serves them', async (t) => {
  const server = helloServer();
  t.after(() => server.close());
  const port = listenNow('127.0.0.1', (handle) => server.listen(handle));
  assert.equal(typeof port, 'number');
  assert.equal(server.listening, false, 'the socket is handed over in a microtask, after the caller\'s code');
  // Another process connects while this one is blocked (as a runtime might while the runner still spawns it): the
  // connection waits in the backlog. A socket that was only bound would refuse it.
  const early = spawnSync(process.execPath, ['-e', `require('net').connect(${port}, '127.0.0.1')
    .on('connect', () => process.exit(0)).on('error', (error) => { console.error(error.code); process.exit(3); })`], { encoding: 'utf8' });
  assert.equal(early.status, 0, early.stderr);
  await Promise.resolve();
  assert.equal(server.listening, true);
  assert.deepEqual(server.address(), { address: '127.0.0.1', family: 'IPv4', port });
  assert.equal(await fetchHello(port), 'hello');
  assert.equal(server.connections, 2, 'the early connection came out of the backlog too');
});

test('leaves a port that is closed with the server', async () => {
  const server = helloServer();
  const port = listenNow('127.0.0.1', (handle) => server.listen(handle));
  await Promise.resolve();
  await new Promise((resolve) => server.close(resolve));
  await assert.rejects(fetchHello(port), { code: 'ECONNREFUSED' });
});

test('declines where the ordinary listen must answer: another address family, an address not on this machine, --pending-deprecation', async () => {
  const server = helloServer();
  assert.equal(listenNow('::1', (handle) => server.listen(handle)), undefined);
  assert.equal(listenNow('localhost', (handle) => server.listen(handle)), undefined);
  // TEST-NET-1 (RFC 5737) is no address of this machine: bind fails, and the handle is closed again.
  assert.equal(listenNow('192.0.2.1', (handle) => server.listen(handle)), undefined);
  const saved = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${saved ?? ''} --pending-deprecation`;
  try {
    assert.equal(listenNow('127.0.0.1', (handle) => server.listen(handle)), undefined);
  } finally {
    if (saved === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved;
  }
  await Promise.resolve();
  assert.equal(server.listening, false);
});

test('a Runtime API server closed before it took its socket over closes the socket', async () => {
  const server = new Http1Server(() => undefined);
  const port = server.listenNow('127.0.0.1');
  assert.equal(typeof port, 'number');
  server.close();
  await Promise.resolve();
  const outcome = await new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1').on('connect', () => {
      socket.destroy();
      resolve('connected');
    }).on('error', (error) => resolve(error.code));
  });
  assert.equal(outcome, 'ECONNREFUSED');
  server.close();
});
