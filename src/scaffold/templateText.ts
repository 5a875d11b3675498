// Adding resources to a template's text without touching anything else: the yaml package's Document API finds
// where the Resources mapping's last entry ends and how the file is indented; the new entries, rendered in that
// style, are spliced in there, so every other byte (comments, blank lines, quoting, odd spacing, key order) stays
// as it was. The result is parsed again and checked to be the old template plus the new resources.
import { isDeepStrictEqual } from 'node:util';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { errors } from '../errors';
import { DEFAULT_STYLE, jsonEntries, jsonValue, yaml, yamlEntries, yamlNode, type TextStyle } from './render';
import type { Resource } from './resources';

export interface ParsedTemplate {
  doc: Document.Parsed;
  /** The top-level mapping. */
  root: YAMLMap;
  json: boolean;
}

/** Parses a template for editing; a file that is not a YAML/JSON mapping is refused with its first error. */
export function parseForEdit(text: string, file: string): ParsedTemplate {
  const Y = yaml();
  const doc = Y.parseDocument(text, { prettyErrors: false, uniqueKeys: false, merge: false });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineAndColumn(text, error.pos[0]);
    throw errors.usage(`${file}:${line}:${col}: ${error.message.split('\n')[0]} — nothing was written; fix the template, then add the function`);
  }
  if (!Y.isMap(doc.contents)) throw errors.usage(`${file}: the template is not a mapping of sections — nothing was written; fix it, then add the function`);
  return { doc, root: doc.contents, json: /\.json$/i.test(file) || /^\uFEFF?\s*\{/.test(text) };
}

/** Logical ids a new resource may not take: the template's resources and parameters (they share `!Ref`). */
export function takenLogicalIds(parsed: ParsedTemplate): Set<string> {
  const ids = new Set<string>();
  for (const section of ['Resources', 'Parameters']) {
    const map = parsed.root.get(section);
    if (yaml().isMap(map)) for (const pair of map.items) ids.add(String(keyText(pair)));
  }
  return ids;
}

/** A new template holding `resources`, in the form `sam init` writes. */
export function newTemplateText(description: string, resources: Record<string, Resource>, comment: string): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: >
  ${description}

Globals:
  Function:
    Timeout: 10
    MemorySize: 128

Resources:
${yamlEntries(resources, comment, DEFAULT_STYLE)}`;
}

/** `text` with `resources` added to its Resources section (created at the end when there is none). */
export function addResources(text: string, file: string, resources: Record<string, Resource>, comment: string): string {
  const parsed = parseForEdit(text, file);
  const expected = withResources(parsed, resources);
  const result = parsed.json ? addToJson(text, parsed, resources) : addToYaml(text, parsed, resources, comment);
  if (!isDeepStrictEqual(plain(parseForEdit(result, file).doc), expected)) {
    // A bug here must not cost the user their template.
    throw errors.usage(`${file}: could not add ${Object.keys(resources).join(', ')} without changing the rest of the template — add them by hand`);
  }
  return result;
}

function addToYaml(text: string, parsed: ParsedTemplate, resources: Record<string, Resource>, comment: string): string {
  const Y = yaml();
  const { root } = parsed;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const topColumn = root.items.length ? column(text, start(root.items[0].key)) : 0;
  const step = detectStep(text, parsed) ?? 2;
  const style: TextStyle = { indent: topColumn + step, step, seqIndent: detectSeqIndent(text, root) ?? step, newline };
  const pair = root.items.find((item) => keyText(item) === 'Resources');

  if (!pair) {
    const separator = text === '' || text.endsWith('\n') ? '' : newline;
    return `${text}${separator}${newline}${' '.repeat(topColumn)}Resources:${newline}${yamlEntries(resources, comment, style)}`;
  }
  const value = pair.value;
  if (value === null || (Y.isScalar(value) && value.value === null && !value.source)) {
    // `Resources:` with nothing under it yet: the entries go on the next line.
    const at = lineEnd(text, Y.isNode(pair.key) ? (pair.key.range?.[1] ?? 0) : 0);
    return splice(text, at, newline, yamlEntries(resources, comment, style));
  }
  if (Y.isMap(value) && !value.flow && value.items.length) {
    style.indent = column(text, start(value.items[0].key));
    const at = afterLastEntry(text, value, style.indent);
    return splice(text, at, newline, newline + yamlEntries(resources, comment, style));
  }
  // A flow mapping (`Resources: {}`): rewritten as a block mapping by the Document API; the rest of the file is
  // re-printed by it too, which keeps comments and order but may change spacing.
  const map = Y.isMap(value) ? value : new Y.YAMLMap();
  map.flow = false;
  for (const [id, resource] of Object.entries(resources)) map.set(id, yamlNode(resource));
  parsed.doc.set('Resources', map);
  return parsed.doc.toString({ indent: step, indentSeq: style.seqIndent > 0, lineWidth: 0 });
}

/**
 * Where new entries go after the last one of `map`: the end of the line holding its last value, then past comment
 * lines indented deeper than the entry keys that follow directly (commented-out properties of that entry).
 */
function afterLastEntry(text: string, map: YAMLMap, keyColumn: number): number {
  let at = lineEnd(text, contentEnd(map.items[map.items.length - 1]));
  for (;;) {
    const next = text.indexOf('\n', at);
    const line = text.slice(at, next === -1 ? text.length : next + 1);
    const comment = /^( *)#/.exec(line);
    if (!line || !comment || comment[1].length <= keyColumn) return at;
    at += line.length;
  }
}

/** Where the last content of a node ends (not counting comments after it). */
function contentEnd(node: unknown): number {
  const Y = yaml();
  if (Y.isPair(node)) return node.value ? contentEnd(node.value) : contentEnd(node.key);
  if ((Y.isMap(node) || Y.isSeq(node)) && !node.flow && node.items.length) return contentEnd(node.items[node.items.length - 1]);
  return (node as Node | null)?.range?.[1] ?? 0;
}

/** The offset just past the line break ending the line at `offset` (or the end of the text). */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', Math.max(0, offset - 1));
  return newline === -1 ? text.length : newline + 1;
}

function splice(text: string, at: number, newline: string, insert: string): string {
  const before = text.slice(0, at);
  const needsBreak = before !== '' && !before.endsWith('\n');
  return before + (needsBreak ? newline : '') + insert + text.slice(at);
}

/** Spaces per nesting level: the first resource's property indentation, else any nested mapping's. */
function detectStep(text: string, parsed: ParsedTemplate): number | undefined {
  const Y = yaml();
  const resources = parsed.root.get('Resources');
  const candidates: Pair[] = Y.isMap(resources) ? [...resources.items] : [];
  candidates.push(...parsed.root.items);
  for (const pair of candidates) {
    const value = pair.value;
    if (!Y.isMap(value) || value.flow || !value.items.length) continue;
    const step = column(text, start(value.items[0].key)) - column(text, start(pair.key));
    if (step > 0) return step;
  }
  return undefined;
}

/** How far the file's first block sequence puts its dashes from its key (a seq's range starts at its first dash). */
function detectSeqIndent(text: string, node: unknown): number | undefined {
  const Y = yaml();
  if (Y.isPair(node)) {
    if (Y.isSeq(node.value) && !node.value.flow && node.value.items.length) {
      return Math.max(0, column(text, start(node.value)) - column(text, start(node.key)));
    }
    return detectSeqIndent(text, node.value);
  }
  if (Y.isMap(node) || Y.isSeq(node)) {
    for (const item of node.items) {
      const found = detectSeqIndent(text, item);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A JSON template: the members go after the last resource, in the file's indentation. */
function addToJson(text: string, parsed: ParsedTemplate, resources: Record<string, Resource>): string {
  const Y = yaml();
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const value = parsed.root.get('Resources', true);
  if (Y.isMap(value) && value.items.length) {
    const first = value.items[0];
    const keyColumn = column(text, start(first.key));
    const multiLine = text.lastIndexOf('\n', start(first.key)) > (value.range?.[0] ?? 0);
    const inner = Y.isMap(first.value) && first.value.items.length ? column(text, start(first.value.items[0].key)) - keyColumn : 0;
    if (multiLine && inner > 0) {
      const at = contentEnd(value.items[value.items.length - 1]);
      const members = jsonEntries(resources, { ...DEFAULT_STYLE, indent: keyColumn, step: inner, newline });
      return `${text.slice(0, at)},${newline}${members}${text.slice(at)}`;
    }
  }
  // No Resources yet, or a one-line file: printed again with two-space indentation (JSON keeps no comments).
  const template = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  const all = { ...(template.Resources as Record<string, unknown> | undefined), ...jsonValue(resources) as Record<string, unknown> };
  return `${JSON.stringify({ ...template, Resources: all }, null, 2).split('\n').join(newline)}${newline}`;
}

/** What the edited template must read as: the old one plus the new resources, nothing else. */
function withResources(parsed: ParsedTemplate, resources: Record<string, Resource>): unknown {
  const expected = plain(parsed.doc) as Record<string, unknown>;
  const convert = parsed.json ? jsonValue : plainIntrinsics;
  const added = Object.fromEntries(Object.entries(resources).map(([id, resource]) => [id, convert(resource)]));
  expected.Resources = { ...(expected.Resources as Record<string, unknown> | null), ...added };
  return expected;
}

/** What the Document holds, with short tags dropped (`!Ref X` → `X`), as the yaml package reads unknown tags. */
function plain(doc: Document.Parsed): unknown {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0; // every unknown tag becomes a warning with a stack trace nobody reads
  try {
    return JSON.parse(JSON.stringify(doc.toJS({ maxAliasCount: -1 }) ?? null)) as unknown;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function plainIntrinsics(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainIntrinsics);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (typeof record.Ref === 'string' && Object.keys(record).length === 1) return record.Ref;
  const getAtt = record['Fn::GetAtt'];
  if (getAtt !== undefined && Object.keys(record).length === 1) return plainIntrinsics(getAtt);
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, plainIntrinsics(item)]));
}

function keyText(pair: Pair): unknown {
  return yaml().isScalar(pair.key) ? pair.key.value : pair.key;
}

function start(node: unknown): number {
  return (node as Node | null)?.range?.[0] ?? 0;
}

function column(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  // A byte-order mark is not a column.
  return offset - lineStart - (lineStart === 0 && text.startsWith('\uFEFF') ? 1 : 0);
}

function lineAndColumn(text: string, offset: number): { line: number; col: number } {
  const line = text.slice(0, offset).split('\n').length;
  return { line, col: column(text, offset) + 1 };
}
