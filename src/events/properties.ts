// Reading trigger properties. The model resolves what it can; what it could not resolve arrives as the intrinsic
// itself ({ Ref }, { 'Fn::GetAtt' }, { 'Fn::Sub' }, ...), and events still need a readable name from it.
import type { EventContext } from './context';

export type Properties = Readonly<Record<string, unknown>>;

export function stringProp(props: Properties, key: string): string | undefined {
  const value = props[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function numberProp(props: Properties, key: string): number | undefined {
  const value = props[key];
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function objectProp(props: Properties, key: string): Properties | undefined {
  const value = props[key];
  return isObject(value) ? value : undefined;
}

/** A string or a list of strings (SAM allows both in many places), unresolved items named as `nameOf` does. */
export function stringListProp(props: Properties, key: string): string[] {
  const value = props[key];
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.map((item) => nameOf(item)).filter((item): item is string => item !== undefined && item !== '');
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A readable name for a resolved or unresolved reference: the string itself; the logical id of `{ Ref }` and
 * `{ 'Fn::GetAtt' }`; the text of `{ 'Fn::Sub' }` with `${X}` written as X; the pieces of `{ 'Fn::Join' }`.
 */
export function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (!isObject(value)) return undefined;
  const entries: [string, unknown][] = Object.entries(value);
  if (entries.length !== 1) return undefined;
  const [key, arg] = entries[0];
  switch (key) {
    case 'Ref':
      return nameOf(arg);
    case 'Fn::GetAtt':
      if (Array.isArray(arg)) return nameOf(arg[0]);
      return typeof arg === 'string' ? arg.split('.')[0] : undefined;
    case 'Fn::Sub': {
      const text: unknown = Array.isArray(arg) ? arg[0] : arg;
      return typeof text === 'string' ? text.replace(/\$\{([^}]*)\}/g, (_m, name: string) => name.split('.')[0]) : undefined;
    }
    case 'Fn::Join':
      if (Array.isArray(arg) && typeof arg[0] === 'string' && Array.isArray(arg[1])) {
        return (arg[1] as unknown[]).map((part) => nameOf(part) ?? '').join(arg[0]);
      }
      return undefined;
    case 'Fn::ImportValue':
      return nameOf(arg);
    default:
      return undefined;
  }
}

/**
 * The ARN a property names: kept when it is one already, else built from the referenced name by `build`
 * (e.g. `!GetAtt Orders.Arn` left unresolved becomes `arn:aws:sqs:us-east-1:123456789012:Orders`).
 */
export function arnOf(value: unknown, fallbackName: string, build: (name: string) => string): string {
  const name = nameOf(value);
  if (name !== undefined && name.startsWith('arn:')) return name;
  return build(name !== undefined && name !== '' ? name : fallbackName);
}

/** The last part of an ARN's resource (`...:queue-name`, `.../stream/name`). */
export function arnResourceName(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  const parts = resource.split(/[:/]/);
  return parts[parts.length - 1] ?? resource;
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` in the event's context. */
export function arn(ctx: EventContext, service: string, resource: string, options: { global?: boolean } = {}): string {
  return `arn:${ctx.partition}:${service}:${options.global ? '' : ctx.region}:${options.global ? '' : ctx.accountId}:${resource}`;
}
