// The lines Lambda's platform writes into a function's log stream, in TEXT and JSON formats (spec §3.1, §3.6).
import type { ReportFigures } from './types';

export type PlatformFormat = 'Text' | 'JSON';

export interface InitReport {
  durationMs: number;
  phase: 'init' | 'invoke';
  status: 'success' | 'error' | 'timeout';
  errorType?: string;
}

const SYSTEM_LEVELS = ['DEBUG', 'INFO', 'WARN'];

/** Formats platform lines for one function; JSON records below the SystemLogLevel are dropped (returns undefined). */
export class PlatformLog {
  private readonly minimum: number;

  constructor(
    private readonly format: PlatformFormat,
    private readonly functionName: string,
    systemLogLevel = 'INFO',
  ) {
    this.minimum = Math.max(0, SYSTEM_LEVELS.indexOf(systemLogLevel.toUpperCase()));
  }

  initStart(runtimeVersion: string, runtimeVersionArn: string, phase: 'init' | 'invoke'): string | undefined {
    if (this.format === 'Text') return `INIT_START Runtime Version: ${runtimeVersion}\tRuntime Version ARN: ${runtimeVersionArn}`;
    return this.json('INFO', 'platform.initStart', {
      initializationType: 'on-demand',
      phase,
      runtimeVersion,
      runtimeVersionArn,
      functionName: this.functionName,
      functionVersion: '$LATEST',
    });
  }

  initReport(report: InitReport): string | undefined {
    if (this.format === 'Text') {
      const tail = report.status === 'timeout' ? '\tStatus: timeout' : `\tStatus: error\tError Type: ${report.errorType ?? 'Runtime.Unknown'}`;
      return `INIT_REPORT Init Duration: ${report.durationMs.toFixed(2)} ms\tPhase: ${report.phase}${tail}`;
    }
    return this.json('INFO', 'platform.initReport', {
      initializationType: 'on-demand',
      phase: report.phase,
      status: report.status,
      ...(report.errorType ? { errorType: report.errorType } : {}),
      metrics: { durationMs: round2(report.durationMs) },
    });
  }

  start(requestId: string, functionArn: string): string | undefined {
    if (this.format === 'Text') return `START RequestId: ${requestId} Version: $LATEST`;
    return this.json('INFO', 'platform.start', { requestId, functionArn, version: '$LATEST' });
  }

  /** TEXT only: in JSON the runtimeDone/report records carry it. */
  end(requestId: string, report: ReportFigures, producedBytes: number): string | undefined {
    if (this.format === 'Text') return `END RequestId: ${requestId}`;
    return this.json('DEBUG', 'platform.runtimeDone', {
      requestId,
      status: report.status === 'success' ? 'success' : report.status === 'timeout' ? 'timeout' : 'error',
      ...(report.errorType ? { errorType: report.errorType } : {}),
      metrics: { durationMs: round2(report.durationMs), producedBytes },
    });
  }

  report(requestId: string, r: ReportFigures): string | undefined {
    if (this.format === 'Text') {
      let line =
        `REPORT RequestId: ${requestId}\tDuration: ${r.durationMs.toFixed(2)} ms\tBilled Duration: ${r.billedDurationMs} ms\t` +
        `Memory Size: ${r.memorySizeMB} MB\tMax Memory Used: ${r.maxMemoryUsedMB} MB\t`;
      if (r.initDurationMs !== undefined) line += `Init Duration: ${r.initDurationMs.toFixed(2)} ms\t`;
      if (r.status === 'timeout') line += 'Status: timeout\t';
      else if (r.status === 'error') line += `Status: error\tError Type: ${r.errorType ?? 'Runtime.Unknown'}\t`;
      return line;
    }
    return this.json('INFO', 'platform.report', {
      requestId,
      metrics: {
        durationMs: round2(r.durationMs),
        billedDurationMs: r.billedDurationMs,
        memorySizeMB: r.memorySizeMB,
        maxMemoryUsedMB: r.maxMemoryUsedMB,
        ...(r.initDurationMs !== undefined ? { initDurationMs: round2(r.initDurationMs) } : {}),
      },
      status: r.status,
      ...(r.errorType && r.status === 'error' ? { errorType: r.errorType } : {}),
    });
  }

  /** `<ISO> <id> Task timed out after 3.00 seconds` (TEXT only). */
  timeout(requestId: string, seconds: number): string | undefined {
    if (this.format !== 'Text') return undefined;
    return `${new Date().toISOString()} ${requestId} Task timed out after ${seconds.toFixed(2)} seconds`;
  }

  /** The two lines of a runtime crash (TEXT only). */
  crash(requestId: string, message: string, errorType: string): string[] {
    if (this.format !== 'Text') return [];
    return [`RequestId: ${requestId} Error: ${message}`, errorType];
  }

  private json(level: string, type: string, record: Record<string, unknown>): string | undefined {
    if (SYSTEM_LEVELS.indexOf(level) < this.minimum) return undefined;
    return JSON.stringify({ time: new Date().toISOString(), type, record });
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Billed Duration = ceil(Duration + Init Duration) (1 ms granularity; INIT billed since August 2025). */
export function billedDuration(durationMs: number, initDurationMs?: number): number {
  return Math.ceil(round2(durationMs) + (initDurationMs === undefined ? 0 : round2(initDurationMs)));
}
