'use strict';
// The writable a streaming handler writes to: an HTTP/1.1 chunked POST to /response in streaming mode, whose
// trailers carry an error that happens once the body has started. Spec: lambda-spec.md §1.6.

const { InvalidStreamingOperation, message, toRapidResponse } = require('./errors.js');

const STATUS_READY = 'ready';
const STATUS_WRITE_CALLED = 'write_called';
const ERROR_TYPE_TRAILER = 'Lambda-Runtime-Function-Error-Type';
const ERROR_BODY_TRAILER = 'Lambda-Runtime-Function-Error-Body';

// How the runtime fails a stream it handed out, without giving the handler a way to do it.
const failers = new WeakMap();

/** Ends `stream` with `error` in its trailers, then calls `callback`. */
function tryCallFail(stream, error, callback) {
  const fail = failers.get(stream);
  if (typeof fail !== 'function') return false;
  fail(error, callback);
  return true;
}

/**
 * @returns {{ request: object, responseDone: Promise<Buffer | undefined> }} the handler's stream, and the API's
 * reply, which arrives once the stream has ended.
 */
function createResponseStream({ http, agent, hostname, port, path, highWaterMark, node24 }) {
  let status = STATUS_READY;
  if (typeof highWaterMark === 'number') {
    // The socket's buffer size is how much a handler may write before write() asks it to wait.
    agent.createConnection = (options, listener) => require('net').createConnection({ ...options, highWaterMark }, listener);
  }

  let resolveDone;
  let rejectDone;
  const responseDone = new Promise((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  responseDone.catch(() => {}); // only the runtime's own await decides whether a broken stream matters

  const headers = {
    'Lambda-Runtime-Function-Response-Mode': 'streaming',
    'Transfer-Encoding': 'chunked',
    Trailer: `${ERROR_TYPE_TRAILER}, ${ERROR_BODY_TRAILER}`,
    'Content-Type': 'application/octet-stream',
  };
  const req = http.request({ method: 'POST', hostname, port, path, headers, agent }, (res) => {
    let body;
    res.on('data', (chunk) => (body = body === undefined ? chunk : Buffer.concat([body, chunk])));
    res.on('aborted', (error) => {
      rejectDone(error);
      req.destroy(error);
    });
    res.on('end', () => resolveDone(body));
  });
  req.on('error', (error) => {
    rejectDone(error);
    req.destroy(error);
  });

  req.setContentType = (contentType) => {
    if (status !== STATUS_READY) throw new InvalidStreamingOperation(message('Runtime.InvalidStreamingOperation'));
    req.setHeader('Content-Type', contentType);
  };

  const originalWrite = req.write.bind(req);
  req.write = (chunk, encoding, callback) => {
    const data = typeof chunk === 'string' || chunk instanceof Uint8Array ? chunk : JSON.stringify(chunk);
    if (status === STATUS_READY && typeof req._onBeforeFirstWrite === 'function') {
      req._onBeforeFirstWrite((prefix) => originalWrite(prefix));
    }
    const result = originalWrite(data, encoding, callback);
    status = STATUS_WRITE_CALLED;
    return result;
  };

  const stream = writableOnly(req);
  failers.set(stream, (error, callback) => {
    const response = toRapidResponse(error, node24);
    req.addTrailers({
      [ERROR_TYPE_TRAILER]: response.errorType,
      [ERROR_BODY_TRAILER]: Buffer.from(JSON.stringify(response)).toString('base64'),
    });
    req.end(callback);
  });
  return { request: stream, responseDone };
}

const METHODS = [
  'cork', 'destroy', 'end', 'uncork', 'write',
  'addListener', 'emit', 'eventNames', 'getMaxListeners', 'listenerCount', 'listeners', 'off', 'on', 'once',
  'prependListener', 'prependOnceListener', 'rawListeners', 'removeAllListeners', 'removeListener', 'setMaxListeners',
  'setContentType',
];
const READ_WRITE = ['destroyed', 'writable', '_onBeforeFirstWrite'];
const READ_ONLY = [
  'writableFinished', 'writableObjectMode', 'writableBuffer', 'writableEnded', 'writableNeedDrain',
  'writableHighWaterMark', 'writableCorked', 'writableLength',
];

/** The handler sees a Writable's surface only, not the request (no headers, no socket). */
function writableOnly(inner) {
  const stream = {};
  for (const name of METHODS) stream[name] = inner[name].bind(inner);
  for (const name of READ_WRITE) {
    Object.defineProperty(stream, name, {
      get: () => inner[name],
      set: (value) => {
        inner[name] = value;
      },
      enumerable: true,
    });
  }
  for (const name of READ_ONLY) Object.defineProperty(stream, name, { get: () => inner[name], enumerable: true });
  return stream;
}

module.exports = { createResponseStream, tryCallFail };
