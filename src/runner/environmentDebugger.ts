// The debugger side of one environment started under the Node.js inspector or debugpy. The bootstrap reports on a
// private pipe (fd 3: one JSON object a line) when the debugger listens, when a client has attached, and — for
// Python, where debugpy's own suspend loop is the one place that knows — when the process is paused and resumed. For
// Node.js the pauses come from a second inspector session (InspectorWatcher). Either way they stop the PauseClock.
import type net from 'node:net';
import path from 'node:path';
import { netModule } from './lazyNode';
import type { Readable } from 'node:stream';
import type { InspectorWatcher } from './inspectorWatcher';
import { forEachLine } from './outputLines';
import { isExecutableFile } from './runtimes';
import type { PauseClock } from './pauseClock';
import type { DebugEndpoint } from './types';

/** The private variable that tells the bootstrap to start under a debugger; removed before user code runs. */
export const DEBUG_VARIABLE = '_LAMBDA_WORKBENCH_DEBUG';
/** The descriptor of the bootstrap's report pipe. */
export const DEBUG_CHANNEL_FD = 3;
export const DEBUG_HOST = '127.0.0.1';

export interface DebugSpec {
  /** 0: any free port. */
  port: number;
  onListening?: (endpoint: DebugEndpoint) => void;
  onPortChosen?: (endpoint: DebugEndpoint) => void;
}

/** What the bootstrap writes on the pipe. */
type ChannelMessage =
  | { event: 'listening'; port: number; url?: string; debugger?: string }
  | { event: 'attached' }
  | { event: 'paused' }
  | { event: 'resumed' }
  | { event: 'error'; message: string };

// What Node's inspector itself prints on stderr; not the function's output, so not in its log.
const INSPECTOR_NOTICE = /^(Debugger listening on ws:\/\/|For help, see: https:\/\/nodejs\.org\/|Debugger attached\.$|Debugger ending on ws:\/\/|Waiting for the debugger to disconnect\.\.\.$)/;

export class EnvironmentDebugger {
  /** Why the debugger could not start, as the bootstrap reported it. */
  startError?: string;
  private watcher?: InspectorWatcher;
  private requestId = '';
  private pausedAtInvokeStart = 0;
  private pausedSinceEpoch = 0;
  private disposed = false;

  constructor(
    private readonly family: 'nodejs' | 'python',
    private readonly spec: DebugSpec,
    private readonly clock: PauseClock,
    private readonly interpreter: string,
    private readonly runtimeDir: string,
    /** Ends the environment when its debugger cannot be set up. */
    private readonly abort: (reason: string) => void,
  ) {
    // Nothing runs until a debugger has attached: neither the init limit nor the timeout counts the wait.
    clock.pause('attach');
  }

  /** The bootstrap's settings, for DEBUG_VARIABLE. */
  async variable(): Promise<string> {
    // The inspector reports the port it took, so it may pick one itself, unless its port is to be announced before it
    // listens; debugpy listening in-process reports none, so it is always given a free one. A port the user gave is
    // only announced once the inspector has it: it may be taken, and another program's answers there would keep a
    // debugger that set out early trying until its own timeout; so is one for a program that cannot be started.
    const announceEarly = this.family === 'nodejs' && this.spec.port === 0 && this.spec.onPortChosen !== undefined
      // a program looked up on PATH is taken to be there
      && (!path.isAbsolute(this.interpreter) || isExecutableFile(this.interpreter));
    const port = this.spec.port === 0 && (this.family === 'python' || announceEarly) ? await freePort() : this.spec.port;
    if (announceEarly) {
      this.spec.onPortChosen?.(this.endpoint(port, 'Node.js inspector'));
      // The editor's message goes out before the spawn, which blocks a large process such as an editor's extension
      // host for 20-30 ms: its debugger has the longer way to go.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return JSON.stringify({ host: DEBUG_HOST, port, fd: DEBUG_CHANNEL_FD });
  }

  /** Reads the bootstrap's reports; returns the flush for the pipe's last line. */
  listen(channel: Readable): () => void {
    // The inspector watcher's modules load while the environment starts (this process waits for it meanwhile) rather
    // than when the inspector listens, on the way to the editor's attach.
    if (this.family === 'nodejs') {
      setImmediate(() => {
        try {
          inspectorWatcherModule();
        } catch {
          // watch() meets the same failure and reports it
        }
      });
    }
    return forEachLine(channel, (line) => this.onReport(line));
  }

  /** Lines of the environment's output that are the inspector's notices rather than the function's. */
  isDebuggerNotice(line: string): boolean {
    return this.family === 'nodejs' && INSPECTOR_NOTICE.test(line);
  }

  invokeStarted(requestId: string): void {
    this.requestId = requestId;
    this.pausedAtInvokeStart = this.clock.pausedMs();
  }

  /** Milliseconds paused during the current invoke so far. */
  invokePausedMs(): number {
    return this.requestId ? this.clock.pausedMs() - this.pausedAtInvokeStart : 0;
  }

  dispose(): void {
    this.disposed = true;
    this.watcher?.close();
  }

  private onReport(line: string): void {
    let message: ChannelMessage;
    try {
      message = JSON.parse(line) as ChannelMessage;
    } catch {
      return;
    }
    switch (message.event) {
      case 'listening':
        this.announce(message.port, message.debugger, message.url);
        break;
      case 'attached':
        this.clock.resume('attach');
        break;
      case 'paused':
        this.clock.pause('debugger');
        break;
      case 'resumed':
        this.clock.resume('debugger');
        break;
      case 'error':
        this.startError = message.message;
        break;
    }
  }

  /**
   * Tells the caller where to attach. For Node.js the runner's own inspector session connects at the same time (its
   * Debugger.enable alone takes ~70 ms): the runtime holds the function's code until that session watches. The caller
   * hears first: its debugger has the longer way to go.
   */
  private announce(port: number, what: string | undefined, url: string | undefined): void {
    this.spec.onListening?.(this.endpoint(port, what ?? (this.family === 'nodejs' ? `Node.js ${process.versions.node} inspector` : 'debugpy')));
    if (this.family === 'nodejs') void this.watch(port, url);
  }

  private endpoint(port: number, what: string): DebugEndpoint {
    return {
      protocol: this.family === 'nodejs' ? 'inspector' : 'dap',
      host: DEBUG_HOST,
      port,
      interpreter: this.interpreter,
      debugger: what,
      runtimeDir: this.runtimeDir,
    };
  }

  private async watch(port: number, url: string | undefined): Promise<void> {
    try {
      const { InspectorWatcher } = inspectorWatcherModule();
      const watcher = await InspectorWatcher.connect(DEBUG_HOST, port, {
        onPaused: () => this.onInspectorPause(true),
        onResumed: () => this.onInspectorPause(false),
      }, url);
      if (this.disposed) watcher.close();
      else this.watcher = watcher;
    } catch (error) {
      if (this.disposed) return; // ended meanwhile: that, not the inspector, is the news
      this.startError = `cannot watch the Node.js inspector on ${DEBUG_HOST}:${port}: ${(error as Error).message}`;
      this.abort(this.startError);
    }
  }

  private onInspectorPause(paused: boolean): void {
    if (paused) this.clock.pause('debugger');
    else this.clock.resume('debugger');
    this.pausedSinceEpoch = paused ? Date.now() : 0;
    this.watcher?.setRuntimeClock(this.requestId, this.invokePausedMs(), this.pausedSinceEpoch);
  }
}

/** Loaded when a Node.js environment is debugged, not at the top: `ws` brings http, https, tls and zlib, ~15 ms. */
function inspectorWatcherModule(): typeof import('./inspectorWatcher') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./inspectorWatcher') as typeof import('./inspectorWatcher');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = netModule().createServer();
    server.once('error', reject);
    server.listen(0, DEBUG_HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
