// Template-aware events: for each trigger of a function (its `Events` entries and its function URL), the event
// the service would deliver, built from the trigger's resolved properties.
import type { FunctionModel, TemplateModel, TriggerModel } from '../model/types';
import { albEvent, functionUrlEvent, httpApiEvent, restApiEvent } from './apiEvents';
import { cognitoEvent, cognitoTriggerNames } from './cognitoEvents';
import { eventContext, type EventContext, type EventOptions } from './context';
import { alexaSkillEvent, iotRuleEvent } from './deviceEvents';
import { EventsError } from './errors';
import { cloudWatchLogsEvent } from './logsEvents';
import { mqEvent, mskEvent, selfManagedKafkaEvent, snsEvent, sqsEvent } from './messagingEvents';
import type { Properties } from './properties';
import { patternEvent, scheduleEvent, schedulerEvent } from './scheduleEvents';
import { documentDbEvent, dynamoDbEvent, kinesisEvent, s3Event } from './storageEvents';

type Builder = (ctx: EventContext, props: Properties, options: EventOptions) => unknown;

const BUILDERS: Readonly<Record<string, Builder>> = {
  Api: restApiEvent,
  HttpApi: httpApiEvent,
  S3: s3Event,
  SQS: sqsEvent,
  SNS: snsEvent,
  Kinesis: kinesisEvent,
  DynamoDB: dynamoDbEvent,
  DocumentDB: documentDbEvent,
  MQ: mqEvent,
  MSK: mskEvent,
  SelfManagedKafka: selfManagedKafkaEvent,
  Schedule: scheduleEvent,
  ScheduleV2: schedulerEvent,
  CloudWatchEvent: patternEvent,
  EventBridgeRule: patternEvent,
  CloudWatchLogs: cloudWatchLogsEvent,
  Cognito: (ctx, props, options) => cognitoEvent(ctx, props, options.cognitoTrigger),
  IoTRule: iotRuleEvent,
  AlexaSkill: alexaSkillEvent,
  // Not SAM event types, for models that list them as triggers.
  ALB: albEvent,
  FunctionUrl: (ctx) => functionUrlEvent(ctx, ctx.fn.functionUrl?.authType ?? 'NONE'),
};

/** Trigger types eventForTrigger can build an event for. */
export const SUPPORTED_TRIGGER_TYPES: readonly string[] = Object.keys(BUILDERS);

/** The name eventsForFunction gives a function URL's event. */
export const FUNCTION_URL_EVENT = 'FunctionUrl';

/** The event `trigger` would deliver to `fn`. Throws EventsError for a trigger type with no sample. */
export function eventForTrigger(fn: FunctionModel, trigger: TriggerModel, template: TemplateModel,
  options: EventOptions = {}): unknown {
  const build = Object.hasOwn(BUILDERS, trigger.type) ? BUILDERS[trigger.type] : undefined;
  if (!build) {
    throw new EventsError(`no sample event for trigger type "${trigger.type}" (${fn.logicalId} → ${trigger.id}); ` +
      `supported types: ${SUPPORTED_TRIGGER_TYPES.join(', ')} — use \`events generate\` for others`);
  }
  return build(eventContext(fn, trigger, template, options), trigger.properties ?? {}, options);
}

/** The request a function URL delivers (payload 2.0, `$default` route). Throws when the function has no URL. */
export function eventForFunctionUrl(fn: FunctionModel, template: TemplateModel, options: EventOptions = {}): unknown {
  if (!fn.functionUrl) throw new EventsError(`function ${fn.logicalId} has no FunctionUrlConfig`);
  return functionUrlEvent(eventContext(fn, undefined, template, options), fn.functionUrl.authType);
}

export interface FunctionEvent {
  /** The trigger id; `<id>.<Trigger>` for each of a Cognito trigger's several Triggers; `FunctionUrl`. */
  name: string;
  /** SAM event type, or `FunctionUrl`. */
  type: string;
  trigger?: TriggerModel;
  /** Undefined when the trigger's properties do not allow a sample; `error` says why. */
  event: unknown;
  error?: string;
}

/**
 * One event per trigger of the function whose type has a sample (other types are left out), then its function
 * URL's. A trigger whose properties make generation fail gets `error` instead of `event`.
 */
export function eventsForFunction(fn: FunctionModel, template: TemplateModel, options: EventOptions = {}): FunctionEvent[] {
  const out: FunctionEvent[] = [];
  const add = (name: string, type: string, trigger: TriggerModel | undefined, build: () => unknown): void => {
    try {
      out.push({ name, type, trigger, event: build() });
    } catch (error) {
      if (!(error instanceof EventsError)) throw error;
      out.push({ name, type, trigger, event: undefined, error: error.message });
    }
  };
  for (const trigger of fn.events) {
    if (!SUPPORTED_TRIGGER_TYPES.includes(trigger.type)) continue;
    const cognitoNames = trigger.type === 'Cognito' ? cognitoTriggerNames(trigger.properties ?? {}) : [];
    if (cognitoNames.length > 1) {
      for (const name of cognitoNames) {
        add(`${trigger.id}.${name}`, trigger.type, trigger,
          () => eventForTrigger(fn, trigger, template, { ...options, cognitoTrigger: name }));
      }
    } else {
      add(trigger.id, trigger.type, trigger, () => eventForTrigger(fn, trigger, template, options));
    }
  }
  if (fn.functionUrl) add(FUNCTION_URL_EVENT, 'FunctionUrl', undefined, () => eventForFunctionUrl(fn, template, options));
  return out;
}
