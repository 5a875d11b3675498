// The platform's clock for one environment: real time minus the time a debugger held the process. Lambda's limits
// (the init limit, the function timeout) and the reported durations run on it, so a function stopped at a
// breakpoint, or waiting for a debugger to attach, never times out and is not charged for the wait.

/** Why the clock is stopped; it runs again once no reason is left. */
export type PauseReason = 'attach' | 'debugger';

/** Monotonic milliseconds. Not monotonicMs(): the first use of `performance` loads perf_hooks, a cold-start cost. */
function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export class PauseClock {
  private readonly reasons = new Set<PauseReason>();
  /** monotonicMs() when the current pause began. */
  private pausedAt?: number;
  /** Milliseconds spent paused before the current pause. */
  private pausedBefore = 0;
  private timer?: { dueAt: number; fire: () => void; handle?: NodeJS.Timeout };

  get paused(): boolean {
    return this.pausedAt !== undefined;
  }

  /** Milliseconds of running time: what a duration or a limit is measured in. */
  now(): number {
    const real = monotonicMs();
    return real - this.pausedMs(real);
  }

  /** Milliseconds spent paused so far, the current pause included. */
  pausedMs(real = monotonicMs()): number {
    return this.pausedBefore + (this.pausedAt === undefined ? 0 : real - this.pausedAt);
  }

  pause(reason: PauseReason): void {
    this.reasons.add(reason);
    if (this.pausedAt !== undefined) return;
    this.pausedAt = monotonicMs();
    clearTimeout(this.timer?.handle);
  }

  resume(reason: PauseReason): void {
    this.reasons.delete(reason);
    if (this.pausedAt === undefined || this.reasons.size > 0) return;
    this.pausedBefore += monotonicMs() - this.pausedAt;
    this.pausedAt = undefined;
    this.arm();
  }

  /** Calls `fire` once `ms` of running time have passed; replaces the timer set before, if any. */
  setTimer(ms: number, fire: () => void): void {
    this.clearTimer();
    this.timer = { dueAt: this.now() + ms, fire };
    if (!this.paused) this.arm();
  }

  clearTimer(): void {
    clearTimeout(this.timer?.handle);
    this.timer = undefined;
  }

  private arm(): void {
    const timer = this.timer;
    if (!timer) return;
    clearTimeout(timer.handle);
    timer.handle = setTimeout(() => {
      if (this.timer !== timer) return;
      this.timer = undefined;
      timer.fire();
    }, Math.max(0, timer.dueAt - this.now()));
  }
}
