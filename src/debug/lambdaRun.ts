// One invoke of a debug session: a runner of its own, the environment started under the debugger, and the two moments
// the session cares about — when the debugger listens (time to attach) and when the invoke has ended.
import { Runner } from '../runner/runner';
import type { DebugEndpoint, InvokeResult } from '../runner/types';
import type { LaunchPlan } from './resolveLaunch';

export interface RunOutput {
  /** A log line of the invoke (platform lines and the function's output), as it happens. */
  onLog: (line: string) => void;
  onWarning: (message: string) => void;
  /**
   * Node.js on a port of the runner's choosing: where to attach, as soon as the port is chosen and before the
   * environment starts (VS Code's JavaScript debugger retries its connection until the inspector listens).
   */
  onPortChosen?: (endpoint: DebugEndpoint) => void;
}

export class LambdaRun {
  /** Resolves when the debugger listens; with undefined when the invoke ended first (or ran without a debugger). */
  readonly listening: Promise<DebugEndpoint | undefined>;
  /** The invoke's result; rejects when it could not run at all (e.g. no debugpy). */
  readonly finished: Promise<InvokeResult>;
  private readonly runner: Runner;
  private readonly abort = new AbortController();
  private announced = false;

  constructor(plan: LaunchPlan, options: { debug: boolean; port: number }, output: RunOutput) {
    this.runner = new Runner({
      region: plan.region,
      envOverrides: plan.envOverrides,
      runtimeBinaries: plan.runtimeBinaries,
      onWarning: output.onWarning,
    });
    let announce: (endpoint: DebugEndpoint | undefined) => void = () => undefined;
    this.listening = new Promise((resolve) => (announce = resolve));
    this.finished = this.runner.invoke(plan.fn, plan.event, {
      signal: this.abort.signal,
      onLog: output.onLog,
      debug: options.debug
        ? {
            port: options.port,
            onPortChosen: output.onPortChosen,
            onListening: (endpoint) => {
              this.announced = true;
              announce(endpoint);
            },
          }
        : undefined,
    });
    // Whatever happens, `listening` settles: with the failure when the invoke could not start.
    this.listening = Promise.race([this.listening, this.finished.then(() => undefined)]);
  }

  /** True once the debugger has listened: failures after that are the session's to report, not the launch's. */
  get started(): boolean {
    return this.announced;
  }

  /** Ends the environment (whatever it is doing) and leaves no process behind. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.runner.dispose();
  }
}
