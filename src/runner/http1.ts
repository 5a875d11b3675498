// A small HTTP/1.1 server for the Runtime API. Node's `http` module costs more than a whole warm invoke may take
// (0.4 ms), so the runner parses the few request shapes a runtime sends itself: Content-Length and chunked bodies
// (with trailers, for streamed responses), `Expect: 100-continue` (curl), keep-alive and `Connection: close`.
import type net from 'node:net';
import { netModule } from './lazyNode';
import { listenNow } from './listenNow';

export interface IncomingRequest {
  method: string;
  /** The request target, e.g. `/2018-06-01/runtime/invocation/next`. */
  url: string;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Called with each piece of the body as it arrives. */
  onData: ((chunk: Buffer) => void) | undefined;
  /** Called once the body is complete, with the trailers of a chunked body. */
  onEnd: ((trailers: Record<string, string>) => void) | undefined;
  /** Called if the connection ends before the body does. */
  onAbort: (() => void) | undefined;
}

export interface Reply {
  readonly closed: boolean;
  send(status: number, headers: Record<string, string>, body: Buffer | string): void;
}

const REASONS: Record<number, string> = {
  200: 'OK', 202: 'Accepted', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 413: 'Request Entity Too Large',
  431: 'Request Header Fields Too Large', 500: 'Internal Server Error',
};

const MAX_HEAD_BYTES = 1024 * 1024;
const CRLFCRLF = Buffer.from('\r\n\r\n');

type BodyState =
  | { kind: 'length'; remaining: number }
  | { kind: 'chunkSize' }
  | { kind: 'chunkData'; remaining: number }
  | { kind: 'chunkDataEnd' }
  | { kind: 'trailers' };

/** One connection: parses requests in sequence and hands each to `onRequest` as soon as its head is read. */
class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private request: IncomingRequest | undefined;
  private body: BodyState | undefined;
  private keepAlive = true;
  private closed = false;
  /**
   * Replies held back because another request was already pipelined behind theirs: they go out with the next
   * reply, in one write. The Node runtime pipelines GET /next behind its response; the 202 then travels with the
   * next event instead of waking the runtime just before it is frozen.
   */
  private held: Buffer[] = [];
  private parsing = false;

  constructor(
    private readonly socket: net.Socket,
    private readonly onRequest: (request: IncomingRequest, reply: Reply) => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (data: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, data]) : data;
      this.parse();
    });
    const end = () => {
      if (this.closed) return;
      this.closed = true;
      if (this.request) this.request.onAbort?.();
      this.request = undefined;
    };
    socket.on('close', end);
    socket.on('error', () => socket.destroy());
  }

  private parse(): void {
    this.parsing = true;
    try {
      while (!this.closed) {
        if (!this.request) {
          const end = this.buffer.indexOf(CRLFCRLF);
          if (end === -1) {
            if (this.buffer.length > MAX_HEAD_BYTES) this.fail(431);
            return;
          }
          const head = this.buffer.subarray(0, end).toString('latin1');
          this.buffer = this.buffer.subarray(end + 4);
          if (!this.startRequest(head)) return;
          continue;
        }
        if (!this.parseBody()) return;
      }
    } finally {
      this.parsing = false;
    }
  }

  /** Parses a request head; returns false when the connection was failed. */
  private startRequest(head: string): boolean {
    // Read in place with indexOf (no arrays of lines and words): two heads per warm invoke, ~1.5 µs less each.
    const lineEnd = endOfLine(head, 0);
    const space1 = head.indexOf(' ');
    const space2 = space1 === -1 ? -1 : head.indexOf(' ', space1 + 1);
    if (space1 <= 0 || space2 === -1 || space2 >= lineEnd - 1 || space2 === space1 + 1) return this.fail(400);
    const space3 = head.indexOf(' ', space2 + 1);
    const method = head.slice(0, space1);
    const url = head.slice(space1 + 1, space2);
    const version = head.slice(space2 + 1, space3 === -1 || space3 > lineEnd ? lineEnd : space3);
    if (!version.startsWith('HTTP/1.')) return this.fail(400);
    const headers: Record<string, string> = {};
    for (let at = lineEnd + 2; at < head.length;) {
      const end = endOfLine(head, at);
      const colon = head.indexOf(':', at);
      if (colon > at && colon < end) {
        const name = head.slice(at, colon).trim().toLowerCase();
        const value = head.slice(colon + 1, end).trim();
        headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
      }
      at = end + 2;
    }
    const connection = headers.connection?.toLowerCase();
    this.keepAlive = version === 'HTTP/1.1' ? connection !== 'close' : connection === 'keep-alive';
    const request: IncomingRequest = { method, url, headers, onData: undefined, onEnd: undefined, onAbort: undefined };
    if (headers['transfer-encoding']?.toLowerCase().includes('chunked')) this.body = { kind: 'chunkSize' };
    else {
      const length = Number(headers['content-length'] ?? 0);
      if (!Number.isSafeInteger(length) || length < 0) return this.fail(400);
      this.body = { kind: 'length', remaining: length };
    }
    this.request = request;
    if (headers.expect?.toLowerCase() === '100-continue') this.socket.write(Buffer.concat([...this.held.splice(0), Buffer.from('HTTP/1.1 100 Continue\r\n\r\n')]));
    this.onRequest(request, this.replyFor());
    return true;
  }

  /** Consumes body bytes; returns true when the request is complete and parsing may go on. */
  private parseBody(): boolean {
    const request = this.request!;
    for (;;) {
      const state = this.body!;
      switch (state.kind) {
        case 'length': {
          if (state.remaining === 0) return this.finish({});
          if (this.buffer.length === 0) return false;
          const piece = this.buffer.subarray(0, state.remaining);
          this.buffer = this.buffer.subarray(piece.length);
          state.remaining -= piece.length;
          request.onData?.(piece);
          continue;
        }
        case 'chunkSize': {
          const eol = this.buffer.indexOf('\r\n');
          if (eol === -1) return false;
          const size = parseInt(this.buffer.subarray(0, eol).toString('latin1').split(';')[0], 16);
          this.buffer = this.buffer.subarray(eol + 2);
          if (Number.isNaN(size)) return this.fail(400);
          this.body = size === 0 ? { kind: 'trailers' } : { kind: 'chunkData', remaining: size };
          continue;
        }
        case 'chunkData': {
          if (this.buffer.length === 0) return false;
          const piece = this.buffer.subarray(0, state.remaining);
          this.buffer = this.buffer.subarray(piece.length);
          state.remaining -= piece.length;
          request.onData?.(piece);
          if (state.remaining === 0) this.body = { kind: 'chunkDataEnd' };
          continue;
        }
        case 'chunkDataEnd': {
          if (this.buffer.length < 2) return false;
          this.buffer = this.buffer.subarray(2);
          this.body = { kind: 'chunkSize' };
          continue;
        }
        case 'trailers': {
          // Trailers end with an empty line; with none, the empty line comes at once.
          if (this.buffer.subarray(0, 2).toString('latin1') === '\r\n') {
            this.buffer = this.buffer.subarray(2);
            return this.finish({});
          }
          const end = this.buffer.indexOf(CRLFCRLF);
          if (end === -1) return false;
          const trailers: Record<string, string> = {};
          for (const line of this.buffer.subarray(0, end).toString('latin1').split('\r\n')) {
            const colon = line.indexOf(':');
            if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
          }
          this.buffer = this.buffer.subarray(end + 4);
          return this.finish(trailers);
        }
      }
    }
  }

  private finish(trailers: Record<string, string>): boolean {
    const request = this.request!;
    this.request = undefined;
    this.body = undefined;
    request.onEnd?.(trailers);
    return true;
  }

  private replyFor(): Reply {
    return new ConnectionReply(this, this.keepAlive);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Writes a reply (after any held ones), or holds it while another request is pipelined behind its own. */
  write(bytes: Buffer, keepAlive: boolean): void {
    if (keepAlive && this.parsing && this.buffer.indexOf(CRLFCRLF) !== -1) {
      this.held.push(bytes);
      return;
    }
    this.socket.write(this.held.length ? Buffer.concat([...this.held.splice(0), bytes]) : bytes);
    if (!keepAlive) this.socket.end();
  }

  private fail(status: number): false {
    if (this.held.length) this.socket.write(Buffer.concat(this.held.splice(0)));
    this.socket.end(`HTTP/1.1 ${status} ${REASONS[status]}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    this.closed = true;
    return false;
  }
}

/**
 * The one reply a request gets. A class, not an object literal with a getter: made by the million, such literals left
 * ten times more of the young generation alive at each scavenge than the replies themselves (measured on this server
 * alone: 6% of what was allocated against 0.6%), and a scavenge takes as long as what survives it.
 */
class ConnectionReply implements Reply {
  private sent = false;

  constructor(private readonly connection: Connection, private readonly keepAlive: boolean) {}

  get closed(): boolean {
    return this.sent || this.connection.isClosed;
  }

  send(status: number, headers: Record<string, string>, body: Buffer | string): void {
    if (this.closed) return;
    this.sent = true;
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    let head = `HTTP/1.1 ${status} ${REASONS[status] ?? 'Unknown'}\r\n`;
    for (const name in headers) head += `${name}: ${headers[name]}\r\n`;
    head += `Content-Length: ${bytes.length}\r\n`;
    if (!this.keepAlive) head += 'Connection: close\r\n';
    head += '\r\n';
    // One write, one syscall: head and body together.
    this.connection.write(bytes.length ? Buffer.concat([Buffer.from(head, 'latin1'), bytes]) : Buffer.from(head, 'latin1'), this.keepAlive);
  }
}

export class Http1Server {
  // Made when it listens: node:net loads then (see listenNow.ts).
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private closed = false;

  constructor(private readonly onRequest: (request: IncomingRequest, reply: Reply) => void) {}

  private netServer(): net.Server {
    this.server ??= netModule().createServer((socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
      new Connection(socket, this.onRequest);
    });
    return this.server;
  }

  /** Listens on `host` (an IP address) at an ephemeral port there and then, where Node allows; see listenNow.ts. */
  listenNow(host: string): number | undefined {
    // Closed before the server took the socket: the socket goes without it.
    return listenNow(host, (handle) => (this.closed ? handle.close() : this.netServer().listen(handle as unknown as net.ListenOptions)));
  }

  /** Listens on `host` at an ephemeral port and resolves with the port. */
  listen(host: string): Promise<number> {
    const server = this.netServer();
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => resolve((server.address() as net.AddressInfo).port));
    });
  }

  close(): void {
    this.closed = true;
    for (const socket of this.sockets) socket.destroy();
    this.server?.close();
  }
}

/** Where the line starting at `from` ends (its CRLF, or the end of a head whose last line has none). */
function endOfLine(head: string, from: number): number {
  const found = head.indexOf('\r\n', from);
  return found === -1 ? head.length : found;
}
