// `CloudWatchLogs` trigger: what a subscription filter delivers — `awslogs.data`, the base64 of the gzipped
// DATA_MESSAGE JSON, with log events that the filter pattern matches.
import { gzipSync } from 'node:zlib';
import type { EventContext } from './context';
import type { JsonObject } from './json';
import { nameOf, stringProp, type Properties } from './properties';

export interface LogsPayload {
  messageType: 'DATA_MESSAGE';
  owner: string;
  logGroup: string;
  logStream: string;
  subscriptionFilters: string[];
  logEvents: { id: string; timestamp: number; message: string }[];
}

export function cloudWatchLogsEvent(ctx: EventContext, props: Properties): JsonObject {
  return { awslogs: { data: gzipSync(JSON.stringify(logsPayload(ctx, props))).toString('base64') } };
}

export function logsPayload(ctx: EventContext, props: Properties): LogsPayload {
  const logGroup = nameOf(props.LogGroupName) ?? `/aws/lambda/${ctx.fn.functionName}`;
  const day = ctx.now.toISOString().slice(0, 10).replace(/-/g, '/');
  const messages = sampleMessages(stringProp(props, 'FilterPattern') ?? '');
  const start = ctx.now.getTime() - messages.length;
  return {
    messageType: 'DATA_MESSAGE',
    owner: ctx.accountId,
    logGroup,
    logStream: `${day}/[$LATEST]${ctx.hex(32, 1)}`,
    // SAM names the subscription filter after the function and the event.
    subscriptionFilters: [`${ctx.fn.logicalId}${ctx.trigger?.id ?? 'Logs'}`],
    logEvents: messages.map((message, i) => ({ id: logEventId(start + i, i), timestamp: start + i, message })),
  };
}

/** CloudWatch Logs event ids are 56-digit strings that begin with the timestamp's digits. */
function logEventId(timestamp: number, index: number): string {
  return `${timestamp}${String(index).padStart(4, '0')}`.padEnd(56, '0').slice(0, 56);
}

/**
 * Log lines the filter pattern matches: JSON lines for `{ $.field = value }` patterns, lines holding the terms of
 * a term pattern (`ERROR`, `"Out of memory"`, `?WARN ?ERROR` takes the first), and ordinary lines for an empty one.
 */
export function sampleMessages(pattern: string): string[] {
  const trimmed = pattern.trim();
  if (trimmed.startsWith('{')) {
    const fields: JsonObject = {};
    for (const match of trimmed.matchAll(/\$\.([A-Za-z0-9_.]+)\s*(=|!=|>=|<=|>|<)\s*("(?:[^"\\]|\\.)*"|[^\s&|)}]+)/g)) {
      setPath(fields, match[1], conditionSample(match[2], match[3]));
    }
    return [1, 2].map((n) => JSON.stringify({ ...fields, message: `sample log event ${n}` }));
  }
  if (trimmed === '' || trimmed.startsWith('[')) {
    return ['INFO sample log event 1', 'INFO sample log event 2'];
  }
  const optional = trimmed.split(/\s+/).filter((term) => term.startsWith('?'));
  const terms = optional.length > 0
    ? [optional[0].slice(1)]
    : (trimmed.match(/"[^"]*"|\S+/g) ?? []).filter((term) => !term.startsWith('-'));
  const text = terms.map((term) => term.replace(/^"|"$/g, '')).join(' ');
  return [`${text} sample log event 1`, `${text} sample log event 2`];
}

function conditionSample(op: string, literal: string): unknown {
  const quoted = literal.startsWith('"');
  const raw = quoted ? literal.slice(1, -1) : literal;
  if (!quoted && /^-?\d+(\.\d+)?$/.test(raw)) {
    const n = Number(raw);
    return op === '>' ? n + 1 : op === '<' ? n - 1 : op === '!=' ? n + 1 : n;
  }
  if (!quoted && (raw === 'true' || raw === 'false')) return op === '!=' ? raw !== 'true' : raw === 'true';
  if (!quoted && raw === 'NULL') return null;
  const text = raw.replace(/\*/g, 'example');
  return op === '!=' ? `not-${text}` : text;
}

function setPath(target: JsonObject, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as JsonObject;
  }
  node[keys[keys.length - 1]] = value;
}
