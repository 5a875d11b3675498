// The editor's Python breakpoints as last set, under ids of the adapter's own. The editor sets them before debugpy
// listens (and again for each restart, to a new debugpy), so the adapter answers for them itself and hands them on.
import type { DebugProtocol } from '@vscode/debugprotocol';

/** Files debugpy can stop in. Breakpoints elsewhere belong to other debuggers. */
export function isPythonSource(source: DebugProtocol.Source): boolean {
  return /\.pyw?$/i.test(source.path ?? '');
}

export interface SourceBreakpoints {
  args: DebugProtocol.SetBreakpointsArguments;
  ids: number[];
}

export class BreakpointStore {
  // Well away from debugpy's own ids (from 0), should one ever leak through.
  private nextId = 100_000;
  private readonly bySource = new Map<string, SourceBreakpoints>();
  /** The exception filters the editor chose, if it has said. */
  exceptionFilters?: DebugProtocol.SetExceptionBreakpointsArguments;

  /** Records the breakpoints of one source (replacing its earlier ones) and returns them with ids, unverified. */
  set(args: DebugProtocol.SetBreakpointsArguments): SourceBreakpoints {
    const key = args.source.path ?? `#${args.source.sourceReference ?? 0}`;
    const ids = (args.breakpoints ?? []).map(() => this.nextId++);
    const entry = { args, ids };
    if (ids.length) this.bySource.set(key, entry);
    else this.bySource.delete(key);
    return entry;
  }

  pythonSources(): SourceBreakpoints[] {
    return [...this.bySource.values()].filter((entry) => isPythonSource(entry.args.source));
  }
}

/** The adapter's answer for one source: debugpy's verdict (when there is one) under the adapter's ids. */
export function withIds(entry: SourceBreakpoints, verdicts?: DebugProtocol.Breakpoint[], reason?: string): DebugProtocol.Breakpoint[] {
  const requested = entry.args.breakpoints ?? [];
  return entry.ids.map((id, index) => {
    const verdict = verdicts?.[index];
    if (verdict) return { ...verdict, id };
    return { id, verified: false, line: requested[index]?.line, ...(reason ? { message: reason } : {}) };
  });
}
