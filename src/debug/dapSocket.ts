// A Debug Adapter Protocol client over TCP (Content-Length framing): the adapter's side of its conversation with
// debugpy. Transport only; what to say is PythonProxy's business.
import net from 'node:net';
import type { DebugProtocol } from '@vscode/debugprotocol';

const HEADER_END = '\r\n\r\n';

export class DapSocket {
  private seq = 1;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, (response: DebugProtocol.Response) => void>();
  private closed = false;

  private constructor(
    private readonly socket: net.Socket,
    private readonly onEvent: (event: DebugProtocol.Event) => void,
    onClose: () => void,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => undefined); // 'close' follows
    socket.on('close', () => {
      this.closed = true;
      for (const settle of this.pending.values()) settle(closedResponse());
      this.pending.clear();
      onClose();
    });
  }

  static connect(host: string, port: number, onEvent: (event: DebugProtocol.Event) => void, onClose: () => void): Promise<DapSocket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, host);
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        // Requests are small and often follow one another (the editor's stackTrace, scopes, variables): with Nagle's
        // algorithm on, one written while the last is unacknowledged would wait for debugpy's delayed ACK (~40 ms).
        socket.setNoDelay(true);
        resolve(new DapSocket(socket, onEvent, onClose));
      });
    });
  }

  /** Sends a request; resolves with the response, successful or not (a closed connection gives a failed one). */
  request(command: string, args?: unknown): Promise<DebugProtocol.Response> {
    if (this.closed) return Promise.resolve(closedResponse());
    const seq = this.seq++;
    const body = JSON.stringify({ seq, type: 'request', command, arguments: args });
    this.socket.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}${HEADER_END}${body}`, 'utf8');
    return new Promise((resolve) => this.pending.set(seq, resolve));
  }

  /** True once the connection has ended (debugpy's process is gone, or close() was called). */
  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end === -1) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1] ?? NaN);
      if (!Number.isFinite(length)) {
        this.close(); // not DAP
        return;
      }
      const start = end + HEADER_END.length;
      if (this.buffer.length < start + length) return;
      const text = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(JSON.parse(text) as DebugProtocol.ProtocolMessage);
    }
  }

  private dispatch(message: DebugProtocol.ProtocolMessage): void {
    if (message.type === 'response') {
      const response = message as DebugProtocol.Response;
      const settle = this.pending.get(response.request_seq);
      this.pending.delete(response.request_seq);
      settle?.(response);
    } else if (message.type === 'event') {
      this.onEvent(message as DebugProtocol.Event);
    }
    // debugpy sends no reverse requests to an attached client that does not offer runInTerminal.
  }
}

function closedResponse(): DebugProtocol.Response {
  return { seq: 0, type: 'response', request_seq: 0, command: '', success: false, message: 'the debugger of the function has gone' };
}
