// A minimal Chrome DevTools Protocol client over `ws`: what the tests use in place of VS Code's JavaScript debugger.
import { createRequire } from 'node:module';
import { root } from '../helpers/invoke.mjs';

const require = createRequire(import.meta.url);
const WebSocket = require(require.resolve('ws', { paths: [root] }));

async function listTargets(host, port, deadline) {
  for (;;) {
    try {
      return await (await fetch(`http://${host}:${port}/json/list`)).json();
    } catch (error) {
      if (error.cause?.code !== 'ECONNREFUSED' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

export class CdpClient {
  /**
   * Connects to the inspector at host:port. As VS Code's JavaScript debugger does, it retries until the inspector
   * listens: the adapter names the port before the environment has started.
   */
  static async connect(host, port, { timeoutMs = 10_000 } = {}) {
    const targets = await listTargets(host, port, Date.now() + timeoutMs);
    const socket = new WebSocket(targets[0].webSocketDebuggerUrl, { perMessageDeflate: false });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    return new CdpClient(socket);
  }

  constructor(socket) {
    this.socket = socket;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.events = [];
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.id !== undefined) {
        const settle = this.pending.get(message.id);
        this.pending.delete(message.id);
        settle?.(message);
        return;
      }
      this.events.push(message);
      for (const listener of [...this.listeners]) listener(message);
      // As VS Code's debugger does: let a process that is exiting go.
      if (message.method === 'Runtime.executionContextDestroyed') socket.close();
    });
  }

  send(method, params = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message) => (message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolve(message.result)));
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** The next event `method` (an earlier one when `seen` is true and one was already received). */
  waitFor(method, { timeoutMs = 15000, predicate = () => true } = {}) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (message) => {
        if (message.method !== method || !predicate(message.params)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(message.params);
      };
      this.listeners.add(listener);
    });
  }

  /** The names of the local variables of the top frame of a Debugger.paused event. */
  async localNames(paused) {
    const scope = paused.callFrames[0].scopeChain.find((s) => s.type === 'local');
    const { result } = await this.send('Runtime.getProperties', { objectId: scope.object.objectId, ownProperties: true });
    return result.map((p) => p.name);
  }

  close() {
    this.socket.close();
  }
}
