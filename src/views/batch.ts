// Collects items (changed files) and hands them over together once none has arrived for a moment: a save that
// touches several files, or a burst of watcher events, becomes one refresh.
export class Batch<T> {
  private items = new Set<T>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly delayMs: number,
    private readonly flush: (items: T[]) => void,
  ) {}

  add(item: T): void {
    this.items.add(item);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flushNow(), this.delayMs);
  }

  /** Hands over what is pending at once. */
  flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.items.size === 0) return;
    const items = [...this.items];
    this.items = new Set();
    this.flush(items);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.items.clear();
  }
}
