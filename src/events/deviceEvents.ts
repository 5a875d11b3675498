// Events from devices and voice: IoT topic rules and Alexa skills.
import { generateEvent } from './catalogue';
import type { EventContext } from './context';
import { asObject, type JsonObject } from './json';
import { stringProp, type Properties } from './properties';

/**
 * `IoTRule` trigger: the message the rule's SQL hands to Lambda. `SELECT *` passes the device's message through;
 * fields of the sample message, other names, and the usual functions (`topic()`, `timestamp()`, `clientid()`, ...) become fields of the sample.
 */
export function iotRuleEvent(ctx: EventContext, props: Properties): JsonObject {
  const sql = stringProp(props, 'Sql') ?? "SELECT * FROM 'example/topic'";
  const match = /^\s*select\s+([\s\S]+?)\s+from\s+'([^']*)'/i.exec(sql);
  const topic = (match?.[2] ?? 'example/topic').replace(/\+/g, 'example').replace(/#/g, 'example');
  const message: JsonObject = { message: 'Hello from AWS IoT', temperature: 25 };
  const out: JsonObject = {};
  for (const item of splitSelect(match?.[1] ?? '*')) {
    if (item === '*') {
      Object.assign(out, message);
      continue;
    }
    const aliased = /^([\s\S]+?)\s+as\s+([A-Za-z_][\w]*)$/i.exec(item);
    const expression = (aliased?.[1] ?? item).trim();
    const name = aliased?.[2] ?? expression.replace(/\(.*$/, '').split('.').pop() ?? expression;
    out[name] = Object.hasOwn(message, expression) ? message[expression] : iotValue(ctx, expression, topic);
  }
  return out;
}

function splitSelect(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of list) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  if (current.trim() !== '') items.push(current.trim());
  return items;
}

function iotValue(ctx: EventContext, expression: string, topic: string): unknown {
  const fn = /^([a-z_]+)\s*\(\s*([^)]*)\)$/i.exec(expression);
  if (!fn) return 'example';
  switch (fn[1].toLowerCase()) {
    case 'topic': {
      const n = Number(fn[2]);
      return fn[2].trim() === '' ? topic : (topic.split('/')[n - 1] ?? '');
    }
    case 'timestamp':
      return ctx.now.getTime();
    case 'clientid':
      return 'example-client';
    case 'principal':
      return ctx.hex(64, 3);
    case 'newuuid':
    case 'traceid':
      return ctx.uuid(4);
    case 'accountid':
      return ctx.accountId;
    default:
      return 'example';
  }
}

/** `AlexaSkill` trigger: SAM's LaunchRequest sample, for the trigger's skill id. */
export function alexaSkillEvent(_ctx: EventContext, props: Properties): JsonObject {
  const skillId = stringProp(props, 'SkillId');
  const params: Record<string, string> = skillId ? { 'application-id': skillId.replace(/^amzn1\.ask\.skill\./, '') } : {};
  return asObject(generateEvent('alexa-skills-kit', 'start-session', params));
}
