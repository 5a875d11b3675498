// The extension's one long-lived Runner, so environments stay warm between invokes as Lambda's do, and the rules
// for dropping them: when a function's code or template changes (the next invoke is cold again, and the log says
// so), and when settings change (a new Runner takes over). Plain Node: tested with the real runner.
import type { FunctionModel } from '../model/types';
import { Runner } from '../runner/runner';
import type { InvokeOptions, InvokeResult, RunnerOptions } from '../runner/types';

export interface InvokeServiceOptions {
  /** Read when a Runner is created (at the first invoke, and after settings change). */
  runnerOptions: () => RunnerOptions;
  /** Lines for the user about environments (resets) and runtime warnings. */
  log: (line: string) => void;
}

/** Functions are told apart the way the runner's reset() matches them. */
function keyOf(fn: FunctionModel): string {
  return `${fn.functionName}\0${fn.codeDir}`;
}

export class InvokeService {
  private runner?: Runner;
  private readonly retired: Runner[] = [];
  private active = 0;
  private readonly inFlight = new Map<string, number>();
  /** Functions that have run since their last reset, so may have a warm environment. */
  private readonly warm = new Map<string, string>();
  /** Resets asked for while the function was running: done when its invoke ends. */
  private readonly pending = new Map<string, { fn: FunctionModel; reason: string }>();

  constructor(private readonly options: InvokeServiceOptions) {}

  async invoke(fn: FunctionModel, event: string | Buffer, invokeOptions: InvokeOptions = {}): Promise<InvokeResult> {
    const runner = (this.runner ??= new Runner({
      ...this.options.runnerOptions(),
      onWarning: (message) => this.options.log(`Warning: ${message}`),
    }));
    const key = keyOf(fn);
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    this.active++;
    try {
      const result = await runner.invoke(fn, event, invokeOptions);
      this.warm.set(key, fn.logicalId);
      return result;
    } finally {
      this.active--;
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
      const pending = this.pending.get(key);
      if (pending && left === 0) {
        this.pending.delete(key);
        await this.reset([pending.fn], pending.reason);
      }
      if (this.active === 0) await this.disposeRetired();
    }
  }

  /** Drops the warm environments of these functions; `reason` (e.g. `code changed`) goes into the log line. */
  async reset(fns: readonly FunctionModel[], reason: string): Promise<void> {
    const seen = new Set<string>();
    for (const fn of fns) {
      const key = keyOf(fn);
      if (seen.has(key)) continue;
      seen.add(key);
      if (this.inFlight.has(key)) {
        this.pending.set(key, { fn, reason });
        continue;
      }
      await this.runner?.reset(fn);
      if (this.warm.delete(key)) this.options.log(`${fn.logicalId}: ${reason} — its warm environment was reset, the next invoke starts cold`);
    }
  }

  /** Settings changed: later invokes get a new Runner with the new options; the old one ends once idle. */
  async reconfigure(): Promise<void> {
    if (!this.runner) return;
    this.retired.push(this.runner);
    this.runner = undefined;
    if (this.warm.size > 0) this.options.log('Settings changed — warm environments were reset, the next invokes start cold');
    this.warm.clear();
    this.pending.clear();
    if (this.active === 0) await this.disposeRetired();
  }

  /** Ends every environment (deactivate). */
  async dispose(): Promise<void> {
    const runners = [...this.retired.splice(0), ...(this.runner ? [this.runner] : [])];
    this.runner = undefined;
    this.warm.clear();
    await Promise.all(runners.map((runner) => runner.dispose()));
  }

  private async disposeRetired(): Promise<void> {
    await Promise.all(this.retired.splice(0).map((runner) => runner.dispose()));
  }
}
