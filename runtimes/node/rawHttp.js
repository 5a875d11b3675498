'use strict';
// One kept-alive HTTP/1.1 connection to the Runtime API over a bare socket. node:http's client costs more than a
// whole warm invoke may take (about 0.4 ms), so the few exchanges of the Runtime API are written and parsed here:
// a request with a Content-Length body, and a response with a Content-Length or chunked body. Requests may be
// pipelined: answers come back in the order the requests went out.

const { openConnection } = require('./loopbackSocket.js');

const CRLFCRLF = Buffer.from('\r\n\r\n');

class RawHttpClient {
  constructor(hostname, port) {
    this.hostname = hostname;
    this.port = port;
    this.socket = undefined;
    this.buffer = Buffer.alloc(0);
    /** Requests sent and not yet answered, oldest first. */
    this.pending = [];
    /** While a batch is being made: the buffers to send in its one write. */
    this.batched = undefined;
  }

  /** Resolves with `{ status, headers, body }` (header names in lower case, body a Buffer). */
  request(method, path, headers, body) {
    return new Promise((resolve, reject) => {
      const socket = this.connect();
      // Held only while a request is out: an idle connection must not keep the event loop alive, or callback
      // handlers would never see it empty.
      socket.ref();
      this.pending.push({ resolve, reject });
      const bytes = body === undefined ? undefined : Buffer.from(body, 'utf8');
      let head = `${method} ${path} HTTP/1.1\r\nHost: ${this.hostname}:${this.port}\r\n`;
      for (const name of Object.keys(headers)) head += `${name}: ${headers[name]}\r\n`;
      head += `Content-Length: ${bytes ? bytes.length : 0}\r\n\r\n`;
      const buffers = bytes && bytes.length ? [Buffer.from(head, 'latin1'), bytes] : [Buffer.from(head, 'latin1')];
      if (this.batched) this.batched.push(...buffers);
      else socket.write(buffers);
    });
  }

  /** Sends the requests `send` makes in one write. */
  batch(send) {
    const socket = this.connect();
    this.batched = [];
    try {
      send();
    } finally {
      const buffers = this.batched;
      this.batched = undefined;
      if (buffers.length) socket.write(buffers);
    }
  }

  connect() {
    if (this.socket && !this.socket.destroyed) return this.socket;
    this.buffer = Buffer.alloc(0);
    const socket = openConnection(this.hostname, this.port, {
      onData: (data) => {
        this.buffer = this.buffer.length ? Buffer.concat([this.buffer, data]) : data;
        this.parse();
      },
      onClose: (error) => {
        if (this.socket !== socket) return;
        this.socket = undefined;
        const pending = this.pending;
        this.pending = [];
        for (const request of pending) request.reject(error || new Error('The Runtime API closed the connection'));
      },
    });
    this.socket = socket;
    return socket;
  }

  parse() {
    while (this.pending.length > 0 && this.parseOne());
  }

  /** Settles the oldest pending request if its whole answer is in; returns whether it did. */
  parseOne() {
    const end = this.buffer.indexOf(CRLFCRLF);
    if (end === -1) return false;
    // Read in place (no arrays of lines and words), header names lowered once each: two answers per warm invoke.
    const head = this.buffer.toString('latin1', 0, end);
    const lineEnd = endOfLine(head, 0);
    const space = head.indexOf(' ');
    const space2 = head.indexOf(' ', space + 1);
    const status = parseInt(head.slice(space + 1, space2 === -1 || space2 > lineEnd ? lineEnd : space2), 10);
    const headers = {};
    for (let at = lineEnd + 2; at < head.length;) {
      const eol = endOfLine(head, at);
      const colon = head.indexOf(':', at);
      if (colon > at && colon < eol) headers[lowerName(head.slice(at, colon))] = head.slice(colon + 1, eol).trim();
      at = eol + 2;
    }
    let body;
    let rest;
    if ((headers['transfer-encoding'] || '').toLowerCase().includes('chunked')) {
      const decoded = decodeChunked(this.buffer, end + 4);
      if (!decoded) return false;
      body = decoded.body;
      rest = decoded.rest;
    } else {
      const length = parseInt(headers['content-length'] || '0', 10);
      if (this.buffer.length < end + 4 + length) return false;
      body = this.buffer.subarray(end + 4, end + 4 + length);
      rest = end + 4 + length;
    }
    this.buffer = this.buffer.subarray(rest);
    const pending = this.pending.shift();
    if ((headers.connection || '').toLowerCase() === 'close') this.socket?.destroy();
    else if (this.pending.length === 0) this.socket?.unref();
    pending.resolve({ status, headers, body });
    return true;
  }
}

/** Where the line starting at `from` ends (its CRLF, or the end of a head whose last line has none). */
function endOfLine(head, from) {
  const found = head.indexOf('\r\n', from);
  return found === -1 ? head.length : found;
}

/** Header names as keys: trimmed and lower-cased, remembered for the few names the Runtime API sends. */
const lowerNames = new Map();
function lowerName(name) {
  let lower = lowerNames.get(name);
  if (lower === undefined) {
    lower = name.trim().toLowerCase();
    if (lowerNames.size < 64) lowerNames.set(name, lower);
  }
  return lower;
}

/** A whole chunked body from `start`, or undefined while it is incomplete. */
function decodeChunked(buffer, start) {
  const parts = [];
  let at = start;
  for (;;) {
    const eol = buffer.indexOf('\r\n', at);
    if (eol === -1) return undefined;
    const size = parseInt(buffer.subarray(at, eol).toString('latin1'), 16);
    if (size === 0) {
      const trailerEnd = buffer.indexOf('\r\n', eol + 2);
      if (trailerEnd === -1) return undefined;
      return { body: Buffer.concat(parts), rest: trailerEnd + 2 };
    }
    if (buffer.length < eol + 2 + size + 2) return undefined;
    parts.push(buffer.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

module.exports = { RawHttpClient };
