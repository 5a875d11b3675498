// One function per CloudFormation intrinsic (long-form key → implementation). Each takes the raw argument, the
// resolver and the whole intrinsic (for messages), and returns a value, NO_VALUE, or Unresolved.
import type { Resolver } from './resolver';
import { isRecord, NO_VALUE, scalarText, Unresolved } from './values';

type IntrinsicFunction = (argument: unknown, resolver: Resolver, original: unknown) => unknown;

const shape = (original: unknown, form: string) => new Unresolved(original, `it must be written ${form}`);

/** `${Name}`, `${Resource.Attribute}` and `${!Literal}` inside Fn::Sub. */
const SUB_VARIABLE = /\$\{([^}]*)\}/g;

function ref(argument: unknown, resolver: Resolver, original: unknown): unknown {
  const name = resolver.resolve(argument);
  if (name instanceof Unresolved) return name.within(original);
  return typeof name === 'string' ? resolver.ref(name, original) : shape(original, '!Ref Name');
}

function getAtt(argument: unknown, resolver: Resolver, original: unknown): unknown {
  let parts: unknown = argument;
  if (typeof argument === 'string') {
    const dot = argument.indexOf('.');
    parts = dot > 0 ? [argument.slice(0, dot), argument.slice(dot + 1)] : [argument];
  }
  const resolved = resolver.resolveFully(parts, original);
  if (resolved instanceof Unresolved) return resolved;
  if (!Array.isArray(resolved) || resolved.length !== 2 || typeof resolved[0] !== 'string' || typeof resolved[1] !== 'string') {
    return shape(original, '!GetAtt Resource.Attribute or [Resource, Attribute]');
  }
  return resolver.getAtt(resolved[0], resolved[1], original);
}

function sub(argument: unknown, resolver: Resolver, original: unknown): unknown {
  let template: unknown = argument;
  let variables: Record<string, unknown> = {};
  if (Array.isArray(argument)) {
    if (argument.length !== 2 || !isRecord(argument[1])) return shape(original, '!Sub [String, {Name: Value}]');
    template = resolver.resolve(argument[0]);
    variables = argument[1];
  }
  if (template instanceof Unresolved) return template.within(original);
  if (typeof template !== 'string') return shape(original, '!Sub String or !Sub [String, {Name: Value}]');

  let text = '';
  let last = 0;
  for (const match of template.matchAll(SUB_VARIABLE)) {
    text += template.slice(last, match.index);
    last = match.index + match[0].length;
    const inner = match[1];
    if (inner.startsWith('!')) {
      text += `\${${inner.slice(1)}}`; // `${!Literal}` is written out as `${Literal}`
      continue;
    }
    const name = inner.trim();
    const value = Object.hasOwn(variables, name) ? resolver.resolve(variables[name]) : subVariable(name, resolver, original);
    if (value instanceof Unresolved) return value.within(original);
    if (value === NO_VALUE) continue;
    const piece = scalarText(value);
    if (piece === undefined) return new Unresolved(original, `\${${name}} is not a single value`);
    text += piece;
  }
  return text + template.slice(last);
}

function subVariable(name: string, resolver: Resolver, original: unknown): unknown {
  const dot = name.indexOf('.');
  if (dot > 0 && !name.startsWith('AWS::')) return resolver.getAtt(name.slice(0, dot), name.slice(dot + 1), original);
  return resolver.ref(name, original);
}

function join(argument: unknown, resolver: Resolver, original: unknown): unknown {
  if (!Array.isArray(argument) || argument.length !== 2) return shape(original, '!Join [Delimiter, [Values]]');
  const resolved = resolver.resolveFully(argument, original);
  if (resolved instanceof Unresolved) return resolved;
  const [delimiter, list] = resolved as unknown[];
  if (typeof delimiter !== 'string' || !Array.isArray(list)) return shape(original, '!Join [Delimiter, [Values]]');
  const parts: string[] = [];
  for (const item of list) {
    const text = scalarText(item);
    if (text === undefined) return new Unresolved(original, `${JSON.stringify(item)} is not a single value`);
    parts.push(text);
  }
  return parts.join(delimiter);
}

function select(argument: unknown, resolver: Resolver, original: unknown): unknown {
  if (!Array.isArray(argument) || argument.length !== 2) return shape(original, '!Select [Index, [Values]]');
  const index = resolver.resolve(argument[0]);
  const list = resolver.resolve(argument[1]);
  if (index instanceof Unresolved) return index.within(original);
  if (list instanceof Unresolved) return list.within(original);
  const position = Number(index);
  if (!Array.isArray(list) || !Number.isInteger(position)) return shape(original, '!Select [Index, [Values]]');
  if (position < 0 || position >= list.length) return new Unresolved(original, `index ${position} is outside a list of ${list.length}`);
  return list[position];
}

function split(argument: unknown, resolver: Resolver, original: unknown): unknown {
  if (!Array.isArray(argument) || argument.length !== 2) return shape(original, '!Split [Delimiter, String]');
  const resolved = resolver.resolveFully(argument, original);
  if (resolved instanceof Unresolved) return resolved;
  const [delimiter, text] = resolved as unknown[];
  if (typeof delimiter !== 'string' || typeof text !== 'string') return shape(original, '!Split [Delimiter, String]');
  return text.split(delimiter);
}

function findInMap(argument: unknown, resolver: Resolver, original: unknown): unknown {
  if (!Array.isArray(argument) || argument.length < 3) return shape(original, '!FindInMap [MapName, TopLevelKey, SecondLevelKey]');
  const keys = resolver.resolveFully(argument.slice(0, 3), original);
  if (keys instanceof Unresolved) return keys;
  const [mapName, topKey, secondKey] = (keys as unknown[]).map(scalarText);
  if (mapName === undefined || topKey === undefined || secondKey === undefined) return shape(original, '!FindInMap [MapName, TopLevelKey, SecondLevelKey]');
  const map = resolver.input.mappings[mapName];
  const top = isRecord(map) ? map[topKey] : undefined;
  const value = isRecord(top) ? top[secondKey] : undefined;
  if (value !== undefined) return resolver.resolve(value);
  const options: unknown = argument[3];
  if (isRecord(options) && Object.hasOwn(options, 'DefaultValue')) return resolver.resolve(options.DefaultValue);
  return new Unresolved(original, `Mappings has no ${mapName}.${topKey}.${secondKey}`);
}

function getAZs(argument: unknown, resolver: Resolver, original: unknown): unknown {
  const region = resolver.resolve(argument);
  if (region instanceof Unresolved) return region.within(original);
  const name = typeof region === 'string' && region !== '' ? region : resolver.input.env.region;
  return ['a', 'b', 'c'].map((zone) => name + zone);
}

function base64(argument: unknown, resolver: Resolver, original: unknown): unknown {
  const value = resolver.resolve(argument);
  if (value instanceof Unresolved) return value.within(original);
  const text = scalarText(value);
  return text === undefined ? shape(original, '!Base64 String') : Buffer.from(text, 'utf8').toString('base64');
}

function cidr(argument: unknown, resolver: Resolver, original: unknown): unknown {
  if (!Array.isArray(argument) || argument.length !== 3) return shape(original, '!Cidr [IpBlock, Count, CidrBits]');
  const resolved = resolver.resolveFully(argument, original);
  if (resolved instanceof Unresolved) return resolved;
  const [block, count, bits] = resolved as unknown[];
  const subnets = ipv4Subnets(String(block), Number(count), Number(bits));
  return subnets ?? new Unresolved(original, `${String(block)} cannot be cut into ${String(count)} subnets of ${String(bits)} bits here (IPv4 only)`);
}

/** The first `count` subnets with `hostBits` host bits inside an IPv4 block, as Fn::Cidr lists them. */
function ipv4Subnets(block: string, count: number, hostBits: number): string[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(block.trim());
  if (!match || !Number.isInteger(count) || !Number.isInteger(hostBits)) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32 || hostBits < 0 || 32 - hostBits < prefix) return undefined;
  if (count < 1 || count > 2 ** (32 - hostBits - prefix)) return undefined;
  const blockMask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const base = (((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) & blockMask) >>> 0;
  const subnets: string[] = [];
  for (let i = 0; i < count; i++) {
    const address = (base + i * 2 ** hostBits) >>> 0;
    subnets.push(`${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}/${32 - hostBits}`);
  }
  return subnets;
}

function length(argument: unknown, resolver: Resolver, original: unknown): unknown {
  const list = resolver.resolve(argument);
  if (list instanceof Unresolved) return list.within(original);
  return Array.isArray(list) ? list.length : shape(original, '!Length [Values]');
}

function toJsonString(argument: unknown, resolver: Resolver, original: unknown): unknown {
  const value = resolver.resolveFully(argument, original);
  if (value instanceof Unresolved) return value;
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : shape(original, '!ToJsonString {Object} or [List]');
}

function importValue(_argument: unknown, _resolver: Resolver, original: unknown): unknown {
  return new Unresolved(original, 'values exported by other stacks are not available locally');
}

function transform(_argument: unknown, _resolver: Resolver, original: unknown): unknown {
  return new Unresolved(original, 'macros (Fn::Transform) do not run locally');
}

function ifFunction(argument: unknown, resolver: Resolver, original: unknown): unknown {
  if (!Array.isArray(argument) || argument.length !== 3 || typeof argument[0] !== 'string') {
    return shape(original, '!If [ConditionName, ValueIfTrue, ValueIfFalse]');
  }
  const condition = resolver.condition(argument[0], original);
  if (condition instanceof Unresolved) return condition.within(original);
  return resolver.resolve(condition ? argument[1] : argument[2]);
}

function equals(argument: unknown, resolver: Resolver, original: unknown): unknown {
  if (!Array.isArray(argument) || argument.length !== 2) return shape(original, '!Equals [Value1, Value2]');
  const resolved = resolver.resolveFully(argument, original);
  if (resolved instanceof Unresolved) return resolved;
  const [left, right] = (resolved as unknown[]).map((side) => scalarText(side) ?? JSON.stringify(side));
  return left === right;
}

/** `!And` / `!Or`: a false (And) or true (Or) decides even when another operand has no local value. */
function logical(kind: 'And' | 'Or'): IntrinsicFunction {
  const decisive = kind === 'Or';
  return (argument, resolver, original) => {
    if (!Array.isArray(argument) || argument.length < 1) return shape(original, `!${kind} [Condition, ...]`);
    let unresolved: Unresolved | undefined;
    for (const operand of argument) {
      const value = resolver.conditionValue(operand);
      if (value === decisive) return decisive;
      if (value instanceof Unresolved) unresolved ??= value.within(original);
    }
    return unresolved ?? !decisive;
  };
}

function not(argument: unknown, resolver: Resolver, original: unknown): unknown {
  if (!Array.isArray(argument) || argument.length !== 1) return shape(original, '!Not [Condition]');
  const value = resolver.conditionValue(argument[0]);
  return value instanceof Unresolved ? value.within(original) : !value;
}

export const FUNCTIONS: Record<string, IntrinsicFunction> = {
  Ref: ref,
  'Fn::GetAtt': getAtt,
  'Fn::Sub': sub,
  'Fn::Join': join,
  'Fn::Select': select,
  'Fn::Split': split,
  'Fn::FindInMap': findInMap,
  'Fn::GetAZs': getAZs,
  'Fn::Base64': base64,
  'Fn::Cidr': cidr,
  'Fn::Length': length,
  'Fn::ToJsonString': toJsonString,
  'Fn::ImportValue': importValue,
  'Fn::Transform': transform,
  'Fn::If': ifFunction,
  'Fn::Equals': equals,
  'Fn::And': logical('And'),
  'Fn::Or': logical('Or'),
  'Fn::Not': not,
};
