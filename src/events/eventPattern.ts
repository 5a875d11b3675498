// Sample values that an EventBridge event pattern matches: the first allowed value of each field, and something
// that satisfies content filters (prefix, suffix, anything-but, numeric, exists, wildcard, cidr, $or).
import type { JsonObject } from './json';
import { isObject } from './properties';

/** A value the pattern node matches: for an object of fields an object, for a list of allowed values one of them. */
export function samplePatternValue(node: unknown): unknown {
  if (Array.isArray(node)) return sampleFromAllowed(node);
  if (isObject(node)) return sampleObject(node);
  return node;
}

function sampleObject(pattern: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, node] of Object.entries(pattern)) {
    if (key === '$or') {
      // Any one branch matching is enough: take the first.
      if (Array.isArray(node) && isObject(node[0])) Object.assign(out, sampleObject(node[0]));
      continue;
    }
    if (Array.isArray(node) && node.some((item) => isObject(item) && item.exists === false)) continue;
    out[key] = samplePatternValue(node);
  }
  return out;
}

function sampleFromAllowed(allowed: unknown[]): unknown {
  for (const item of allowed) {
    if (!isObject(item)) return item;
    const sample = sampleForFilter(item);
    if (sample !== undefined) return sample;
  }
  return 'example';
}

function sampleForFilter(filter: JsonObject): unknown {
  if ('prefix' in filter) return `${textOf(filter.prefix)}example`;
  if ('suffix' in filter) return `example${textOf(filter.suffix)}`;
  if ('equals-ignore-case' in filter) return filter['equals-ignore-case'];
  if ('wildcard' in filter) return String(filter.wildcard).replace(/\*/g, 'example');
  if ('exists' in filter) return filter.exists === true ? 'example' : undefined;
  if ('numeric' in filter && Array.isArray(filter.numeric)) return sampleNumber(filter.numeric);
  if ('cidr' in filter) return String(filter.cidr).replace(/\/\d+$/, '');
  if ('anything-but' in filter) return sampleAnythingBut(filter['anything-but']);
  return undefined;
}

/** `{prefix: "a"}` and `{prefix: {"equals-ignore-case": "a"}}` both give `a`. */
function textOf(value: unknown): string {
  const text = isObject(value) ? Object.values(value)[0] : value;
  return typeof text === 'string' || typeof text === 'number' ? String(text) : '';
}

function sampleAnythingBut(excluded: unknown): unknown {
  const list = Array.isArray(excluded) ? excluded : [excluded];
  if (list.length > 0 && list.every((item) => typeof item === 'number')) return Math.max(...list) + 1;
  if (isObject(excluded) && 'prefix' in excluded) return 'example';
  let candidate = 'example';
  while (list.includes(candidate)) candidate += '-other';
  return candidate;
}

/** A number inside `[">", 0, "<=", 5]`-style bounds: an integer when one fits, else the middle. */
function sampleNumber(conditions: unknown[]): number {
  let low = -Infinity;
  let lowStrict = false;
  let high = Infinity;
  let highStrict = false;
  for (let i = 0; i + 1 < conditions.length; i += 2) {
    const op = conditions[i];
    const value = Number(conditions[i + 1]);
    if (op === '=') return value;
    if ((op === '>' || op === '>=') && value >= low) [low, lowStrict] = [value, op === '>'];
    if ((op === '<' || op === '<=') && value <= high) [high, highStrict] = [value, op === '<'];
  }
  const fits = (n: number): boolean => (lowStrict ? n > low : n >= low) && (highStrict ? n < high : n <= high);
  const start = Number.isFinite(low) ? Math.ceil(low) : Number.isFinite(high) ? Math.floor(high) : 1;
  for (const candidate of [start, start + 1, start - 1]) if (fits(candidate)) return candidate;
  return (low + high) / 2;
}
