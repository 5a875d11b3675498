// The runner: Lambda's platform around the environments. It owns request ids, deadlines, the 10 s init limit, the
// function timeout, the memory limit, the 6 MB limits, START/END/REPORT, warm reuse and reset after a failure.
import fs from 'node:fs';
import path from 'node:path';
import { errors } from '../errors';
import { randomHex, uuid } from '../util/ids';
import { newLogStreamName, buildEnvironment, validateUserVariables } from './envVars';
import { Environment, type Failure, type InvokeOutcome } from './environment';
import { LogBuffer } from './logBuffer';
import { billedDuration, PlatformLog } from './logLines';
import { fill, MAX_REQUEST_BYTES, platformError, platformMessages } from './runtimeApi';
import { resolveRuntime, runtimesRoot, runtimeVersionArn, type RuntimeLaunch } from './runtimes';
import type { DebugOptions, InvokeOptions, InvokeResult, ReportFigures, RunnableFunction, RunnerOptions } from './types';

/** On-demand init must finish within 10 s (spec §4). */
export const INIT_LIMIT_MS = 10_000;
const MB = 1024 * 1024;

interface Prepared {
  launch: RuntimeLaunch;
  userVariables: Record<string, string>;
  /** Environments are reused only for the same key. */
  key: string;
}

interface Slot {
  env: Environment;
  key: string;
  busy: boolean;
  /** Where the environment's output goes: the invoke in flight, if any. */
  sink: (line: string) => void;
}

// Every live environment of every runner, so none outlives this process.
const liveSlots = new Set<Slot>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const slot of liveSlots) slot.env.killTree();
  });
}

export class Runner {
  private readonly slots: Slot[] = [];
  /** Environments being ended, until their processes are reaped. */
  private readonly ending = new Set<Promise<void>>();
  private readonly prepared = new WeakMap<RunnableFunction, Prepared>();
  private readonly region: string;
  private readonly accountId: string;

  constructor(private readonly options: RunnerOptions = {}) {
    this.region = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
    this.accountId = options.accountId ?? '123456789012';
    installExitHook();
  }

  functionArn(fn: RunnableFunction): string {
    return `arn:aws:lambda:${this.region}:${this.accountId}:function:${fn.functionName}`;
  }

  /** Runs one invoke as Lambda would: on a warm environment of this function if one is idle, else a new one. */
  async invoke(fn: RunnableFunction, event: Buffer | string, invokeOptions: InvokeOptions = {}): Promise<InvokeResult> {
    const eventBytes = typeof event === 'string' ? Buffer.from(event) : event;
    if (eventBytes.length > MAX_REQUEST_BYTES) throw errors.requestTooLarge(eventBytes.length);
    const { launch, userVariables, key } = this.prepare(fn);

    const requestId = uuid();
    const logs = new LogBuffer();
    const emit = (line: string | undefined) => {
      if (line === undefined) return;
      logs.push(line);
      invokeOptions.onLog?.(line);
      this.options.onLog?.(line, fn);
    };
    const format = this.options.logFormat ?? fn.logging.logFormat;
    const platform = new PlatformLog(format, fn.functionName, fn.logging.systemLogLevel);
    const timeoutMs = fn.timeout * 1000;
    const debug = invokeOptions.debug;
    if (debug && launch.family === 'provided') throw errors.debugUnsupported(fn.functionName, launch.runtime);

    // A debug invoke always gets an environment of its own, started under the debugger.
    let slot = debug ? undefined : this.slots.find((s) => s.key === key && !s.busy && s.env.alive);
    let initDurationMs: number | undefined;
    let suppressedInitMs = 0;
    const coldStart = !slot;
    if (!slot) {
      checkCodeDir(fn);
      slot = this.newSlot(fn, launch, userVariables, key, format, debug);
      slot.busy = true;
      slot.sink = emit;
      emit(platform.initStart(launch.runtimeVersion, runtimeVersionArn(launch.runtime, this.region), 'init'));
      // A debug init can wait for a debugger for as long as it likes, so the caller may stop it meanwhile.
      const env = slot.env;
      const abortInit = () => env.cancel();
      if (debug) invokeOptions.signal?.addEventListener('abort', abortInit, { once: true });
      const init = await slot.env.init(this.options.initTimeoutMs ?? INIT_LIMIT_MS);
      invokeOptions.signal?.removeEventListener('abort', abortInit);
      const debugError = slot.env.debugStartError;
      if (debugError) {
        await this.drop(slot);
        throw errors.debuggerUnavailable(fn.functionName, debugError);
      }
      if (init.ok) {
        initDurationMs = init.durationMs;
      } else if (debug) {
        // Lambda would retry the init once; under a debugger that would only start a second process to attach to.
        emit(platform.initReport({ durationMs: init.durationMs, phase: 'init', ...initStatus(init.failure) }));
        const peakMB = slot.env.peakMemoryMB();
        await this.drop(slot);
        return this.initFailureResult(fn, requestId, init.failure, init.durationMs, peakMB, platform, emit, logs);
      } else {
        // Lambda retries a failed init inside the invoke, under the function timeout (spec §6.3).
        emit(platform.initReport({ durationMs: init.durationMs, phase: 'init', ...initStatus(init.failure) }));
        await this.drop(slot);
        slot = this.newSlot(fn, launch, userVariables, key, format);
        slot.busy = true;
        slot.sink = emit;
        const retry = await slot.env.init(timeoutMs);
        if (!retry.ok) {
          emit(platform.initReport({ durationMs: retry.durationMs, phase: 'invoke', ...initStatus(retry.failure) }));
          const peakMB = slot.env.peakMemoryMB();
          await this.drop(slot);
          return this.initFailureResult(fn, requestId, retry.failure, retry.durationMs, peakMB, platform, emit, logs);
        }
        suppressedInitMs = retry.durationMs;
      }
    }

    slot.busy = true;
    slot.sink = emit;
    emit(platform.start(requestId, this.functionArn(fn)));
    const abort = () => slot.env.cancel();
    invokeOptions.signal?.addEventListener('abort', abort, { once: true });
    const outcome = await slot.env.invoke({
      requestId,
      event: eventBytes,
      contentType: invokeOptions.contentType ?? 'application/json',
      deadlineMs: Date.now() + Math.max(0, timeoutMs - suppressedInitMs),
      functionArn: this.functionArn(fn),
      traceId: invokeOptions.traceId ?? newTraceId(),
      clientContext: invokeOptions.clientContext,
      cognitoIdentity: invokeOptions.cognitoIdentity,
      onChunk: invokeOptions.onChunk,
    });
    invokeOptions.signal?.removeEventListener('abort', abort);
    outcome.durationMs += suppressedInitMs;

    const result = this.describe(fn, requestId, outcome, slot, platform, emit);
    // Measured (describe read its peak memory), so it can go: its process dies while the rest is written out.
    const retire = this.options.singleUse && !debug;
    if (retire) void this.drop(slot);
    const report: ReportFigures = result.report;
    report.initDurationMs = initDurationMs;
    report.billedDurationMs = billedDuration(report.durationMs, initDurationMs);
    emit(platform.end(requestId, report, result.payload.length));
    emit(platform.report(requestId, report));
    const pausedMs = debug ? slot.env.invokePausedMs : undefined;
    // A debug environment stays, busy and never reused, until the caller disposes the runner: the debugger attached to
    // it may still be waiting for its last answers (Continue), and a killed process would fail them. A retired one is
    // on its way out already.
    if (debug || retire) slot.sink = () => undefined;
    else if (outcome.failure) await this.drop(slot);
    else slot.busy = false;
    // Written out, not `{ ...result, requestId, … }`: in V8 an object made by a spread and then given more properties
    // keeps every such object of the young generation alive through its next two scavenges (measured: 9% of all the
    // runner allocated survived, 0.3% without), and a scavenge takes as long as what survives it.
    const invokeResult: InvokeResult = {
      payload: result.payload, contentType: result.contentType, functionError: result.functionError, errorType: result.errorType,
      streamed: result.streamed, report, requestId, logs: logs.toArray(), coldStart,
    };
    if (debug) invokeResult.pausedMs = pausedMs;
    return invokeResult;
  }

  /** Drops the warm environments of one function (its code or configuration changed), or of all. */
  async reset(fn?: RunnableFunction): Promise<void> {
    const victims = this.slots.filter((s) => !s.busy && (!fn || s.key.startsWith(`${fn.functionName}\0${fn.codeDir}\0`)));
    await Promise.all(victims.map((s) => this.drop(s)));
  }

  /** Ends every environment and leaves no process behind. */
  async dispose(): Promise<void> {
    await Promise.all([...[...this.slots].map((s) => this.drop(s)), ...this.ending]);
  }

  // ---- internals ----

  /** What an invoke needs to know about a function, worked out once per function object. */
  private prepare(fn: RunnableFunction): Prepared {
    const cached = this.prepared.get(fn);
    if (cached) return cached;
    const launch = resolveRuntime(fn.runtime, {
      functionName: fn.functionName,
      binaries: this.options.runtimeBinaries ?? {},
      env: process.env,
      warn: (message) => this.options.onWarning?.(message),
    });
    if (launch.family !== 'provided' && !fn.handler) throw errors.missingHandler(fn.functionName);
    const userVariables = { ...fn.environment, ...this.options.envOverrides };
    validateUserVariables(fn.functionName, userVariables);
    const prepared = { launch, userVariables, key: environmentKey(fn, launch, userVariables, this.options.logFormat ?? fn.logging.logFormat) };
    this.prepared.set(fn, prepared);
    return prepared;
  }

  private newSlot(fn: RunnableFunction, launch: RuntimeLaunch, userVariables: Record<string, string>, key: string, format: 'Text' | 'JSON',
    debug?: DebugOptions): Slot {
    const runtimeDir = path.join(runtimesRoot(), launch.family === 'provided' ? 'provided' : launch.family === 'nodejs' ? 'node' : 'python');
    const layerDirs = fn.layers.map((layer) => layer.contentDir);
    const slot: Slot = { key, busy: false, sink: () => undefined, env: undefined as unknown as Environment };
    const internal: Record<string, string> = {};
    if (launch.family === 'python' && layerDirs.length) internal._LAMBDA_WORKBENCH_OPT = layerDirs.join(path.delimiter);
    // Where the runtime looks for our esbuild should a handler be TypeScript: it resolves it then, so a JavaScript
    // handler's cold start spends nothing on it (a first require.resolve costs ~1.5-2.5 ms).
    if (launch.family === 'nodejs') internal._LAMBDA_WORKBENCH_ESBUILD_FROM = __dirname;
    slot.env = new Environment({
      launch,
      codeDir: fn.codeDir,
      bootstrapDirs: layerDirs,
      memoryLimitBytes: fn.memorySize * MB,
      // A frozen process would look hung to the debugger attached to it.
      freeze: !debug && (this.options.freeze ?? true),
      watchdog: this.options.watchdog ?? true,
      spawnEarly: this.options.spawnEarly ?? false,
      onOutput: (line) => slot.sink(line),
      debug: debug && { port: debug.port ?? 0, onListening: debug.onListening, onPortChosen: debug.onPortChosen },
      runtimeDir,
      environment: (runtimeApi) =>
        buildEnvironment(
          { ...fn, logging: { ...fn.logging, logFormat: format } },
          {
            family: launch.family,
            runtime: launch.runtime,
            region: this.region,
            runtimeApi,
            runtimeDir,
            logStreamName: newLogStreamName(),
            userVariables,
            host: process.env,
            internal,
          },
        ),
    });
    this.slots.push(slot);
    liveSlots.add(slot);
    return slot;
  }

  /** Ends a slot's environment; the promise (which dispose() also waits for) settles once its process is reaped. */
  private drop(slot: Slot): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index !== -1) this.slots.splice(index, 1);
    liveSlots.delete(slot);
    const ended = slot.env.dispose();
    this.ending.add(ended);
    return ended.finally(() => this.ending.delete(ended));
  }

  /** Turns what the environment reported into the caller's payload, the crash lines, and the REPORT status. */
  private describe(fn: RunnableFunction, requestId: string, outcome: InvokeOutcome, slot: Slot, platform: PlatformLog,
    emit: (line: string | undefined) => void): Omit<InvokeResult, 'requestId' | 'logs' | 'coldStart'> {
    const memorySizeMB = fn.memorySize;
    const measuredMB = slot.env.peakMemoryMB();
    const base = { memorySizeMB, maxMemoryUsedMB: Math.min(Math.max(measuredMB, 1), memorySizeMB), billedDurationMs: 0 };
    const posted = outcome.posted;
    const streamed = posted?.streamed ?? false;
    const failure = outcome.failure;
    if (failure) {
      const failed = this.failurePayload(fn, requestId, failure, platform, emit);
      const keepPosted = posted && failure.kind !== 'oom';
      // A runtime that posted its error and then exited (Node's uncaught exception) gives the caller what it posted;
      // the REPORT still names the exit.
      return {
        payload: keepPosted ? posted.payload : failed.payload,
        contentType: keepPosted ? posted.contentType : 'application/json',
        functionError: keepPosted && posted.kind === 'response' && failure.kind === 'exit' ? undefined : 'Unhandled',
        errorType: keepPosted && posted.kind === 'error' && posted.errorType ? posted.errorType : failed.errorType,
        streamed,
        report: {
          ...base,
          durationMs: failure.kind === 'timeout' ? fn.timeout * 1000 : outcome.durationMs,
          maxMemoryUsedMB: failure.kind === 'oom' ? memorySizeMB : base.maxMemoryUsedMB,
          status: failure.kind === 'timeout' ? 'timeout' : 'error',
          errorType: failure.kind === 'timeout' ? undefined : failed.errorType,
        },
      };
    }
    // No spread here either (see invoke()): this is every successful invoke's report.
    const report: ReportFigures = { memorySizeMB, maxMemoryUsedMB: base.maxMemoryUsedMB, billedDurationMs: 0, durationMs: outcome.durationMs,
      status: 'success', initDurationMs: undefined };
    if (outcome.tooLarge) {
      const errorType = 'Function.ResponseSizeTooLarge';
      return { payload: platformError(errorType, platformMessages[errorType]), contentType: 'application/json', functionError: 'Unhandled',
        errorType, streamed, report: { ...report, status: 'error', errorType } };
    }
    if (outcome.invalidMode) {
      const errorType = 'Runtime.InvalidResponseModeHeader';
      return { payload: platformError(errorType, platformMessages[errorType]), contentType: 'application/json', functionError: 'Unhandled',
        errorType, streamed, report: { ...report, status: 'error', errorType } };
    }
    if (!posted) throw new Error('invoke ended without a response'); // the API refuses /next before an answer
    if (posted.kind === 'error') {
      return { payload: posted.payload, contentType: posted.contentType, functionError: 'Unhandled', errorType: posted.errorType, streamed,
        report: { ...report, status: 'error', errorType: posted.errorType ?? 'Runtime.Unknown' } };
    }
    return { payload: posted.payload, contentType: posted.contentType, streamed, report };
  }

  /** The payload and log lines of a platform-level failure (spec §5.3). */
  private failurePayload(fn: RunnableFunction, requestId: string, failure: Failure, platform: PlatformLog,
    emit: (line: string | undefined) => void): { payload: Buffer; errorType: string } {
    switch (failure.kind) {
      case 'timeout': {
        const seconds = fn.timeout.toFixed(2);
        emit(platform.timeout(requestId, fn.timeout));
        return { errorType: 'Sandbox.Timedout', payload: platformError('Sandbox.Timedout', fill(platformMessages['Sandbox.Timedout'], { requestId, seconds })) };
      }
      case 'oom': {
        const message = fill(platformMessages['Runtime.OutOfMemory'], { requestId });
        for (const line of platform.crash(requestId, message.slice(`RequestId: ${requestId} Error: `.length), 'Runtime.OutOfMemory')) emit(line);
        return { errorType: 'Runtime.OutOfMemory', payload: platformError('Runtime.OutOfMemory', message) };
      }
      case 'exit': {
        for (const line of platform.crash(requestId, failure.message, 'Runtime.ExitError')) emit(line);
        return { errorType: 'Runtime.ExitError', payload: platformError('Runtime.ExitError', `RequestId: ${requestId} Error: ${failure.message}`) };
      }
      case 'entrypoint': {
        const message = fill(platformMessages['Runtime.InvalidEntrypoint'], { requestId, paths: failure.paths.join(' ') });
        for (const line of platform.crash(requestId, message.slice(`RequestId: ${requestId} Error: `.length), 'Runtime.InvalidEntrypoint')) emit(line);
        return { errorType: 'Runtime.InvalidEntrypoint', payload: platformError('Runtime.InvalidEntrypoint', message) };
      }
      case 'initError':
        return { errorType: failure.errorType, payload: failure.payload };
    }
  }

  /** START, END and REPORT of an invoke whose environment never got through init. */
  private initFailureResult(fn: RunnableFunction, requestId: string, failure: Failure, initMs: number, peakMB: number, platform: PlatformLog,
    emit: (line: string | undefined) => void, logs: LogBuffer): InvokeResult {
    emit(platform.start(requestId, this.functionArn(fn)));
    const { payload, errorType } = this.failurePayload(fn, requestId, failure, platform, emit);
    const timedOut = failure.kind === 'timeout';
    const durationMs = timedOut ? fn.timeout * 1000 : initMs;
    const report: ReportFigures = {
      durationMs,
      billedDurationMs: billedDuration(durationMs),
      memorySizeMB: fn.memorySize,
      maxMemoryUsedMB: failure.kind === 'oom' ? fn.memorySize : Math.min(Math.max(1, peakMB), fn.memorySize),
      status: timedOut ? 'timeout' : 'error',
      errorType: timedOut ? undefined : errorType,
    };
    emit(platform.end(requestId, report, payload.length));
    emit(platform.report(requestId, report));
    return { requestId, payload, contentType: 'application/json', functionError: 'Unhandled', errorType, logs: logs.toArray(), report, coldStart: true, streamed: false };
  }
}

function initStatus(failure: Failure): { status: 'error' | 'timeout'; errorType?: string } {
  switch (failure.kind) {
    case 'timeout':
      return { status: 'timeout' };
    case 'oom':
      return { status: 'error', errorType: 'Runtime.OutOfMemory' };
    case 'exit':
      return { status: 'error', errorType: 'Runtime.ExitError' };
    case 'entrypoint':
      return { status: 'error', errorType: 'Runtime.InvalidEntrypoint' };
    case 'initError':
      return { status: 'error', errorType: failure.errorType };
  }
}

/** Environments are reused only for the same code and configuration. */
function environmentKey(fn: RunnableFunction, launch: RuntimeLaunch, vars: Record<string, string>, format: string): string {
  return [fn.functionName, fn.codeDir, fn.handler ?? '', launch.runtime, launch.command, fn.memorySize, fn.timeout, format,
    fn.logging.applicationLogLevel ?? '', fn.logging.logGroup ?? '', JSON.stringify(vars), fn.layers.map((l) => l.contentDir).join(path.delimiter)].join('\0');
}

/** An X-Ray trace header, as Lambda passes one to every invoke (not sampled). */
function newTraceId(): string {
  const time = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
  const random = randomHex(40);
  return `Root=1-${time}-${random.slice(0, 24)};Parent=${random.slice(24)};Sampled=0`;
}

function checkCodeDir(fn: RunnableFunction): void {
  let isDirectory = false;
  try {
    isDirectory = fs.statSync(fn.codeDir).isDirectory();
  } catch {
    // missing
  }
  if (!isDirectory) throw errors.codeDirMissing(fn.functionName, fn.codeDir);
}

