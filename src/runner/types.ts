// The runner's public contract: what the CLI, the extension, the debug adapter and the tests call.
import type { FunctionModel, LogFormat } from '../model/types';

/** Everything the runner needs to know about a function. A FunctionModel from a template satisfies it. */
export type RunnableFunction = Pick<
  FunctionModel,
  'functionName' | 'codeDir' | 'handler' | 'runtime' | 'memorySize' | 'timeout' | 'environment' | 'architecture' | 'ephemeralStorage' | 'logging'
> & {
  logicalId?: string;
  /** Local layer content folders, in order (what Lambda mounts at /opt). */
  layers: { contentDir: string }[];
};

export interface RunnerOptions {
  /** Default `us-east-1` (or AWS_REGION / AWS_DEFAULT_REGION of the caller). */
  region?: string;
  /** Default `123456789012`. */
  accountId?: string;
  /** Interpreter per runtime id, e.g. `{ "nodejs22.x": "/opt/node22/bin/node", "python3.12": "/usr/bin/python3.12" }`. */
  runtimeBinaries?: Record<string, string>;
  /** Overrides each function's LoggingConfig.LogFormat. */
  logFormat?: LogFormat;
  /** Extra variables per function (SAM `--env-vars`), validated like template variables. */
  envOverrides?: Record<string, string>;
  /** Called with every log line of every invoke, as it happens (platform lines and the function's output). */
  onLog?: (line: string, fn: RunnableFunction) => void;
  /** Warnings for the user that are not log lines (runtime version mismatch, ...). */
  onWarning?: (message: string) => void;
  /** Keep environments frozen between invokes (default true). */
  freeze?: boolean;
  /**
   * One invoke per environment (default false): each is ended as soon as its result is in, so its process goes
   * while the END and REPORT lines and the payload are written out. For a caller that invokes once (the CLI).
   */
  singleUse?: boolean;
  /**
   * Start each environment's process through Node's own process handle, before node:net and node:child_process are
   * loaded (default false): ~8 ms sooner in a cold process. For a short-lived caller (the CLI); used on Node.js 20,
   * whose handle this is written and tested against, and child_process.spawn elsewhere.
   */
  spawnEarly?: boolean;
  /**
   * Watch each frozen environment from outside and end it should this process die without ending it (default
   * true). A short-lived caller that ends its environments on every exit path (the CLI) may turn it off.
   */
  watchdog?: boolean;
  /** The init phase limit; Lambda's is 10,000 ms for on-demand functions (tests shorten it). */
  initTimeoutMs?: number;
}

export interface InvokeOptions {
  /** JSON text for `Lambda-Runtime-Client-Context`. */
  clientContext?: string;
  /** JSON text for `Lambda-Runtime-Cognito-Identity`. */
  cognitoIdentity?: string;
  /** X-Ray header for `Lambda-Runtime-Trace-Id`. */
  traceId?: string;
  /** Content type of the event, default application/json. */
  contentType?: string;
  /** Called with this invoke's log lines as they happen. */
  onLog?: (line: string) => void;
  /** Called with each chunk of a streamed response as it arrives. */
  onChunk?: (chunk: Buffer) => void;
  /** Aborting kills the environment; the invoke resolves with an error result. */
  signal?: AbortSignal;
  /** Run this invoke in a new environment started under a debugger (Node.js and Python runtimes). */
  debug?: DebugOptions;
}

/**
 * A debug invoke: the environment starts with the Node.js inspector or debugpy listening on 127.0.0.1 and waits for a
 * debugger before it loads the handler, so breakpoints in module-level code bind too. Time spent waiting, stopped at
 * a breakpoint or stepping does not count against the init limit or the function's timeout, and the function's
 * remaining time leaves it out. The environment serves this one invoke and is then ended.
 */
export interface DebugOptions {
  /** The port to listen on; 0 or absent picks a free one. */
  port?: number;
  /** Called once the debugger listens (the environment then waits for a client). */
  onListening?: (endpoint: DebugEndpoint) => void;
  /**
   * Node.js, when no port is given: called before the environment starts, with the free port chosen for its inspector.
   * A debugger that retries its connection, as VS Code's does, can set out to attach while the environment starts
   * rather than after. `debugger` names no version yet: onListening's does.
   */
  onPortChosen?: (endpoint: DebugEndpoint) => void;
}

export interface DebugEndpoint {
  /** `inspector`: the Node.js inspector (Chrome DevTools Protocol); `dap`: debugpy (Debug Adapter Protocol). */
  protocol: 'inspector' | 'dap';
  host: string;
  port: number;
  /** The program that runs the environment (node, or the Python interpreter). */
  interpreter: string;
  /** What listens, e.g. `debugpy 1.6.3 (/usr/lib/python3/dist-packages/debugpy)`. */
  debugger: string;
  /** The bundled runtime's folder (runtimes/node or runtimes/python): what a debugger should step over. */
  runtimeDir: string;
}

export type ReportStatus = 'success' | 'error' | 'timeout';

/** The figures of the REPORT line. */
export interface ReportFigures {
  durationMs: number;
  billedDurationMs: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  /** Only on a cold start. */
  initDurationMs?: number;
  status: ReportStatus;
  errorType?: string;
}

export interface InvokeResult {
  requestId: string;
  /** Exactly the bytes Lambda's Invoke API would return: the result or the error document. */
  payload: Buffer;
  contentType: string;
  /** `Unhandled` when the function or the runtime failed (Invoke API header X-Amz-Function-Error). */
  functionError?: 'Unhandled';
  /** The errorType of the failure, when known. */
  errorType?: string;
  /** Every log line of this invoke, in order, without trailing newlines. */
  logs: string[];
  report: ReportFigures;
  /** True when this invoke started a new environment. */
  coldStart: boolean;
  /** True when the function used response streaming. */
  streamed: boolean;
  /** Debug invokes: milliseconds the debugger held the environment (left out of every duration and limit). */
  pausedMs?: number;
}
