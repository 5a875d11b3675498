'use strict';
// The TCP connection to the Runtime API, on the libuv handles Node's own `net` is built on. Loading `net` loads all
// of `stream` with it (some twenty internal modules); under Lambda's node options (any V8 flag) Node compiles those
// without their code cache: about 12 ms of every cold start, for a client that needs connect, write and read.
// Lambda's own runtime client is native code and loads none of them either. Where the handles are not what this
// file expects (another Node, the permission model, an address that is not IPv4), `net` carries the connection.

const util = require('util');

/**
 * Opens a connection to `host:port`. `events.onData(buffer)` gets what arrives; `events.onClose(error?)` is called
 * when the connection ends (possibly more than once). Returns `{ write(buffers), ref(), unref(), destroy(), destroyed }`.
 */
function openConnection(host, port, events) {
  const bindings = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) ? handleBindings() : undefined;
  return bindings ? new HandleConnection(bindings, host, port, events) : netConnection(host, port, events);
}

/**
 * One of Node's bindings (`process.binding(name)`), or undefined where there is none or where it would warn: under
 * --pending-deprecation the user asked to see such warnings, not ours. Throws what process.binding throws.
 */
function processBinding(name) {
  const options = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS || ''}`;
  if (typeof process.binding !== 'function' || options.includes('--pending-deprecation')) return undefined;
  return process.binding(name);
}

let cachedBindings;
function handleBindings() {
  if (cachedBindings !== undefined) return cachedBindings || undefined;
  cachedBindings = false;
  try {
    const tcp = processBinding('tcp_wrap');
    if (!tcp) return undefined;
    const stream = processBinding('stream_wrap');
    const fit = typeof tcp.TCP === 'function' && typeof tcp.TCPConnectWrap === 'function' && tcp.constants && tcp.constants.SOCKET !== undefined
      && typeof stream.WriteWrap === 'function' && stream.streamBaseState instanceof Int32Array
      && typeof stream.kReadBytesOrError === 'number' && typeof stream.kArrayBufferOffset === 'number'
      && typeof tcp.TCP.prototype.writev === 'function' && typeof tcp.TCP.prototype.readStart === 'function';
    if (fit) cachedBindings = { tcp, stream };
  } catch {
    // not available here: net it is
  }
  return cachedBindings || undefined;
}

function systemError(status, syscall, host, port) {
  const code = util.getSystemErrorName(status);
  const error = new Error(`${syscall} ${code} ${host}:${port}`);
  error.code = code;
  error.errno = status;
  error.syscall = syscall;
  return error;
}

class HandleConnection {
  constructor(bindings, host, port, events) {
    this.bindings = bindings;
    this.events = events;
    this.host = host;
    this.port = port;
    this.destroyed = false;
    this.connected = false;
    /** Buffers written before the connection was up, sent together once it is. */
    this.waiting = [];
    const handle = new bindings.tcp.TCP(bindings.tcp.constants.SOCKET);
    this.handle = handle;
    handle.onread = (arrayBuffer) => this.onRead(arrayBuffer);
    const request = new bindings.tcp.TCPConnectWrap();
    request.oncomplete = (status) => this.onConnect(status);
    request.address = host;
    request.port = port;
    const status = handle.connect(request, host, port);
    if (status < 0) process.nextTick(() => this.fail(systemError(status, 'connect', host, port)));
  }

  onConnect(status) {
    if (this.destroyed) return;
    if (status < 0) return this.fail(systemError(status, 'connect', this.host, this.port));
    this.handle.setNoDelay(true);
    const reading = this.handle.readStart();
    if (reading < 0) return this.fail(systemError(reading, 'read', this.host, this.port));
    this.connected = true;
    const waiting = this.waiting;
    this.waiting = [];
    if (waiting.length) this.write(waiting);
    return undefined;
  }

  onRead(arrayBuffer) {
    const { streamBaseState, kReadBytesOrError, kArrayBufferOffset } = this.bindings.stream;
    const nread = streamBaseState[kReadBytesOrError];
    if (nread > 0) {
      this.events.onData(Buffer.from(arrayBuffer, streamBaseState[kArrayBufferOffset], nread));
    } else if (nread < 0) {
      this.fail(util.getSystemErrorName(nread) === 'EOF' ? undefined : systemError(nread, 'read', this.host, this.port));
    }
  }

  /** Sends `buffers` in one write (one TCP segment when they fit). */
  write(buffers) {
    if (this.destroyed) return;
    if (!this.connected) {
      this.waiting.push(...buffers);
      return;
    }
    const request = new this.bindings.stream.WriteWrap();
    request.handle = this.handle;
    request.oncomplete = (status) => {
      if (status < 0) this.fail(systemError(status, 'write', this.host, this.port));
    };
    request.async = false;
    // Kept with the request: libuv reads them until the write completes.
    request.buffers = buffers;
    const status = buffers.length === 1 ? this.handle.writeBuffer(request, buffers[0]) : this.handle.writev(request, buffers, true);
    if (status < 0) this.fail(systemError(status, 'write', this.host, this.port));
  }

  ref() {
    if (!this.destroyed) this.handle.ref();
  }

  unref() {
    if (!this.destroyed) this.handle.unref();
  }

  destroy() {
    this.fail(undefined);
  }

  fail(error) {
    if (this.destroyed) return;
    this.destroyed = true;
    this.handle.onread = () => undefined;
    this.handle.close();
    this.events.onClose(error);
  }
}

function netConnection(host, port, events) {
  const socket = require('net').connect(port, host);
  socket.setNoDelay(true);
  socket.on('data', (data) => events.onData(data));
  socket.on('error', (error) => events.onClose(error));
  socket.on('close', () => events.onClose(undefined));
  return {
    write(buffers) {
      socket.cork();
      for (const buffer of buffers) socket.write(buffer);
      socket.uncork();
    },
    ref: () => socket.ref(),
    unref: () => socket.unref(),
    destroy: () => socket.destroy(),
    get destroyed() {
      return socket.destroyed;
    },
  };
}

module.exports = { openConnection, handleBindings, processBinding };
