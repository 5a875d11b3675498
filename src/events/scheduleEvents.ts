// EventBridge events: scheduled rules (`Schedule`), EventBridge Scheduler (`ScheduleV2`), and rules with an event
// pattern (`CloudWatchEvent`, `EventBridgeRule`), including what the target's Input, InputPath and InputTransformer
// make of the event before Lambda sees it.
import { generateEvent } from './catalogue';
import { isoSeconds, type EventContext } from './context';
import { asObject, type JsonObject } from './json';
import { isObject, objectProp, stringProp, type Properties } from './properties';
import { samplePatternValue } from './eventPattern';

/** `Schedule` trigger: the `Scheduled Event` of an EventBridge rule (SAM's sample), or the rule's constant Input. */
export function scheduleEvent(ctx: EventContext, props: Properties): unknown {
  const rule = stringProp(props, 'Name') ?? `${ctx.fn.logicalId}${ctx.trigger?.id ?? 'Schedule'}`;
  const sample = asObject(generateEvent('cloudwatch', 'scheduled-event', {
    region: ctx.region, partition: ctx.partition, 'account-id': ctx.accountId, rule,
  }));
  const event = { version: '0', ...sample, id: ctx.uuid(1), time: isoSeconds(ctx.now) };
  return applyTargetInput(event, props);
}

/**
 * `ScheduleV2` trigger: without Input, EventBridge Scheduler delivers its default notification
 * (source `aws.scheduler`, `detail` the string `{}`); with Input, the Input.
 */
export function schedulerEvent(ctx: EventContext, props: Properties): unknown {
  if (props.Input !== undefined) return parseInput(props.Input);
  const name = stringProp(props, 'Name') ?? `${ctx.fn.logicalId}${ctx.trigger?.id ?? 'Schedule'}`;
  const group = stringProp(props, 'GroupName') ?? 'default';
  return {
    version: '0',
    id: ctx.uuid(1),
    'detail-type': 'Scheduled Event',
    source: 'aws.scheduler',
    account: ctx.accountId,
    time: isoSeconds(ctx.now),
    region: ctx.region,
    resources: [`arn:${ctx.partition}:scheduler:${ctx.region}:${ctx.accountId}:schedule/${group}/${name}`],
    detail: '{}',
  };
}

/** `CloudWatchEvent` / `EventBridgeRule` trigger: an event that the rule's Pattern matches. */
export function patternEvent(ctx: EventContext, props: Properties): unknown {
  const pattern = objectProp(props, 'Pattern') ?? {};
  const first = (key: string, fallback: unknown): unknown => (key in pattern ? samplePatternValue(pattern[key]) : fallback);
  const resources = first('resources', []);
  const event: JsonObject = {
    version: '0',
    id: ctx.uuid(1),
    'detail-type': first('detail-type', 'Example Event'),
    source: first('source', 'com.example.app'),
    account: first('account', ctx.accountId),
    time: isoSeconds(ctx.now),
    region: first('region', ctx.region),
    resources: Array.isArray(resources) ? resources : [resources],
    detail: isObject(pattern.detail) ? samplePatternValue(pattern.detail) : {},
  };
  return applyTargetInput(event, props);
}

/** What a rule target passes on: the constant Input, the part InputPath selects, or InputTransformer's template. */
export function applyTargetInput(event: JsonObject, props: Properties): unknown {
  if (props.Input !== undefined) return parseInput(props.Input);
  const inputPath = stringProp(props, 'InputPath');
  if (inputPath !== undefined) return selectPath(event, inputPath);
  const transformer = objectProp(props, 'InputTransformer');
  if (transformer) return transform(event, transformer);
  return event;
}

/** Input is JSON text in templates; a mapping the YAML wrote directly is used as is. */
function parseInput(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input) as unknown;
  } catch {
    return input;
  }
}

/** The JSONPath subset EventBridge allows in InputPath and InputPathsMap: `$`, `$.a.b`, `$.a[0]`. */
export function selectPath(value: unknown, path: string): unknown {
  const steps = path.trim().replace(/^\$/, '').match(/\.[^.[\]]+|\[\d+\]|\['[^']*'\]/g) ?? [];
  let current = value;
  for (const step of steps) {
    const key = step.startsWith('[') ? step.slice(1, -1).replace(/^'|'$/g, '') : step.slice(1);
    if (Array.isArray(current) && /^\d+$/.test(key)) current = current[Number(key)];
    else if (isObject(current)) current = current[key];
    else return undefined;
  }
  return current;
}

/**
 * InputTransformer: each `<name>` of InputTemplate becomes the value InputPathsMap selects — a string's own text
 * (the template quotes it when it wants a JSON string), other values as JSON.
 */
function transform(event: JsonObject, transformer: Properties): unknown {
  const paths = objectProp(transformer, 'InputPathsMap') ?? {};
  const template = stringProp(transformer, 'InputTemplate') ?? '';
  const text = template.replace(/<([A-Za-z0-9_.-]+)>/g, (whole, name: string) => {
    if (name === 'aws.events.event.json') return JSON.stringify(event);
    if (name === 'aws.events.event.ingestion-time') return String(event.time);
    const path = paths[name];
    if (typeof path !== 'string') return whole;
    const value = selectPath(event, path);
    if (value === undefined) return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
  return parseInput(text);
}
