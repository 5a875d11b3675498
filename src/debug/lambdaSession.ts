// The `lambda` debug session: it owns the Lambda side of debugging — starts the environment under the debugger,
// delivers the event, writes the log lines and the result to the Debug Console, ends when the invoke ends — and
// leaves stepping to the language's own debugger: VS Code's JavaScript debugger as a child session (startDebugging),
// debugpy as a child session, or debugpy through this session (PythonProxy) when the editor has no Python debugger.
// No `vscode` import: the same class runs inline in the extension and standalone (debugAdapter.ts).
import { DebugSession, Event, ExitedEvent, InitializedEvent, OutputEvent, TerminatedEvent } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { probeNodeRuntimes } from '../runner/runtimes';
import type { DebugEndpoint, InvokeResult } from '../runner/types';
import { nodeAttachConfiguration, pythonAttachConfiguration } from './attachConfig';
import { BreakpointStore } from './breakpointStore';
import type { LambdaLaunchArguments } from './launchArgs';
import { LambdaRun } from './lambdaRun';
import { answerBeforeConnected, PythonProxy } from './pythonProxy';
import { type LaunchPlan, resolveLaunch } from './resolveLaunch';

/** The custom event carrying an invoke's result, for the editor to show as a normal invoke does. */
export const RESULT_EVENT = 'lambdaResult';
const START_DEBUGGING_TIMEOUT_MS = 30_000;

export interface LambdaResultBody {
  functionName: string;
  /** The function's settings as it ran (a run without a template has no other record of them). */
  memorySize: number;
  timeout: number;
  architecture: 'x86_64' | 'arm64';
  requestId: string;
  /** The payload, as Lambda's Invoke API returns it. */
  payload: string;
  functionError?: string;
  errorType?: string;
  durationMs: number;
  /** Milliseconds stopped in the debugger (not counted in the duration or against the timeout). */
  pausedMs: number;
  logs: string[];
}

export class LambdaDebugSession extends DebugSession {
  private clientArgs: DebugProtocol.InitializeRequestArguments = { adapterID: 'lambda' };
  private readonly store = new BreakpointStore();
  private markConfigured: () => void = () => undefined;
  private readonly configured = new Promise<void>((resolve) => (this.markConfigured = resolve));
  private launchArgs?: LambdaLaunchArguments;
  private run?: LambdaRun;
  private python?: PythonProxy;
  /** Bumped by every stop and restart, so a finished run's late news is not taken for the current one's. */
  private generation = 0;

  /**
   * Finds out ahead of a launch what a launch for these runtimes would otherwise learn on its own path, synchronously:
   * which node runs a nodejs function, with the runtime binaries the launch will be given (the editor's setting).
   */
  static prepare(runtimes: readonly string[], binaries: Record<string, string> = {}): Promise<void> {
    return probeNodeRuntimes(runtimes, { binaries, env: process.env });
  }

  protected initializeRequest(response: DebugProtocol.InitializeResponse, args: DebugProtocol.InitializeRequestArguments): void {
    this.clientArgs = args;
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsTerminateRequest: true,
      supportsRestartRequest: true,
    };
    this.sendResponse(response);
    this.sendEvent(new InitializedEvent());
  }

  protected configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.markConfigured();
    this.sendResponse(response);
  }

  protected launchRequest(response: DebugProtocol.LaunchResponse, args: LambdaLaunchArguments): void {
    this.launchArgs = args;
    void this.answerStart(response, args);
  }

  /** A fresh invoke in a fresh environment, with the launch arguments given (or the last ones). */
  protected restartRequest(response: DebugProtocol.RestartResponse, args: DebugProtocol.RestartArguments | undefined): void {
    const launchArgs: LambdaLaunchArguments | undefined = args?.arguments ?? this.launchArgs;
    if (!launchArgs) return this.sendErrorResponse(response, { id: 1, format: 'Nothing to restart: the session was never launched', showUser: true });
    this.launchArgs = launchArgs;
    void this.stopRun().then(() => this.answerStart(response, launchArgs));
  }

  protected terminateRequest(response: DebugProtocol.TerminateResponse): void {
    void this.stopRun().then(() => {
      this.sendResponse(response);
      this.sendEvent(new TerminatedEvent());
    });
  }

  /** Stop: the environment is killed, and no process is left behind. */
  protected disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    void this.stopRun().then(() => {
      this.sendResponse(response);
      this.shutdown();
    });
  }

  /** Inline in the editor, the adapter is disposed with the session: nothing of it may stay behind. */
  dispose(): void {
    void this.stopRun();
    super.dispose();
  }

  /** Stepping requests go to debugpy through PythonProxy; with a child debugger, they go to the child instead. */
  protected dispatchRequest(request: DebugProtocol.Request): void {
    if (PythonProxy.forwards(request.command)) {
      const python = this.python;
      if (python) void python.answer(request).then((answer) => this.sendResponse(answer));
      else this.sendResponse(answerBeforeConnected(request, this.store));
      return;
    }
    super.dispatchRequest(request);
  }

  // ---- the run ----

  private async answerStart(response: DebugProtocol.Response, args: LambdaLaunchArguments): Promise<void> {
    try {
      await this.startRun(args);
      this.sendResponse(response);
    } catch (error) {
      this.sendErrorResponse(response, { id: 1, format: (error as Error).message, showUser: true });
    }
  }

  /** Starts an invoke and returns once its debugger listens (and the attaching has begun), or it has ended. */
  private async startRun(args: LambdaLaunchArguments): Promise<void> {
    const plan = resolveLaunch(args);
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    this.output(`Lambda Workbench: invoking ${plan.label} (${plan.fn.runtime}) with ${plan.eventSource}\n`, 'console');
    let childAsked = false;
    const run = new LambdaRun(plan, { debug: !args.noDebug, port: args.debugPort ?? 0 }, {
      onLog: (line) => current() && this.output(`${line}\n`, 'stdout'),
      onWarning: (message) => current() && this.output(`Lambda Workbench: ${message}\n`, 'console'),
      // VS Code's JavaScript debugger sets out while the environment starts: its sessions take longer to set up than
      // the inspector to listen, and it retries until the inspector does.
      onPortChosen: (endpoint) => {
        if (!current() || plan.family !== 'nodejs') return;
        childAsked = true;
        this.startChild(nodeAttachConfiguration(this.childName(plan), plan.fn, endpoint), `${endpoint.host}:${endpoint.port}`);
      },
    });
    this.run = run;
    void run.finished.then(
      (result) => current() && this.finish(plan, result),
      (error: Error) => current() && run.started && this.end(`Lambda Workbench: ${error.message}\n`, 1),
    );
    const endpoint = await run.listening;
    if (endpoint && current()) this.attach(plan, endpoint, args, current, childAsked);
  }

  private childName(plan: LaunchPlan): string {
    return `${plan.label} (${plan.fn.runtime})`;
  }

  /** The debugger listens: says so, and attaches the language's debugger unless it has set out already. */
  private attach(plan: LaunchPlan, endpoint: DebugEndpoint, args: LambdaLaunchArguments, current: () => boolean, childAsked: boolean): void {
    const where = `${endpoint.host}:${endpoint.port}`;
    const name = this.childName(plan);
    if (plan.family === 'nodejs') {
      this.output(`Lambda Workbench: ${endpoint.debugger} listening on ${where}, waiting for the debugger\n`, 'console');
      if (!childAsked) this.startChild(nodeAttachConfiguration(name, plan.fn, endpoint), where);
      return;
    }
    this.output(`Lambda Workbench: ${endpoint.debugger} listening on ${where} in ${endpoint.interpreter}, waiting for the debugger\n`, 'console');
    const justMyCode = args.justMyCode ?? true;
    if (args.pythonDebugger === 'child' && this.clientArgs.supportsStartDebuggingRequest) {
      this.startChild(pythonAttachConfiguration(name, endpoint, justMyCode), where);
      return;
    }
    const host = { sendEvent: (event: DebugProtocol.Event) => this.sendEvent(event), clientArgs: this.clientArgs, store: this.store, configured: this.configured };
    const onClose = () => {
      if (current()) this.python = undefined;
    };
    PythonProxy.attach(host, endpoint, justMyCode, onClose).then(
      (proxy) => {
        if (current()) this.python = proxy;
        else proxy.close();
      },
      (error: Error) => current() && this.output(`Lambda Workbench: cannot talk to debugpy on ${where}: ${error.message}\n`, 'stderr'),
    );
  }

  /** Asks the editor to attach its own debugger (DAP reverse request `startDebugging`). */
  private startChild(configuration: Record<string, unknown>, where: string): void {
    if (!this.clientArgs.supportsStartDebuggingRequest) {
      this.output(`Lambda Workbench: this editor cannot start a child debug session — attach a ${String(configuration.type)} debugger to ${where}\n`, 'console');
      return;
    }
    this.sendRequest('startDebugging', { request: 'attach', configuration }, START_DEBUGGING_TIMEOUT_MS, (response) => {
      if (!response.success) {
        this.output(`Lambda Workbench: the editor could not attach its ${String(configuration.type)} debugger (${response.message}) — attach one to ${where}\n`, 'stderr');
      }
    });
  }

  private finish(plan: LaunchPlan, result: InvokeResult): void {
    const payload = result.payload.toString('utf8');
    const body: LambdaResultBody = {
      functionName: plan.fn.functionName,
      memorySize: plan.fn.memorySize,
      timeout: plan.fn.timeout,
      architecture: plan.fn.architecture,
      requestId: result.requestId,
      payload,
      functionError: result.functionError,
      errorType: result.errorType,
      durationMs: result.report.durationMs,
      pausedMs: Math.round(result.pausedMs ?? 0),
      logs: result.logs,
    };
    this.output(`${payload}\n`, result.functionError ? 'stderr' : 'stdout');
    this.sendEvent(new Event(RESULT_EVENT, body));
    const paused = body.pausedMs ? `, ${(body.pausedMs / 1000).toFixed(1)} s stopped in the debugger (not counted)` : '';
    const outcome = result.functionError ? `failed (${result.errorType ?? 'Unhandled'})` : 'returned';
    this.end(`Lambda Workbench: ${plan.label} ${outcome} in ${result.report.durationMs.toFixed(2)} ms${paused}\n`, result.functionError ? 1 : 0);
  }

  /**
   * The invoke has ended: the session ends, and the environment stays until the client disconnects (or restarts), so
   * the child debugger still attached to it gets its last answers (a process killed under js-debug's Continue fails it
   * with "Unable to resume").
   */
  private end(message: string, exitCode: number): void {
    this.generation++;
    this.python?.close();
    this.python = undefined;
    this.output(message, 'console');
    this.sendEvent(new ExitedEvent(exitCode));
    this.sendEvent(new TerminatedEvent());
  }

  private async stopRun(): Promise<void> {
    this.generation++;
    this.python?.close();
    this.python = undefined;
    const run = this.run;
    this.run = undefined;
    await run?.stop();
  }

  private output(text: string, category: 'console' | 'stdout' | 'stderr'): void {
    this.sendEvent(new OutputEvent(text, category));
  }
}
