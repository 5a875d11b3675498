// A second inspector session on a debugged Node.js environment (Node allows several). It only listens: it tells the
// runner when the process is paused and resumed — whoever paused it — so the platform clock can stop meanwhile, and it
// hands the runtime the paused total, so context.getRemainingTimeInMillis() leaves that time out too.
import http from 'node:http';
import WebSocket from 'ws';

export interface InspectorEvents {
  onPaused: () => void;
  onResumed: () => void;
}

/** The properties bootstrap.js (runtimes/node/debugger.js) defines on globalThis: the clock, and "the runner watches". */
const CLOCK_HOOK = "globalThis[Symbol.for('lambda-workbench.debugClock')]";
const WATCHER_HOOK = "globalThis[Symbol.for('lambda-workbench.watcherReady')]";
const CONNECT_TIMEOUT_MS = 5000;

export class InspectorWatcher {
  private nextId = 1;
  private readonly pending = new Map<number, (error?: string) => void>();

  private constructor(
    private readonly socket: WebSocket,
    private readonly events: InspectorEvents,
  ) {
    socket.on('message', (data: WebSocket.RawData) => this.onMessage(Buffer.isBuffer(data) ? data.toString('utf8') : ''));
    socket.on('close', () => {
      for (const settle of this.pending.values()) settle('inspector connection closed');
      this.pending.clear();
    });
    socket.on('error', () => undefined); // the process went away; 'close' follows
  }

  /**
   * Connects to the inspector listening on host:port (at `url`, its WebSocket address, when the runtime told it) and
   * starts watching; then lets the runtime go on to the function's code, which it holds until this session watches.
   */
  static async connect(host: string, port: number, events: InspectorEvents, url?: string): Promise<InspectorWatcher> {
    url ??= await debuggerUrl(host, port);
    const socket = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: CONNECT_TIMEOUT_MS });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const watcher = new InspectorWatcher(socket, events);
    // Runtime: to learn when the process is about to exit (and let it, instead of waiting for us to disconnect).
    await Promise.all([watcher.send('Runtime.enable'), watcher.send('Debugger.enable')]);
    // V8 treats code as blackboxed only when every session with the debugger on does: this session declares all code
    // blackboxed, so the editor's debugger alone decides (its skipFiles keep working), and this session never makes
    // the process stop on its own — a `debugger;` statement after the editor has detached does not hang the function.
    // Pauses the editor's debugger causes are still reported here.
    await watcher.send('Debugger.setBlackboxPatterns', { patterns: ['.*'], skipAnonymous: true });
    await watcher.send('Runtime.evaluate', { expression: `${WATCHER_HOOK}?.()`, silent: true });
    return watcher;
  }

  /**
   * Gives the runtime the time paused during invoke `requestId` so far, and since when it has been paused (epoch ms;
   * 0 when running). Sent on every pause and resume; while paused, the process still runs inspector commands.
   */
  setRuntimeClock(requestId: string, pausedMs: number, pausedSince: number): void {
    const args = [JSON.stringify(requestId), Math.round(pausedMs), Math.round(pausedSince)].join(', ');
    void this.send('Runtime.evaluate', { expression: `${CLOCK_HOOK}?.(${args})`, silent: true, returnByValue: true }).catch(() => undefined);
  }

  close(): void {
    this.socket.terminate();
  }

  private send(method: string, params: Record<string, unknown> = {}): Promise<void> {
    if (this.socket.readyState !== WebSocket.OPEN) return Promise.reject(new Error('inspector connection closed'));
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, (error) => (error ? reject(new Error(error)) : resolve()));
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  private onMessage(text: string): void {
    let message: { id?: number; method?: string; error?: { message?: string } };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    if (message.id !== undefined) {
      const settle = this.pending.get(message.id);
      this.pending.delete(message.id);
      settle?.(message.error ? (message.error.message ?? 'inspector error') : undefined);
      return;
    }
    if (message.method === 'Debugger.paused') this.events.onPaused();
    else if (message.method === 'Debugger.resumed') this.events.onResumed();
    // The process is exiting: Node waits for every session to disconnect before it ends.
    else if (message.method === 'Runtime.executionContextDestroyed') this.close();
  }
}

/** The WebSocket address of the inspector's one target, from its /json/list endpoint. */
function debuggerUrl(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host, port, path: '/json/list', agent: false, timeout: CONNECT_TIMEOUT_MS }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        try {
          const targets = JSON.parse(body) as { webSocketDebuggerUrl?: string }[];
          const url = targets.find((t) => t.webSocketDebuggerUrl)?.webSocketDebuggerUrl;
          if (url) resolve(url);
          else reject(new Error(`no inspector target at ${host}:${port}`));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error(`the inspector at ${host}:${port} did not answer`)));
    request.on('error', reject);
  });
}
