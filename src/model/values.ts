// The values the resolver works with: plain template values, plus two markers — AWS::NoValue (drop this key) and
// Unresolved (an intrinsic that has no local value, e.g. `!ImportValue`), which is kept until the caller decides.

/** `!Ref AWS::NoValue`: the key (or list item) holding it is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** An intrinsic that cannot be resolved locally, with the template's original form and the reason. */
export class Unresolved {
  constructor(
    readonly original: unknown,
    readonly reason: string,
    /** What would make it resolve, when there is something to say (e.g. `pass --parameter-overrides X=<value>`). */
    readonly fix?: string,
  ) {}

  /** The same failure, reported for the intrinsic that contains this one. */
  within(original: unknown): Unresolved {
    return new Unresolved(original, this.reason, this.fix);
  }
}

/** Intrinsic functions valid as property values (`Condition` only counts inside condition functions). */
const INTRINSIC_KEYS = new Set([
  'Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join', 'Fn::If', 'Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::Select',
  'Fn::Split', 'Fn::FindInMap', 'Fn::ImportValue', 'Fn::GetAZs', 'Fn::Base64', 'Fn::Cidr', 'Fn::Length',
  'Fn::ToJsonString', 'Fn::Transform',
]);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Unresolved);
}

/** The function name when `value` is a single-key intrinsic such as `{Ref: X}` or `{'Fn::Sub': ...}`. */
export function intrinsicName(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  let name: string | undefined;
  for (const key in value) {
    if (name !== undefined) return undefined;
    name = key;
  }
  return name !== undefined && INTRINSIC_KEYS.has(name) ? name : undefined;
}

/** The first Unresolved inside a resolved value, if any. */
export function findUnresolved(value: unknown): Unresolved | undefined {
  if (value instanceof Unresolved) return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findUnresolved(item);
      if (found) return found;
    }
  } else if (isRecord(value)) {
    for (const key in value) {
      const found = findUnresolved(value[key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Text of a scalar as CloudFormation passes it on (numbers and booleans as written), else undefined. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

/**
 * Replace every Unresolved inside a resolved value by what `onUnresolved` returns (NO_VALUE drops it), and drop
 * NO_VALUE keys and items. Returns undefined when the whole value is AWS::NoValue.
 */
export function settle(value: unknown, onUnresolved: (unresolved: Unresolved) => unknown): unknown {
  if (value === NO_VALUE) return undefined;
  if (value instanceof Unresolved) {
    const replacement = onUnresolved(value);
    return replacement === NO_VALUE ? undefined : replacement;
  }
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const settled = settle(item, onUnresolved);
      if (settled !== undefined) items.push(settled);
    }
    return items;
  }
  if (isRecord(value)) {
    const result: Record<string, unknown> = {};
    for (const key in value) {
      const settled = settle(value[key], onUnresolved);
      if (settled !== undefined) result[key] = settled;
    }
    return result;
  }
  return value;
}

/** A short, one-line picture of an intrinsic for messages: `!ImportValue SharedTable`, `!GetAtt Queue.Foo`. */
export function describeIntrinsic(value: unknown): string {
  const name = intrinsicName(value);
  if (!name || !isRecord(value)) return truncate(JSON.stringify(value) ?? String(value));
  const argument = value[name];
  const short = name === 'Ref' ? '!Ref' : `!${name.slice(4)}`;
  if (name === 'Fn::GetAtt' && Array.isArray(argument) && argument.every((part) => typeof part === 'string')) {
    return `${short} ${argument.join('.')}`;
  }
  const text = typeof argument === 'string' ? argument : JSON.stringify(argument) ?? '';
  return `${short} ${truncate(text)}`;
}

function truncate(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
