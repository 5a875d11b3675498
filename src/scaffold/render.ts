// New template entries as text, in the style of the file they go into: YAML with `!Ref`/`!GetAtt` short tags at
// the file's indentation, or JSON with the long forms.
import type * as Yaml from 'yaml';
import type { Resource } from './resources';

// The yaml package costs tens of milliseconds to load; only scaffolding pays for it (as in src/model/yamlTags.ts).
let loaded: typeof Yaml | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const yaml = (): typeof Yaml => (loaded ??= require('yaml') as typeof Yaml);

export interface TextStyle {
  /** Column of the resource keys (the logical ids). */
  indent: number;
  /** Spaces per nesting level of mappings below them. */
  step: number;
  /** Spaces from a key to the `-` of its block sequence's items (0: `Key:\n- a`, 2: `Key:\n  - a`). */
  seqIndent: number;
  newline: '\n' | '\r\n';
}

export const DEFAULT_STYLE: TextStyle = { indent: 2, step: 2, seqIndent: 2, newline: '\n' };

/** The short tag and value of an intrinsic written in long form (`{Ref: X}`, `{'Fn::GetAtt': 'X.Arn'}`). */
function shortTag(value: unknown): { tag: string; text: string } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const first = (value as Record<string, unknown>)[keys[0]];
  if (keys.length !== 1 || typeof first !== 'string') return undefined;
  if (keys[0] === 'Ref') return { tag: '!Ref', text: first };
  if (keys[0] === 'Fn::GetAtt') return { tag: '!GetAtt', text: first };
  return undefined;
}

/** A yaml node for a value, with intrinsics as short tags (for the Document API). */
export function yamlNode(value: unknown): unknown {
  const Y = yaml();
  const intrinsic = shortTag(value);
  if (intrinsic) {
    const scalar = new Y.Scalar(intrinsic.text);
    scalar.tag = intrinsic.tag;
    return scalar;
  }
  if (Array.isArray(value)) {
    const seq = new Y.YAMLSeq();
    for (const item of value) seq.items.push(yamlNode(item));
    return seq;
  }
  if (typeof value === 'object' && value !== null) {
    const map = new Y.YAMLMap();
    for (const [key, item] of Object.entries(value)) map.items.push(new Y.Pair(new Y.Scalar(key), yamlNode(item)));
    return map;
  }
  return new Y.Scalar(value);
}

/**
 * The entries as lines of a YAML mapping at `style.indent`: `comment` (one line) above them, a blank line between
 * resources, every line ending with `style.newline`. The layout is ours (the yaml package cannot put a sequence's
 * dashes where a file with 4-space mappings has them); scalars are quoted by the yaml package.
 */
export function yamlEntries(resources: Record<string, Resource>, comment: string, style: TextStyle): string {
  const lines = [`${' '.repeat(style.indent)}# ${comment}`];
  Object.entries(resources).forEach(([id, resource], index) => {
    if (index > 0) lines.push('');
    blockMap({ [id]: resource }, style.indent, style, lines);
  });
  return lines.map((line) => line + style.newline).join('');
}

function blockMap(map: Record<string, unknown>, indent: number, style: TextStyle, lines: string[]): void {
  const pad = ' '.repeat(indent);
  for (const [key, value] of Object.entries(map)) {
    const inline = inlineValue(value);
    if (inline !== undefined) {
      lines.push(`${pad}${scalar(key)}: ${inline}`);
    } else if (Array.isArray(value)) {
      lines.push(`${pad}${scalar(key)}:`);
      blockSeq(value, indent + style.seqIndent, style, lines);
    } else {
      lines.push(`${pad}${scalar(key)}:`);
      blockMap(value as Record<string, unknown>, indent + style.step, style, lines);
    }
  }
}

function blockSeq(items: unknown[], indent: number, style: TextStyle, lines: string[]): void {
  const pad = ' '.repeat(indent);
  for (const item of items) {
    const inline = inlineValue(item);
    if (inline !== undefined) {
      lines.push(`${pad}- ${inline}`);
      continue;
    }
    // A mapping (or sequence) item starts on the dash's line; the rest lines up after `- `.
    const nested: string[] = [];
    if (Array.isArray(item)) blockSeq(item, indent + 2, style, nested);
    else blockMap(item as Record<string, unknown>, indent + 2, style, nested);
    nested[0] = `${pad}- ${nested[0].slice(indent + 2)}`;
    lines.push(...nested);
  }
}

/** How a value is written after `key: ` or `- `, or undefined when it needs lines of its own. */
function inlineValue(value: unknown): string | undefined {
  const intrinsic = shortTag(value);
  if (intrinsic) return `${intrinsic.tag} ${scalar(intrinsic.text)}`;
  if (Array.isArray(value)) return value.length ? undefined : '[]';
  if (typeof value === 'object' && value !== null) return Object.keys(value).length ? undefined : '{}';
  return scalar(value);
}

/** A scalar as the yaml package writes it: plain when it can be, quoted when it must be. */
function scalar(value: unknown): string {
  return yaml().stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
}

/** The JSON form of a resource: `!GetAtt X.Arn` is `{"Fn::GetAtt": ["X", "Arn"]}` there. */
export function jsonValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonValue);
  if (typeof value !== 'object' || value === null) return value;
  const getAtt = (value as Record<string, unknown>)['Fn::GetAtt'];
  if (typeof getAtt === 'string') {
    const dot = getAtt.indexOf('.');
    return { 'Fn::GetAtt': [getAtt.slice(0, dot), getAtt.slice(dot + 1)] };
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonValue(item)]));
}

/** `"Id": {...}` members at `style.indent`, separated by commas, without a trailing newline. */
export function jsonEntries(resources: Record<string, Resource>, style: TextStyle): string {
  const pad = ' '.repeat(style.indent);
  return Object.entries(resources)
    .map(([id, resource]) => {
      const text = JSON.stringify(jsonValue(resource), null, style.step).split('\n').join(style.newline + pad);
      return `${pad}${JSON.stringify(id)}: ${text}`;
    })
    .join(`,${style.newline}`);
}
