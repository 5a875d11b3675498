// The `sam local generate-event` catalogue: 26 services, 68 event types, rendered from SAM's own templates
// (catalogue/, Apache-2.0, see catalogue/NOTICE) with SAM's parameters, defaults and encodings.
import mapping from './catalogue/event-mapping.json';
import { templates } from './catalogue/templates';
import { base64Utf8, md5Hex, pythonUrlQuote } from './encodings';
import { EventsError } from './errors';
import { renderTemplate } from './mustache';

/** How SAM transforms a parameter before substituting it: `json` is its `type: dict` (the value is parsed). */
export type ParamEncoding = 'url' | 'base64' | 'json';

export interface CatalogueParam {
  /** The name as SAM spells it (`--account-id`, `--queue-name`, ...). */
  name: string;
  default: string;
  encoding?: ParamEncoding;
  /** Values SAM computes from this one, e.g. SQS `md5_of_body` is the md5 of `body`. */
  derived?: { name: string; hashing: 'md5' }[];
}

export interface CatalogueEntry {
  service: string;
  type: string;
  help: string;
  params: CatalogueParam[];
}

interface TagSpec {
  default?: string;
  type?: string;
  encoding?: string;
  hashing?: string;
  children?: Record<string, TagSpec>;
}

interface EventSpec {
  filename: string;
  help: string;
  tags: Record<string, TagSpec>;
}

const services = mapping as unknown as Record<string, Record<string, EventSpec>>;

/** Every event type of the catalogue, services and types in alphabetical order (as `sam local generate-event` lists them). */
export function listEvents(): CatalogueEntry[] {
  return Object.keys(services).sort().flatMap((service) => eventTypes(service).map((type) => catalogueEntry(service, type)));
}

function describeParam(name: string, tag: TagSpec): CatalogueParam {
  const param: CatalogueParam = { name, default: tag.default ?? '' };
  const encoding = tag.type === 'dict' ? 'json' : tag.encoding;
  if (encoding === 'url' || encoding === 'base64' || encoding === 'json') param.encoding = encoding;
  const derived = Object.entries(tag.children ?? {}).filter(([, child]) => child.hashing === 'md5');
  if (derived.length > 0) param.derived = derived.map(([childName]) => ({ name: childName, hashing: 'md5' }));
  return param;
}

/**
 * The event SAM's `generate-event SERVICE TYPE --KEY VALUE...` prints, as a value. `params` are keyed by SAM's
 * parameter names (`account-id`; `account_id` is accepted too); the others take their defaults.
 */
export function generateEvent(service: string, type: string, params: Readonly<Record<string, string>> = {}): unknown {
  const spec = findSpec(service, type);
  const given = normaliseParams(service, type, spec, params);
  const values: Record<string, string> = {};
  const jsonValues: Record<string, unknown> = {};
  for (const [name, tag] of Object.entries(spec.tags)) {
    const raw = given[name] ?? tag.default ?? '';
    const value = transform(tag, raw);
    // The templates spell hyphenated tags with underscores ({{{account_id}}}), as click hands them to SAM.
    values[name] = value;
    values[name.replace(/-/g, '_')] = value;
    if (tag.type === 'dict') jsonValues[name] = parseOr(raw);
    for (const [childName, child] of Object.entries(tag.children ?? {})) values[childName] = transform(child, raw);
  }
  return renderTemplate(templates[`${service}/${spec.filename}`], values, jsonValues);
}

/** The catalogue entry of one event type. Throws EventsError naming the valid services or types. */
export function catalogueEntry(service: string, type: string): CatalogueEntry {
  const spec = findSpec(service, type);
  return { service, type, help: spec.help, params: Object.entries(spec.tags).map(([name, tag]) => describeParam(name, tag)) };
}

/** The event types of a service, sorted. Throws EventsError naming the valid services. */
export function eventTypes(service: string): string[] {
  return Object.keys(typesOf(service)).sort();
}

function typesOf(service: string): Record<string, EventSpec> {
  const types = Object.hasOwn(services, service) ? services[service] : undefined;
  if (!types) {
    throw new EventsError(`unknown event service "${service}"; valid services: ${Object.keys(services).sort().join(', ')}`);
  }
  return types;
}

function findSpec(service: string, type: string): EventSpec {
  const types = typesOf(service);
  if (!Object.hasOwn(types, type)) {
    throw new EventsError(`unknown event type "${type}" for service ${service}; valid types: ${Object.keys(types).sort().join(', ')}`);
  }
  return types[type];
}

function normaliseParams(service: string, type: string, spec: EventSpec,
  params: Readonly<Record<string, string>>): Record<string, string> {
  const byName = new Map<string, string>();
  for (const name of Object.keys(spec.tags)) {
    byName.set(name, name);
    byName.set(name.replace(/-/g, '_'), name);
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const name = byName.get(key);
    if (name === undefined) {
      const valid = Object.keys(spec.tags);
      throw new EventsError(`unknown parameter "${key}" for ${service} ${type}; ` +
        (valid.length > 0 ? `valid parameters: ${valid.join(', ')}` : 'this event takes no parameters'));
    }
    out[name] = String(value);
  }
  return out;
}

/** SAM's transform_val: encode (url | base64), then hash (md5). */
function transform(tag: TagSpec, raw: string): string {
  let value = raw;
  if (tag.encoding === 'url') value = pythonUrlQuote(value);
  else if (tag.encoding === 'base64') value = base64Utf8(value);
  if (tag.hashing === 'md5') value = md5Hex(value);
  return value;
}

/** SAM keeps a `dict` value that is not valid JSON as the string it was given. */
function parseOr(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
