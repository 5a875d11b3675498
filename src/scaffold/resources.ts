// The template entries of a new function: the AWS::Serverless::Function with its trigger under Events, plus the
// resource the trigger needs (a bucket, a queue, a table with a stream). Intrinsics are written in their long form
// (`{Ref: X}`, `{'Fn::GetAtt': 'X.Arn'}`); the renderers turn them into `!Ref X` / `!GetAtt X.Arn` or JSON.
import type { ScaffoldNames } from './names';
import type { TriggerKind } from './options';

export type Resource = Record<string, unknown>;

export interface FunctionResources {
  /** Logical id → resource, the function first, in the order they are written. */
  resources: Record<string, Resource>;
  /** The key under Events; undefined for `none`. */
  triggerId?: string;
  /** The name of the sample event file (without `.json`). */
  eventName: string;
  /** One line for the comment above the new entries. */
  summary: string;
}

export interface FunctionSpec {
  names: ScaffoldNames;
  runtime: string;
  /** e.g. `app.handler`. */
  handler: string;
  /** `Metadata` of the function resource (esbuild for TypeScript). */
  metadata?: Record<string, unknown>;
  trigger: TriggerKind;
}

interface TriggerEntries {
  triggerId: string;
  event: Resource;
  extra?: Record<string, Resource>;
  summary: string;
}

export function functionResources(spec: FunctionSpec): FunctionResources {
  const { names } = spec;
  const entries = spec.trigger === 'none' ? undefined : triggerEntries(spec.trigger, names);
  const properties: Resource = {
    CodeUri: `${names.kebab}/`,
    Handler: spec.handler,
    Runtime: spec.runtime,
    Architectures: ['x86_64'],
  };
  if (entries) properties.Events = { [entries.triggerId]: entries.event };
  const fn: Resource = { Type: 'AWS::Serverless::Function', Properties: properties };
  if (spec.metadata) fn.Metadata = spec.metadata;
  return {
    resources: { [names.logicalId]: fn, ...entries?.extra },
    triggerId: entries?.triggerId,
    eventName: entries?.triggerId ?? 'sample',
    summary: summaryLine(names, entries),
  };
}

/** One line saying what the new function does, e.g. `OrdersFunction: runs every five minutes.` */
export function describeFunction(names: ScaffoldNames, trigger: TriggerKind): string {
  return summaryLine(names, trigger === 'none' ? undefined : triggerEntries(trigger, names));
}

/** The name of the sample event file (without `.json`): the trigger's id, or `sample`. */
export function sampleEventName(names: ScaffoldNames, trigger: TriggerKind): string {
  return trigger === 'none' ? 'sample' : triggerEntries(trigger, names).triggerId;
}

function summaryLine(names: ScaffoldNames, entries: TriggerEntries | undefined): string {
  return `${names.logicalId}: ${entries?.summary ?? `invoke it with events/${names.logicalId}/sample.json`}.`;
}

function triggerEntries(kind: Exclude<TriggerKind, 'none'>, names: ScaffoldNames): TriggerEntries {
  const route = `/${names.kebab}`;
  switch (kind) {
    case 'api':
      return {
        triggerId: `Get${names.base}`,
        event: { Type: 'Api', Properties: { Path: route, Method: 'get' } },
        summary: `GET ${route} on a REST API answers with JSON`,
      };
    case 'httpapi':
      return {
        triggerId: `Get${names.base}`,
        event: { Type: 'HttpApi', Properties: { Path: route, Method: 'get' } },
        summary: `GET ${route} on an HTTP API answers with JSON`,
      };
    case 's3': {
      const bucket = `${names.base}Bucket`;
      return {
        triggerId: 'Upload',
        event: { Type: 'S3', Properties: { Bucket: { Ref: bucket }, Events: 's3:ObjectCreated:*' } },
        extra: { [bucket]: { Type: 'AWS::S3::Bucket' } },
        summary: `runs for each object created in ${bucket}`,
      };
    }
    case 'sqs': {
      const queue = `${names.base}Queue`;
      return {
        triggerId: 'Messages',
        event: {
          Type: 'SQS',
          Properties: { Queue: { 'Fn::GetAtt': `${queue}.Arn` }, BatchSize: 10, FunctionResponseTypes: ['ReportBatchItemFailures'] },
        },
        extra: { [queue]: { Type: 'AWS::SQS::Queue' } },
        summary: `reads messages from ${queue}, reporting the ones that failed`,
      };
    }
    case 'schedule':
      return {
        triggerId: 'EveryFiveMinutes',
        event: { Type: 'Schedule', Properties: { Schedule: 'rate(5 minutes)' } },
        summary: 'runs every five minutes',
      };
    case 'eventbridge':
      return {
        triggerId: `${names.base}Event`,
        event: {
          Type: 'EventBridgeRule',
          Properties: { Pattern: { source: [`com.example.${names.kebab}`], 'detail-type': [`${names.base} Updated`] } },
        },
        summary: `runs for each "${names.base} Updated" event from com.example.${names.kebab} on the default event bus`,
      };
    case 'dynamodb': {
      const table = `${names.base}Table`;
      return {
        triggerId: 'TableStream',
        event: {
          Type: 'DynamoDB',
          Properties: { Stream: { 'Fn::GetAtt': `${table}.StreamArn` }, StartingPosition: 'TRIM_HORIZON', BatchSize: 10 },
        },
        extra: {
          [table]: {
            Type: 'AWS::DynamoDB::Table',
            Properties: {
              BillingMode: 'PAY_PER_REQUEST',
              AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
              KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
              StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
            },
          },
        },
        summary: `reads the change stream of ${table}`,
      };
    }
  }
}
