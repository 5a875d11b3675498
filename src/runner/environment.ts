// One execution environment: a process tree that runs a runtime, its Runtime API server, and the state of the
// invocation in flight. It reports what happened; the Runner decides what that means (START/END/REPORT, reuse).
import path from 'node:path';
import type { Readable } from 'node:stream';
import { accepted, type ApiHandler, type ApiReply, reject, type ResponseStream, RuntimeApiServer } from './apiServer';
import type { Reply } from './http1';
import { exitMessage } from './exitReason';
import { uuid } from '../util/ids';
import { DEBUG_VARIABLE, EnvironmentDebugger, type DebugSpec } from './environmentDebugger';
import { ProcessTreeMemory } from './memory';
import { watchOverEnvironment } from './watchdog';
import { forEachLine } from './outputLines';
import { PauseClock } from './pauseClock';
import { RuntimeHeader, RuntimeState } from './runtimeApi';
import { isExecutableFile, nodeOptions, type RuntimeLaunch } from './runtimes';
import { type FunctionProcess, spawnFunctionProcess } from './spawnNow';

export interface EnvironmentSpec {
  launch: RuntimeLaunch;
  codeDir: string;
  /** For provided runtimes: where to look for `bootstrap` after the code folder (layers, i.e. /opt). */
  bootstrapDirs: string[];
  /** Builds the process environment once the API address is known. */
  environment: (runtimeApi: string) => Record<string, string>;
  memoryLimitBytes: number;
  /** Freeze the process tree between invokes, as Lambda does. */
  freeze: boolean;
  /** End the environment if the runner's process dies without ending it (see watchdog.ts). */
  watchdog: boolean;
  /** Start the process before node:net and node:child_process load, where Node allows (spawnNow.ts). */
  spawnEarly: boolean;
  onOutput: (line: string) => void;
  /** Start under the Node.js inspector or debugpy, and wait for a debugger before loading the handler. */
  debug?: DebugSpec;
  /** The bundled runtime's folder, for debuggers to step over. */
  runtimeDir?: string;
}

export type Failure =
  | { kind: 'exit'; message: string }
  | { kind: 'timeout' }
  | { kind: 'oom' }
  | { kind: 'entrypoint'; paths: string[] }
  | { kind: 'initError'; payload: Buffer; errorType: string };

export type InitOutcome = { ok: true; durationMs: number } | { ok: false; durationMs: number; failure: Failure };

export interface InvokeRequest {
  requestId: string;
  event: Buffer;
  contentType: string;
  deadlineMs: number;
  functionArn: string;
  traceId?: string;
  clientContext?: string;
  cognitoIdentity?: string;
  onChunk?: (chunk: Buffer) => void;
}

export interface InvokeOutcome {
  durationMs: number;
  /** What the runtime posted, if it posted anything. */
  posted?: { kind: 'response' | 'error'; payload: Buffer; contentType: string; errorType?: string; streamed: boolean };
  /** Set when the response was over the limit (the runtime got a 413). */
  tooLarge?: boolean;
  /** Set when the runtime sent an invalid response mode header. */
  invalidMode?: boolean;
  /** Set when the invoke did not end with the runtime asking for the next event. */
  failure?: Failure;
}

const MEMORY_POLL_MS = 20;
const MB = 1024 * 1024;
/** After /init/error the runtime should exit; give it this long before it is killed. */
const INIT_ERROR_GRACE_MS = 1000;

interface Waiter<T> {
  resolve: (value: T) => void;
  startedAt: number;
}

export class Environment implements ApiHandler {
  readonly id = uuid();
  private readonly server = new RuntimeApiServer(this);
  private proc?: FunctionProcess;
  private state: RuntimeState = RuntimeState.Started;
  private pendingNext?: Reply;
  private frozen = false;
  private watched = false;
  private exited = false;
  private killedByUs = false;
  private flushOutput: (() => void)[] = [];
  private initWaiter?: Waiter<InitOutcome>;
  private postedInitError?: { payload: Buffer; errorType: string };
  private current?: { request: InvokeRequest; outcome: InvokeOutcome; waiter: Waiter<InvokeOutcome>; ended: boolean };
  private memoryTimer?: NodeJS.Timeout;
  private memory?: ProcessTreeMemory;
  /** Durations and limits run on this clock; it stops while a debugger holds the process. */
  private readonly clock = new PauseClock();
  private debugger?: EnvironmentDebugger;
  /** Settles once the process has exited and been reaped. */
  private reaped?: Promise<void>;

  constructor(private readonly spec: EnvironmentSpec) {}

  get alive(): boolean {
    return !this.exited;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  /** Why the debugger of a debug environment could not start, if it could not. */
  get debugStartError(): string | undefined {
    return this.debugger?.startError;
  }

  /** Debug environments: milliseconds the debugger held the current invoke. */
  get invokePausedMs(): number {
    return this.debugger?.invokePausedMs() ?? 0;
  }

  /** Starts the process and runs Init until the runtime first asks for an event, fails, or runs out of `limitMs`. */
  async init(limitMs: number): Promise<InitOutcome> {
    const startedAt = this.clock.now();
    let command = this.spec.launch.command;
    let args = this.spec.launch.args;
    if (this.spec.launch.family === 'provided') {
      const candidates = [this.spec.codeDir, ...this.spec.bootstrapDirs].map((dir) => path.join(dir, 'bootstrap'));
      const found = candidates.find(isExecutableFile);
      if (!found) {
        this.exited = true;
        return { ok: false, durationMs: this.clock.now() - startedAt, failure: { kind: 'entrypoint', paths: candidates } };
      }
      command = found;
      args = [];
    }
    // At once where Node allows: the ordinary listen first loads node:dns and node:cluster (~5 ms of a cold start).
    const runtimeApi = this.server.listenNow() ?? (await this.server.listen());
    const env = this.spec.environment(runtimeApi);
    if (this.spec.launch.family === 'nodejs') args = [...nodeOptions(this.spec.memoryLimitBytes / MB, env.NODE_OPTIONS), ...args];
    const debug = this.startDebugger(command);
    if (debug) env[DEBUG_VARIABLE] = await debug.variable();
    const onOutput = debug ? (line: string) => void (debug.isDebuggerNotice(line) || this.spec.onOutput(line)) : this.spec.onOutput;
    return new Promise<InitOutcome>((resolve) => {
      this.initWaiter = { resolve, startedAt };
      const proc = spawnFunctionProcess(command, args, {
        cwd: this.spec.codeDir,
        env,
        // A debug environment reports on a fourth descriptor (EnvironmentDebugger).
        pipes: debug ? 3 : 2,
        // Its own process group, so the whole tree can be frozen, thawed and killed as Lambda does.
        detached: true,
        early: this.spec.spawnEarly,
      });
      this.proc = proc;
      if (proc.pid) this.memory = new ProcessTreeMemory(proc.pid);
      this.flushOutput = [forEachLine(proc.stdout!, onOutput), forEachLine(proc.stderr!, onOutput)];
      if (debug) this.flushOutput.push(debug.listen(proc.stdio[3] as Readable));
      // A debug environment may wait for a debugger indefinitely: it too must not outlive the runner's process.
      if (debug && this.spec.watchdog && proc.pid && !this.watched) {
        this.watched = true;
        watchOverEnvironment(proc.pid);
      }
      // 'exit', not 'close': the process is reaped then; its pipes close a little later and are no longer needed.
      // A program that could not be started emits 'error' and no 'exit'.
      this.reaped = new Promise((done) => {
        proc.once('exit', () => done());
        proc.once('error', () => done());
      });
      proc.once('error', (error: NodeJS.ErrnoException) => {
        // The program could not be started at all (missing, not executable, bad interpreter line).
        this.exited = true;
        this.spec.onOutput(`${path.basename(command)}: ${error.message}`);
        this.settleInit({ ok: false, durationMs: 0, failure: { kind: 'entrypoint', paths: [command] } });
        this.server.close();
      });
      proc.once('exit', (code, signal) => this.onExit(code, signal));
      this.watchMemory();
      this.clock.setTimer(limitMs, () => this.fail({ kind: 'timeout' }));
    });
  }

  /** Delivers one event to the waiting runtime and resolves when the invoke phase ends. */
  invoke(request: InvokeRequest): Promise<InvokeOutcome> {
    return new Promise<InvokeOutcome>((resolve) => {
      const startedAt = this.clock.now();
      this.debugger?.invokeStarted(request.requestId);
      this.current = { request, outcome: { durationMs: 0 }, waiter: { resolve, startedAt }, ended: false };
      const reply = this.pendingNext!;
      this.pendingNext = undefined;
      const headers: Record<string, string> = {
        'Content-Type': request.contentType,
        'Lambda-Runtime-Aws-Request-Id': request.requestId,
        'Lambda-Runtime-Deadline-Ms': String(request.deadlineMs),
        'Lambda-Runtime-Invoked-Function-Arn': request.functionArn,
      };
      if (request.traceId) headers['Lambda-Runtime-Trace-Id'] = request.traceId;
      if (request.clientContext) headers['Lambda-Runtime-Client-Context'] = request.clientContext;
      if (request.cognitoIdentity) headers['Lambda-Runtime-Cognito-Identity'] = request.cognitoIdentity;
      reply.send(200, headers, request.event);
      // Thawed after the event is written, so the runtime wakes once, with its event already waiting.
      this.thaw();
      this.watchMemory();
      this.clock.setTimer(Math.max(0, request.deadlineMs - Date.now()), () => this.fail({ kind: 'timeout' }));
    });
  }

  /** Peak resident memory seen so far, in bytes. */
  private peakBytes = 0;

  /** Peak resident memory of the environment's processes (VmHWM while they live, the last figure after), in MB. */
  peakMemoryMB(): number {
    if (!this.exited && !this.killedByUs && this.memory) this.peakBytes = Math.max(this.peakBytes, this.memory.peakMB() * MB);
    return Math.ceil(this.peakBytes / MB);
  }

  /** Stops whatever is running: the init or invoke in flight ends as a kill would end it. */
  cancel(): void {
    this.killTree();
    if (this.initWaiter || (this.current && !this.current.ended)) this.fail({ kind: 'exit', message: exitMessage(null, 'SIGKILL') });
  }

  /** Kills the whole process tree and waits for it to be gone. */
  async dispose(): Promise<void> {
    this.cancel();
    this.stopWatching();
    this.debugger?.dispose();
    this.server.close();
    if (this.reaped) await Promise.race([this.reaped, new Promise((r) => setTimeout(r, 2000).unref())]);
  }

  /** Kills synchronously (for process exit handlers). */
  killTree(): void {
    if (!this.proc?.pid || this.exited || this.killedByUs) return;
    this.peakMemoryMB();
    this.killedByUs = true;
    try {
      process.kill(-this.proc.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  // ---- Runtime API (ApiHandler) ----

  next(reply: Reply): void {
    // A second /next while one is held, or while an invoke waits for its answer: the RIE refuses the transition.
    if ((this.pendingNext && !this.pendingNext.closed) || (this.current && !this.current.ended && !this.current.outcome.posted && !this.current.outcome.tooLarge && !this.current.outcome.invalidMode)) {
      const refusal = reject('InvalidStateTransition', { from: this.state, to: RuntimeState.Ready, error: 'State transition is not allowed' });
      reply.send(refusal.status, { 'Content-Type': 'application/json' }, refusal.body);
      return;
    }
    this.pendingNext = reply;
    this.state = RuntimeState.Ready;
    if (this.initWaiter) {
      const durationMs = this.clock.now() - this.initWaiter.startedAt;
      this.peakMemoryMB(); // a figure to report should the first invoke crash the process
      this.settleInit({ ok: true, durationMs });
      return;
    }
    if (this.current && !this.current.ended) this.endInvoke();
  }

  response(requestId: string, body: Buffer, contentType: string, tooLarge: boolean): ApiReply {
    const invocation = this.acceptPost(requestId);
    if (!invocation) return reject('InvalidRequestID');
    if (tooLarge) {
      invocation.outcome.tooLarge = true;
      this.state = RuntimeState.ResponseSent;
      return reject('RequestEntityTooLarge');
    }
    invocation.outcome.posted = { kind: 'response', payload: body, contentType, streamed: false };
    this.state = RuntimeState.ResponseSent;
    return accepted;
  }

  streamStart(requestId: string, stream: ResponseStream): ApiReply | undefined {
    const invocation = this.acceptPost(requestId);
    if (!invocation) return reject('InvalidRequestID');
    const chunks: Buffer[] = [];
    const posted = { kind: 'response' as 'response' | 'error', payload: Buffer.alloc(0), contentType: stream.contentType, streamed: true, errorType: undefined as string | undefined };
    invocation.outcome.posted = posted;
    this.state = RuntimeState.InvocationResponse;
    stream.onChunk((chunk) => {
      chunks.push(chunk);
      invocation.request.onChunk?.(chunk);
    });
    stream.done.then(
      (trailers) => {
        posted.payload = Buffer.concat(chunks);
        const errorType = trailers[RuntimeHeader.errorType];
        if (errorType) {
          posted.kind = 'error';
          posted.errorType = errorType;
          const body = trailers[RuntimeHeader.errorBody];
          if (body && chunks.length === 0) {
            posted.payload = Buffer.from(body, 'base64');
            posted.contentType = 'application/json';
          }
        }
        this.state = RuntimeState.ResponseSent;
      },
      () => {
        posted.payload = Buffer.concat(chunks);
        this.state = RuntimeState.ResponseSent;
      },
    );
    return undefined;
  }

  invalidResponseMode(requestId: string): ApiReply {
    const invocation = this.acceptPost(requestId);
    if (!invocation) return reject('InvalidRequestID');
    invocation.outcome.invalidMode = true;
    this.state = RuntimeState.ResponseSent;
    return reject('InvalidFunctionResponseMode');
  }

  error(requestId: string, body: Buffer, errorType: string | undefined, contentType: string): ApiReply {
    const invocation = this.acceptPost(requestId);
    if (!invocation) return reject('InvalidRequestID');
    let payload = body;
    let type = errorType;
    if (contentType.startsWith('application/vnd.aws.lambda.error.cause+json')) {
      // Lambda strips errorCause before forwarding the rest (§1.4).
      try {
        const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        delete parsed.errorCause;
        payload = Buffer.from(JSON.stringify(parsed));
      } catch {
        // forwarded as is
      }
    }
    type ??= errorTypeOf(payload);
    invocation.outcome.posted = { kind: 'error', payload, contentType: 'application/json', errorType: type, streamed: false };
    this.state = RuntimeState.ResponseSent;
    return accepted;
  }

  initError(body: Buffer, errorType: string | undefined): ApiReply {
    if (!this.initWaiter || this.state !== RuntimeState.Started) {
      return reject('InvalidStateTransition', { from: this.state, to: RuntimeState.InitError, error: 'State transition is not allowed' });
    }
    this.state = RuntimeState.InitError;
    this.postedInitError = { payload: body, errorType: errorType ?? errorTypeOf(body) ?? 'Runtime.Unknown' };
    // The runtime should exit now; if it does not, it is stopped.
    this.clock.setTimer(INIT_ERROR_GRACE_MS, () => this.fail({ kind: 'initError', ...this.postedInitError! }));
    return accepted;
  }

  // ---- internals ----

  /** The invocation a POST for `requestId` may complete, or undefined (400 InvalidRequestID). */
  private acceptPost(requestId: string) {
    const invocation = this.current;
    if (!invocation || invocation.ended || invocation.request.requestId !== requestId || invocation.outcome.posted || invocation.outcome.tooLarge || invocation.outcome.invalidMode) {
      return undefined;
    }
    return invocation;
  }

  private endInvoke(failure?: Failure): void {
    const invocation = this.current;
    if (!invocation || invocation.ended) return;
    invocation.ended = true;
    this.stopWatching();
    invocation.outcome.durationMs = this.clock.now() - invocation.waiter.startedAt;
    if (failure) invocation.outcome.failure = failure;
    // Let output the runtime wrote before its last API call be read first, so the log keeps its order.
    setImmediate(() => invocation.waiter.resolve(invocation.outcome));
    if (!failure) this.scheduleFreeze();
  }

  private settleInit(outcome: InitOutcome): void {
    const waiter = this.initWaiter;
    if (!waiter) return;
    this.initWaiter = undefined;
    this.stopWatching();
    if (!outcome.ok) outcome.durationMs = this.clock.now() - waiter.startedAt;
    setImmediate(() => waiter.resolve(outcome));
  }

  private fail(failure: Failure): void {
    if (failure.kind !== 'exit') this.killTree();
    if (this.initWaiter) {
      const reported = failure.kind === 'exit' && this.postedInitError ? { kind: 'initError' as const, ...this.postedInitError } : failure;
      this.settleInit({ ok: false, durationMs: 0, failure: reported });
    } else {
      this.endInvoke(failure);
    }
  }

  private startDebugger(command: string): EnvironmentDebugger | undefined {
    const debug = this.spec.debug;
    const family = this.spec.launch.family;
    if (!debug || family === 'provided') return undefined;
    this.debugger = new EnvironmentDebugger(family, debug, this.clock, command, this.spec.runtimeDir ?? '', () => this.cancel());
    return this.debugger;
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.exited = true;
    this.memory?.close();
    this.pendingNext = undefined;
    this.server.close();
    for (const flush of this.flushOutput) flush();
    if (this.killedByUs) return;
    // Anything still running in the group goes with it, as when Lambda resets an environment.
    try {
      process.kill(-this.proc!.pid!, 'SIGKILL');
    } catch {
      // the group is already empty
    }
    this.fail({ kind: 'exit', message: exitMessage(code, signal) });
  }

  private watchMemory(): void {
    const memory = this.memory;
    if (!memory) return;
    this.memoryTimer = setInterval(() => {
      const bytes = memory.residentBytes();
      if (bytes > this.peakBytes) this.peakBytes = bytes;
      if (bytes >= this.spec.memoryLimitBytes) this.fail({ kind: 'oom' });
    }, MEMORY_POLL_MS);
  }

  private stopWatching(): void {
    clearInterval(this.memoryTimer);
    this.clock.clearTimer();
  }

  /**
   * Freezes the environment once the caller has had its result and run what follows from it: an invoke that comes at
   * once finds the runtime still waiting in /next and spares a freeze and a thaw (a signal to every thread of the
   * process, each way: ~0.1 ms of a warm invoke on a 2-vCPU VM). Idle any longer, the environment is frozen, as on
   * Lambda, before any of its timers could tell.
   */
  private scheduleFreeze(): void {
    if (!this.spec.freeze) return;
    setImmediate(() => {
      if (!this.current || this.current.ended) this.freeze();
    });
  }

  private freeze(): void {
    if (!this.spec.freeze || !this.proc?.pid || this.exited || this.killedByUs || this.frozen) return;
    try {
      process.kill(-this.proc.pid, 'SIGSTOP');
      this.frozen = true;
      if (this.spec.watchdog && !this.watched) {
        this.watched = true;
        watchOverEnvironment(this.proc.pid);
      }
    } catch {
      // gone
    }
  }

  private thaw(): void {
    if (!this.frozen || !this.proc?.pid) return;
    this.frozen = false;
    try {
      process.kill(-this.proc.pid, 'SIGCONT');
    } catch {
      // gone
    }
  }
}

function errorTypeOf(payload: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(payload.toString('utf8')) as { errorType?: unknown };
    return typeof parsed.errorType === 'string' ? parsed.errorType : undefined;
  } catch {
    return undefined;
  }
}
