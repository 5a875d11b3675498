// Events from data stores: S3 notifications, DynamoDB and Kinesis stream batches, DocumentDB change streams.
import { generateEvent } from './catalogue';
import type { EventContext } from './context';
import { asObject, child, firstOf, type JsonObject } from './json';
import { arn as buildArn, arnOf, isObject, nameOf, numberProp, stringListProp, stringProp, type Properties } from './properties';

/** What S3 sends for a wildcard subscription: the most common concrete event of the family. */
const S3_WILDCARD_EVENTS: Readonly<Record<string, string>> = {
  'ObjectCreated:*': 'ObjectCreated:Put',
  'ObjectRemoved:*': 'ObjectRemoved:Delete',
  'ObjectRestore:*': 'ObjectRestore:Completed',
  'Replication:*': 'Replication:OperationFailedReplication',
  'LifecycleExpiration:*': 'LifecycleExpiration:Delete',
  'ObjectTagging:*': 'ObjectTagging:Put',
  'ObjectAcl:*': 'ObjectAcl:Put',
};

/** `s3:ObjectCreated:*` → `ObjectCreated:Put`: the `eventName` of one notification for a subscribed event type. */
export function s3EventName(subscribed: string | undefined): string {
  const name = (subscribed ?? 's3:ObjectCreated:*').replace(/^s3:/, '');
  return S3_WILDCARD_EVENTS[name] ?? name.replace(/:\*$/, '');
}

/** A sample object key that passes the trigger's `Filter.S3Key.Rules` (prefix and suffix). */
export function s3SampleKey(filter: unknown): string {
  let prefix = 'test/';
  let suffix = '';
  const rules = isObject(filter) && isObject(filter.S3Key) && Array.isArray(filter.S3Key.Rules) ? filter.S3Key.Rules : [];
  for (const rule of rules) {
    if (!isObject(rule)) continue;
    const value = nameOf(rule.Value) ?? '';
    const kind = (nameOf(rule.Name) ?? '').toLowerCase();
    if (kind === 'prefix') prefix = value;
    else if (kind === 'suffix') suffix = value;
  }
  return `${prefix}key${suffix}`;
}

/** `S3` trigger: one notification for the first subscribed event type, on the trigger's bucket. */
export function s3Event(ctx: EventContext, props: Properties): JsonObject {
  const bucketRef = nameOf(props.Bucket) ?? 'example-bucket';
  const bucket = bucketRef.startsWith('arn:') ? bucketRef.replace(/^arn:[^:]*:s3:::/, '') : bucketRef;
  const eventName = s3EventName(stringListProp(props, 'Events')[0]);
  const removal = eventName.startsWith('ObjectRemoved') || eventName.startsWith('LifecycleExpiration');
  const event = asObject(generateEvent('s3', removal ? 'delete' : 'put', {
    bucket, key: s3SampleKey(props.Filter), region: ctx.region, partition: ctx.partition,
  }));
  const record = firstOf(event, 'Records');
  record.eventName = eventName;
  record.eventTime = ctx.now.toISOString();
  child(record, 'responseElements')['x-amz-request-id'] = ctx.hex(16, 1).toUpperCase();
  child(child(record, 's3'), 'object').sequencer = ctx.hex(18, 2).toUpperCase();
  return event;
}

/** `DynamoDB` trigger: SAM's INSERT, MODIFY and REMOVE records (as many as BatchSize allows) from the stream. */
export function dynamoDbEvent(ctx: EventContext, props: Properties): JsonObject {
  const streamArn = arnOf(props.Stream, 'ExampleTableWithStream',
    (table) => buildArn(ctx, 'dynamodb', `table/${table}/stream/2015-06-27T00:48:05.899`));
  const table = /:table\/([^/]+)/.exec(streamArn)?.[1] ?? 'ExampleTableWithStream';
  const event = asObject(generateEvent('dynamodb', 'update', {
    region: ctx.region, partition: ctx.partition, 'account-id': ctx.accountId, table,
  }));
  const records = (event.Records as unknown[]).slice(0, batchSize(props, 3)).map(asObject);
  for (const record of records) {
    record.eventSourceARN = streamArn;
    child(record, 'dynamodb').ApproximateCreationDateTime = Math.floor(ctx.now.getTime() / 1000);
  }
  event.Records = records;
  return event;
}

/** `Kinesis` trigger: one record (SAM's sample data) from the trigger's stream. */
export function kinesisEvent(ctx: EventContext, props: Properties): JsonObject {
  const streamArn = arnOf(props.Stream, 'example-stream', (stream) => buildArn(ctx, 'kinesis', `stream/${stream}`));
  const event = asObject(generateEvent('kinesis', 'get-records', { region: ctx.region, partition: ctx.partition }));
  const record = firstOf(event, 'Records');
  record.eventSourceARN = streamArn;
  record.invokeIdentityArn = `arn:${ctx.partition}:iam::${ctx.accountId}:role/${ctx.fn.functionName}-role`;
  child(record, 'kinesis').approximateArrivalTimestamp = ctx.now.getTime() / 1000;
  return event;
}

/** `DocumentDB` trigger: one insert from the change stream of the trigger's database and collection. */
export function documentDbEvent(ctx: EventContext, props: Properties): JsonObject {
  const clusterArn = arnOf(props.Cluster, 'example-cluster', (cluster) => buildArn(ctx, 'rds', `cluster:${cluster.toLowerCase()}`));
  const documentId = ctx.hex(24, 1);
  const seconds = Math.floor(ctx.now.getTime() / 1000);
  return {
    eventSourceArn: clusterArn,
    events: [{
      event: {
        _id: { _data: ctx.hex(36, 2) },
        clusterTime: { $timestamp: { t: seconds, i: 1 } },
        documentKey: { _id: { $oid: documentId } },
        fullDocument: { _id: { $oid: documentId }, anyField: 'sampleValue' },
        ns: { db: stringProp(props, 'DatabaseName') ?? 'example_database', coll: stringProp(props, 'CollectionName') ?? 'example_collection' },
        operationType: 'insert',
      },
    }],
    eventSource: 'aws:docdb',
  };
}

/** How many records a sample batch holds: the trigger's BatchSize, at most `cap`, at least 1. */
export function batchSize(props: Properties, cap: number): number {
  const declared = numberProp(props, 'BatchSize');
  return Math.max(1, Math.min(cap, declared === undefined ? cap : Math.floor(declared)));
}
