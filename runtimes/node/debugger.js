'use strict';
// Debug environments only (the runner sets _LAMBDA_WORKBENCH_DEBUG; Lambda has nothing like it). Opens the inspector,
// tells the runner where it listens, and waits for a debugger before the handler module loads, so breakpoints in
// module-level code bind. The runner reports on a private pipe (fd in the settings) and, while a debugger holds the
// process, hands this module the paused total through the inspector (src/runner/inspectorWatcher.ts), so that
// context.getRemainingTimeInMillis() leaves paused time out as the runner's timeout does.

const fs = require('fs');

const CLOCK_HOOK = Symbol.for('lambda-workbench.debugClock');
const WATCHER_HOOK = Symbol.for('lambda-workbench.watcherReady');
/** The runner's session connects within milliseconds; should it never come, the function runs all the same. */
const WATCHER_WAIT_MS = 10_000;
const clock = { requestId: '', pausedMs: 0, pausedSince: 0 };

function report(fd, message) {
  try {
    fs.writeSync(fd, `${JSON.stringify(message)}\n`);
  } catch {
    // the runner is gone; it will end this process too
  }
}

/**
 * Opens the inspector and waits for a debugger; resolves once the runner's own inspector session (which stops the
 * platform clock while a debugger holds the process) is in place too. The runner announces the port as soon as the
 * inspector listens and connects that session meanwhile, so the editor's debugger need not wait for it.
 * @param {string} settingsText `{"host", "port", "fd"}` from the runner
 */
function waitForDebugger(settingsText) {
  const { host, port, fd } = JSON.parse(settingsText);
  const inspector = inspectorApi();
  const sockets = socketDescriptors();
  inspector.open(port, host);
  const url = inspector.url();
  if (!url) {
    report(fd, { event: 'error', message: `the Node.js inspector cannot listen on ${host}:${port} (is the port in use?) — choose another port` });
    process.exit(1);
  }
  noDelay(sockets);
  Object.defineProperty(globalThis, CLOCK_HOOK, { value: setClock });
  let watcherReady;
  const watching = new Promise((resolve) => (watcherReady = resolve));
  // Also keeps the event loop alive meanwhile: with nothing else to do, Node would head for its exit (and wait there
  // for the debugger to disconnect) instead of running the runner's call.
  const giveUp = setTimeout(() => watcherReady(), WATCHER_WAIT_MS);
  Object.defineProperty(globalThis, WATCHER_HOOK, {
    value: () => {
      clearTimeout(giveUp);
      watcherReady();
    },
  });
  report(fd, { event: 'listening', port: Number(new URL(url).port), url, debugger: `Node.js ${process.version} inspector` });
  // Returns once a debugger has sent Runtime.runIfWaitingForDebugger (VS Code's JavaScript debugger does on attach).
  inspector.waitForDebugger();
  return watching.then(() => {
    report(fd, { event: 'attached' });
    fs.closeSync(fd);
  });
}

/**
 * The three calls of Node's inspector used here, from its binding: `require('inspector')` loads worker_threads and all
 * of `stream` with it, ~11 ms of every debug start under Lambda's node options (which keep Node's own modules from
 * their code cache). Where the binding is not what this file expects (another Node, or --pending-deprecation, under
 * which process.binding warns), the module it is.
 */
function inspectorApi() {
  try {
    const binding = require('./loopbackSocket.js').processBinding('inspector');
    if (binding && ['open', 'url', 'waitForDebugger'].every((name) => typeof binding[name] === 'function')) {
      return {
        open: (port, host) => binding.open(port, host),
        url: () => binding.url(),
        waitForDebugger: () => binding.waitForDebugger(),
      };
    }
  } catch {
    // not here: the module it is
  }
  const inspector = require('inspector');
  return {
    open: (port, host) => inspector.open(port, host, false),
    url: () => inspector.url(),
    waitForDebugger: () => inspector.waitForDebugger(),
  };
}

/** Held for the life of the process: released, a handle would close the inspector's listening socket. */
const nagleOff = [];

/**
 * Node's inspector leaves Nagle's algorithm on for its connections: a reply that follows an event (Runtime.enable,
 * Debugger.enable, Debugger.resume, an evaluation that logs) waits for the debugger's delayed ACK, about 40 ms, again
 * and again while a debugger attaches and steps. On Linux a connection inherits TCP_NODELAY from the listening socket,
 * so it is set there — on the socket inspector.open() created — through a handle of its own that never reads, writes or
 * closes: libuv's TCP handle where the runtime uses those (loopbackSocket.js), else a net.Socket (`net` costs ~5 ms
 * to load here). Elsewhere (no /proc) the debugger is only slower.
 * @param {Map<string, string>} before this process's sockets before the inspector opened
 */
function noDelay(before) {
  try {
    for (const [fd, socket] of socketDescriptors()) {
      if (before.get(fd) === socket) continue;
      nagleOff.push(noDelayHandle(Number(fd)));
    }
  } catch {
    // no TCP_NODELAY: the debugger is only slower
  }
}

function noDelayHandle(fd) {
  const bindings = require('./loopbackSocket.js').handleBindings();
  if (bindings && typeof bindings.tcp.TCP.prototype.open === 'function' && typeof bindings.tcp.TCP.prototype.setNoDelay === 'function') {
    const handle = new bindings.tcp.TCP(bindings.tcp.constants.SOCKET);
    if (handle.open(fd) === 0) {
      handle.setNoDelay(true);
      handle.unref();
      return handle;
    }
    handle.close(); // it never took the socket: net tries
  }
  const socket = new (require('net').Socket)({ fd, readable: false, writable: false });
  socket.setNoDelay(true);
  socket.unref();
  return socket;
}

/** This process's socket descriptors, each with its socket's identity (`socket:[inode]`); none without /proc. */
function socketDescriptors() {
  const sockets = new Map();
  let names;
  try {
    names = fs.readdirSync('/proc/self/fd');
  } catch {
    return sockets;
  }
  for (const name of names) {
    try {
      const link = fs.readlinkSync(`/proc/self/fd/${name}`);
      if (link.startsWith('socket:')) sockets.set(name, link);
    } catch {
      // closed meanwhile (the listing's own descriptor)
    }
  }
  return sockets;
}

/** Called by the runner through the inspector on each pause and resume of invoke `requestId`. */
function setClock(requestId, pausedMs, pausedSince) {
  clock.requestId = requestId;
  clock.pausedMs = pausedMs;
  clock.pausedSince = pausedSince;
}

/** Milliseconds a debugger has held invoke `requestId` so far; always 0 outside a debug environment. */
function pausedMs(requestId) {
  if (clock.requestId !== requestId) return 0;
  // A resume the runner has not reported yet ended just now: the process is running this very line.
  return clock.pausedMs + (clock.pausedSince ? Math.max(0, Date.now() - clock.pausedSince) : 0);
}

module.exports = { waitForDebugger, pausedMs };
