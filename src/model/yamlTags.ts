// Template text (YAML or JSON) → plain values. CloudFormation's short tags (`!Ref X`, `!Sub ...`, `!GetAtt A.B`)
// become their long forms (`{Ref: X}`, `{'Fn::Sub': ...}`, `{'Fn::GetAtt': 'A.B'}`), so the resolver sees one shape.
// Walking the yaml node tree ourselves (instead of registering tags) gives every object its source position.
import type * as Yaml from 'yaml';
import type { Node } from 'yaml';

// The yaml package costs tens of milliseconds to start; a run that reads no template (invoke --handler) never pays.
let loaded: typeof Yaml | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = (): typeof Yaml => (loaded ??= require('yaml') as typeof Yaml);
import { TemplateError, templateWarning } from './errors';
import { SourceMap } from './sourceMap';
import type { TemplateWarning } from './types';
import { scalarText } from './values';

/** Short tags CloudFormation accepts, by the long key they stand for. */
const SHORT_TAGS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!ImportValue': 'Fn::ImportValue',
  '!GetAZs': 'Fn::GetAZs',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Transform': 'Fn::Transform',
};

export interface ParsedTemplate {
  value: unknown;
  sourceMap: SourceMap;
}

/** Parse the text of a template; throws TemplateError with line and column for syntax errors. */
export function parseTemplateSource(text: string, file: string, warnings: TemplateWarning[]): ParsedTemplate {
  const lines = new (yaml().LineCounter)();
  const doc = withoutStackTraces(() =>
    // prettyErrors off: we format our own one-line messages, and building code frames costs time.
    yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, merge: false }));
  const sourceMap = new SourceMap(file, lines);
  if (/\.json$/i.test(file) || /^\s*\{\s*"/.test(text)) checkJson(text, sourceMap);
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    throw new TemplateError(sourceMap.at(syntaxError.pos[0]), syntaxError.message, 'fix the YAML syntax');
  }
  const converter = new Converter(text, sourceMap, warnings);
  sourceMap.root = converter.convert(doc.contents);
  return { value: sourceMap.root, sourceMap };
}

/**
 * A JSON template must be strict JSON (CloudFormation rejects trailing commas and comments that YAML's flow style
 * would accept). JSON.parse is native and fast; it only reports the offset, which becomes a line and column.
 */
function checkJson(text: string, sourceMap: SourceMap): void {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = /at position (\d+)/.exec(message);
    const where = offset ? sourceMap.at(Number(offset[1])) : sourceMap.file;
    throw new TemplateError(where, message.replace(/ in JSON at position \d+.*$/, ''), 'fix the JSON syntax');
  }
}

/**
 * The yaml package records an "Unresolved tag" warning (an Error) for every `!Ref`/`!Sub`; capturing their stack
 * traces is a fifth of the parse time of a typical template, and nobody reads them.
 */
function withoutStackTraces<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

class Converter {
  /** Anchor name → its node, in document order (an alias refers to the last anchor of that name before it). */
  private readonly anchors = new Map<string, Node>();
  /** Anchored nodes already converted, so aliases share one value. */
  private readonly done = new Map<Node, unknown>();
  /** Anchored nodes being converted: an alias to one of them (a cycle) becomes null. */
  private readonly open = new Set<Node>();

  constructor(private readonly text: string, private readonly sourceMap: SourceMap, private readonly warnings: TemplateWarning[]) {}

  convert(node: unknown): unknown {
    if (node === null || node === undefined) return null;
    if (yaml().isAlias(node)) {
      const target = this.anchors.get(node.source);
      return target && !this.open.has(target) ? this.convert(target) : null;
    }
    if (!yaml().isScalar(node) && !yaml().isMap(node) && !yaml().isSeq(node)) return null;
    if (node.anchor) {
      if (this.done.has(node)) return this.done.get(node);
      this.anchors.set(node.anchor, node);
      this.open.add(node);
    }

    let value: unknown;
    if (yaml().isScalar(node)) value = node.value ?? null;
    else if (yaml().isMap(node)) value = this.convertMap(node.items);
    else value = this.convertSeq(node.items);
    const offset = node.range?.[0] ?? 0;
    if (typeof value === 'object' && value !== null) this.sourceMap.setNode(value, offset);

    const tag = node.tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) value = this.applyTag(tag, value, offset);
    if (node.anchor) {
      this.done.set(node, value);
      this.open.delete(node);
    }
    return value;
  }

  private convertMap(items: unknown[]): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const merges: unknown[] = [];
    for (const pair of items) {
      if (!yaml().isPair(pair)) continue;
      const rawKey = this.convert(pair.key);
      const key = rawKey === null ? '' : scalarText(rawKey) ?? JSON.stringify(rawKey);
      const value = this.convert(pair.value);
      if (key === '<<' && yaml().isScalar(pair.key) && pair.key.source === '<<') {
        merges.push(value); // YAML merge key: copied in after the explicit keys, which win.
        continue;
      }
      if (key === '__proto__') {
        // Assigning it would replace the object's prototype; no CloudFormation property is called that.
        this.warnings.push(templateWarning(this.sourceMap.at(this.start(pair.key)), 'The key __proto__ is ignored', 'rename it'));
        continue;
      }
      result[key] = value;
      this.sourceMap.setEntry(result, key, this.start(pair.key), this.start(pair.value ?? pair.key));
      if (typeof value === 'number' && yaml().isScalar(pair.value) && pair.value.source && pair.value.source !== String(value)) {
        this.sourceMap.setNumberText(result, key, pair.value.source);
      }
    }
    for (const merged of merges.flat()) {
      if (typeof merged !== 'object' || merged === null || Array.isArray(merged)) continue;
      for (const [key, value] of Object.entries(merged)) if (!Object.hasOwn(result, key)) result[key] = value;
    }
    return result;
  }

  private convertSeq(items: unknown[]): unknown[] {
    const result: unknown[] = [];
    items.forEach((item, index) => {
      result.push(this.convert(item));
      this.sourceMap.setEntry(result, index, this.start(item), this.start(item));
    });
    return result;
  }

  private applyTag(tag: string, value: unknown, offset: number): unknown {
    const key = SHORT_TAGS[tag];
    if (!key) {
      this.warnings.push(templateWarning(this.sourceMap.at(this.tagOffset(tag, offset)), `Unknown tag ${tag}`, 'CloudFormation does not know it; the value is read without it'));
      return value;
    }
    const intrinsic = { [key]: value ?? '' };
    this.sourceMap.setNode(intrinsic, this.tagOffset(tag, offset));
    return intrinsic;
  }

  /** Where a node starts, its tag included. */
  private start(node: unknown): number {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    const offset = range ? range[0] : 0;
    const tag = (node as { tag?: string } | null)?.tag;
    return tag && tag.startsWith('!') ? this.tagOffset(tag, offset) : offset;
  }

  /** Where `!Tag` is written before its value (the node's own range starts after the tag). */
  private tagOffset(tag: string, valueOffset: number): number {
    const start = this.text.lastIndexOf(tag, valueOffset);
    if (start < 0 || this.text.slice(start + tag.length, valueOffset).trim() !== '') return valueOffset;
    return start;
  }
}
