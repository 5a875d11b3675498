// The recent invokes of this editor session, newest first, for the Recent Invocations view and "Show Result".
import type { InvocationRecord } from './invocationRecord';

export class InvocationHistory {
  private records: InvocationRecord[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly limit = 50) {}

  add(record: InvocationRecord): void {
    this.records = [record, ...this.records.filter((r) => r.id !== record.id)].slice(0, this.limit);
    for (const listener of this.listeners) listener();
  }

  get(id: string): InvocationRecord | undefined {
    return this.records.find((record) => record.id === id);
  }

  /** Newest first. */
  list(): readonly InvocationRecord[] {
    return this.records;
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}
