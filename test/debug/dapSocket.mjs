// A minimal Debug Adapter Protocol client over TCP: what the tests use to talk to debugpy directly.
import net from 'node:net';

export class DapSocket {
  static async connect(host, port) {
    const socket = net.connect(port, host);
    await new Promise((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new DapSocket(socket);
  }

  constructor(socket) {
    this.socket = socket;
    this.seq = 1;
    this.buffer = Buffer.alloc(0);
    this.pending = new Map();
    this.listeners = new Set();
    this.events = [];
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('error', () => undefined);
  }

  request(command, args = {}) {
    const seq = this.seq++;
    const body = JSON.stringify({ seq, type: 'request', command, arguments: args });
    this.socket.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    return new Promise((resolve, reject) => {
      this.pending.set(seq, (response) => (response.success ? resolve(response.body ?? {}) : reject(new Error(`${command}: ${response.message}`))));
    });
  }

  waitFor(event, { timeoutMs = 20000, predicate = () => true } = {}) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no ${event} event within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (message) => {
        if (message.event !== event || !predicate(message.body ?? {})) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(message.body ?? {});
      };
      this.listeners.add(listener);
    });
  }

  close() {
    this.socket.destroy();
  }

  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end === -1) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(end + 4 + length);
      if (message.type === 'response') {
        const settle = this.pending.get(message.request_seq);
        this.pending.delete(message.request_seq);
        settle?.(message);
      } else if (message.type === 'event') {
        this.events.push(message);
        for (const listener of [...this.listeners]) listener(message);
      }
    }
  }
}
