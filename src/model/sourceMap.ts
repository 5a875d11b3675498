// Where each part of a parsed template came from. The template is turned into plain objects and arrays; this map
// remembers, for each of those objects, the offset of its node and of each entry's key and value, so an error about
// `Properties.MemorySize` can name its line and column. Offsets become line/column only when asked for.
import type { LineCounter } from 'yaml';
import type { SourceLocation } from './types';

interface EntryOffsets {
  key: number;
  value: number;
}

export class SourceMap {
  private readonly nodes = new WeakMap<object, number>();
  private readonly entries = new WeakMap<object, Map<string | number, EntryOffsets>>();
  private readonly numbers = new WeakMap<object, Map<string, string>>();

  /** The template's top-level value, once parsed. */
  root: unknown = undefined;

  constructor(readonly file: string, private readonly lines: LineCounter) {}

  /** Record where a plain object or array (or an intrinsic built from a tag) starts. */
  setNode(value: object, offset: number): void {
    this.nodes.set(value, offset);
  }

  /** Record where the key and the value of `container[key]` are. */
  setEntry(container: object, key: string | number, keyOffset: number, valueOffset: number): void {
    let map = this.entries.get(container);
    if (!map) {
      map = new Map();
      this.entries.set(container, map);
    }
    map.set(key, { key: keyOffset, value: valueOffset });
  }

  /** Remember how a number was written (`1.0`, `0x1F`) when its value would print differently (`1`, `31`). */
  setNumberText(container: object, key: string, text: string): void {
    let map = this.numbers.get(container);
    if (!map) {
      map = new Map();
      this.numbers.set(container, map);
    }
    map.set(key, text);
  }

  /** How the number at `container[key]` was written, when that differs from its value. */
  numberText(container: unknown, key: string): string | undefined {
    return typeof container === 'object' && container !== null ? this.numbers.get(container)?.get(key) : undefined;
  }

  /** Where an object, array or intrinsic of the template is, if it came from the template. */
  of(value: unknown): SourceLocation | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const offset = this.nodes.get(value);
    return offset === undefined ? undefined : this.at(offset);
  }

  /** Where the key `key` of `container` is written (the start of `Handler:`). */
  keyOf(container: unknown, key: string | number): SourceLocation | undefined {
    const entry = this.entry(container, key);
    return entry ? this.at(entry.key) : undefined;
  }

  /** Where the value of `container[key]` is written. */
  valueOf(container: unknown, key: string | number): SourceLocation | undefined {
    const entry = this.entry(container, key);
    return entry ? this.at(entry.value) : undefined;
  }

  /** The first 1-based line/column of the template. */
  start(): SourceLocation {
    return { file: this.file, line: 1, column: 1 };
  }

  at(offset: number): SourceLocation {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col };
  }

  private entry(container: unknown, key: string | number): EntryOffsets | undefined {
    if (typeof container !== 'object' || container === null) return undefined;
    return this.entries.get(container)?.get(key);
  }
}
