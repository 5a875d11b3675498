// The HTTP side of one environment's Runtime API: routing, body limits, streaming, and the API's own error
// documents. What each call means for the invocation is decided by the ApiHandler (the environment).
import { Http1Server, type IncomingRequest, type Reply } from './http1';
import { apiError, type ApiErrorType, MAX_RESPONSE_BYTES, MAX_STREAMED_BYTES, Paths, RuntimeHeader } from './runtimeApi';

export interface ApiReply {
  status: number;
  body: string;
}

export const accepted: ApiReply = { status: 202, body: '{"status":"OK"}' };
export const reject = (type: ApiErrorType, vars?: Record<string, string>): ApiReply => apiError(type, vars);

/** A streamed response as it arrives. */
export interface ResponseStream {
  contentType: string;
  onChunk(listener: (chunk: Buffer) => void): void;
  /** Resolves with the trailers when the runtime ends the request; rejects if it breaks off. */
  done: Promise<Record<string, string | undefined>>;
}

export interface ApiHandler {
  /** GET /next: hold `res` until there is an event. */
  next(reply: Reply): void;
  /** POST /{id}/response, buffered. `tooLarge` when the body went over 6,291,556 bytes (only its size is known). */
  response(requestId: string, body: Buffer, contentType: string, tooLarge: boolean): ApiReply;
  /** POST /{id}/response with `Lambda-Runtime-Function-Response-Mode: streaming`: the reply is sent when the stream ends. */
  streamStart(requestId: string, stream: ResponseStream): ApiReply | undefined;
  /** A response mode header other than `streaming`. */
  invalidResponseMode(requestId: string): ApiReply;
  error(requestId: string, body: Buffer, errorType: string | undefined, contentType: string): ApiReply;
  initError(body: Buffer, errorType: string | undefined): ApiReply;
}

export class RuntimeApiServer {
  private readonly server: Http1Server;

  constructor(private readonly handler: ApiHandler) {
    this.server = new Http1Server((req, reply) => this.route(req, reply));
  }

  /** `host:port` for AWS_LAMBDA_RUNTIME_API, listening on 127.0.0.1 at once; undefined where only listen() can. */
  listenNow(): string | undefined {
    const port = this.server.listenNow('127.0.0.1');
    return port === undefined ? undefined : `127.0.0.1:${port}`;
  }

  /** Listens on 127.0.0.1 at an ephemeral port; resolves with `host:port` for AWS_LAMBDA_RUNTIME_API. */
  async listen(): Promise<string> {
    return `127.0.0.1:${await this.server.listen('127.0.0.1')}`;
  }

  close(): void {
    this.server.close();
  }

  private route(req: IncomingRequest, reply: Reply): void {
    const url = req.url;
    if (req.method === 'GET' && url === Paths.next) return this.handler.next(reply);
    if (req.method === 'POST' && url === Paths.initError) {
      return readBody(req, MAX_RESPONSE_BYTES, ({ body }) => send(reply, this.handler.initError(body, req.headers[RuntimeHeader.errorType])));
    }
    if (req.method === 'POST' && url.startsWith(Paths.invocationPrefix)) {
      const rest = url.slice(Paths.invocationPrefix.length);
      const slash = rest.lastIndexOf('/');
      const requestId = decodeURIComponent(rest.slice(0, slash));
      const action = rest.slice(slash + 1);
      if (action === 'response') return this.routeResponse(requestId, req, reply);
      if (action === 'error') {
        return readBody(req, MAX_RESPONSE_BYTES, ({ body }) =>
          send(reply, this.handler.error(requestId, body, req.headers[RuntimeHeader.errorType], contentTypeOf(req))),
        );
      }
    }
    // Unknown routes (including SnapStart's restore endpoints, not enabled here) answer as the RIE's router does.
    reply.send(404, { 'Content-Type': 'text/plain; charset=utf-8' }, '404 page not found\n');
  }

  private routeResponse(requestId: string, req: IncomingRequest, reply: Reply): void {
    const mode = req.headers[RuntimeHeader.responseMode];
    if (mode !== undefined && mode.toLowerCase() !== 'streaming') return send(reply, this.handler.invalidResponseMode(requestId));
    if (mode === undefined) {
      return readBody(req, MAX_RESPONSE_BYTES, ({ body, tooLarge }) =>
        send(reply, this.handler.response(requestId, body, contentTypeOf(req, 'application/json'), tooLarge)),
      );
    }
    const listeners: ((chunk: Buffer) => void)[] = [];
    let received = 0;
    const done = new Promise<Record<string, string | undefined>>((resolve, rejectStream) => {
      req.onData = (chunk) => {
        received += chunk.length;
        if (received > MAX_STREAMED_BYTES) return; // Lambda cuts the stream off at 200 MB.
        for (const listener of listeners) listener(chunk);
      };
      req.onEnd = resolve;
      req.onAbort = () => rejectStream(new Error('stream aborted'));
    });
    const early = this.handler.streamStart(requestId, {
      contentType: contentTypeOf(req, 'application/octet-stream'),
      onChunk: (listener) => listeners.push(listener),
      done,
    });
    if (early) return send(reply, early);
    done.then(
      () => send(reply, accepted),
      () => undefined,
    );
  }
}

function contentTypeOf(req: IncomingRequest, fallback = 'application/json'): string {
  return req.headers['content-type'] || fallback;
}

/** Reads a body up to `limit` bytes; past it, keeps reading (to keep the connection usable) but drops the bytes. */
function readBody(req: IncomingRequest, limit: number, done: (result: { body: Buffer; tooLarge: boolean }) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.onData = (chunk) => {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  };
  req.onEnd = () => done({ body: size > limit ? Buffer.alloc(0) : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size), tooLarge: size > limit });
}

function send(reply: Reply, answer: ApiReply): void {
  reply.send(answer.status, { 'Content-Type': 'application/json' }, answer.body);
}
