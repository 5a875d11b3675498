// The log lines an invoke result keeps. Every line is still streamed as it happens (onLog); the result keeps the
// most recent ones up to a bound, so a function that logs gigabytes cannot exhaust the runner's memory.

export const MAX_KEPT_LOG_CHARS = 16 * 1024 * 1024;

export class LogBuffer {
  private lines: string[] = [];
  private head = 0;
  private chars = 0;
  private dropped = 0;

  constructor(private readonly limit = MAX_KEPT_LOG_CHARS) {}

  push(line: string): void {
    this.lines.push(line);
    this.chars += line.length;
    while (this.chars > this.limit && this.head < this.lines.length - 1) {
      this.chars -= this.lines[this.head].length;
      this.head++;
      this.dropped++;
    }
    // Compact now and then rather than shifting on every drop.
    if (this.head > 1024 && this.head * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.head);
      this.head = 0;
    }
  }

  toArray(): string[] {
    const kept = this.lines.slice(this.head);
    if (this.dropped === 0) return kept;
    return [`[lambda-workbench] ${this.dropped} earlier log lines are not kept in this result (over ${this.limit / 1024 / 1024} MB); they were streamed as they happened`, ...kept];
  }
}
