// Events from messaging services: SQS batches, SNS notifications, Amazon MQ, MSK and self-managed Kafka.
import { generateEvent } from './catalogue';
import type { EventContext } from './context';
import { asObject, child, firstOf, type JsonObject } from './json';
import { arn as buildArn, arnOf, arnResourceName, isObject, objectProp, stringListProp, type Properties } from './properties';
import { batchSize } from './storageEvents';

/** Lambda hands a function at most 10 SQS messages per batch by default; a sample never needs more. */
const SQS_SAMPLE_CAP = 10;
const KAFKA_VALUE = Buffer.from('Hello, this is a test.').toString('base64');

/** The region part of an ARN, or the context's region. */
function regionOf(arn: string, ctx: EventContext): string {
  return arn.split(':')[3] || ctx.region;
}

/** `SQS` trigger: BatchSize messages (at most 10) from the trigger's queue, each with the md5 of its body (computed by the catalogue, as SAM does). */
export function sqsEvent(ctx: EventContext, props: Properties): JsonObject {
  const queueArn = arnOf(props.Queue, 'MyQueue', (queue) => buildArn(ctx, 'sqs', queue));
  const queueName = arnResourceName(queueArn);
  const count = batchSize(props, SQS_SAMPLE_CAP);
  const sent = ctx.now.getTime();
  const records = Array.from({ length: count }, (_, i) => {
    const body = count === 1 ? 'Hello from SQS!' : `Hello from SQS! (message ${i + 1} of ${count})`;
    const record = firstOf(asObject(generateEvent('sqs', 'receive-message', {
      body, 'queue-name': queueName, region: regionOf(queueArn, ctx), partition: ctx.partition, 'account-id': ctx.accountId,
    })), 'Records');
    record.messageId = ctx.uuid(100 + i);
    record.receiptHandle = Buffer.from(`${queueName}/${ctx.hex(40, 200 + i)}`).toString('base64');
    record.eventSourceARN = queueArn;
    const attributes = child(record, 'attributes');
    attributes.SentTimestamp = String(sent - 1000 + i);
    attributes.ApproximateFirstReceiveTimestamp = String(sent + i);
    if (queueName.endsWith('.fifo')) {
      Object.assign(attributes, {
        SequenceNumber: String(18849496460467696128n + BigInt(i)),
        MessageGroupId: 'group-1',
        MessageDeduplicationId: ctx.hex(32, 300 + i),
      });
    }
    return record;
  });
  return { Records: records };
}

/** `SNS` trigger: one notification from the trigger's topic, with attributes matching a simple FilterPolicy. */
export function snsEvent(ctx: EventContext, props: Properties): JsonObject {
  const topicArn = arnOf(props.Topic, 'ExampleTopic', (topic) => buildArn(ctx, 'sns', topic));
  const event = asObject(generateEvent('sns', 'notification', {
    topic: arnResourceName(topicArn), region: regionOf(topicArn, ctx), partition: ctx.partition, 'account-id': ctx.accountId,
  }));
  const record = firstOf(event, 'Records');
  record.EventSubscriptionArn = `${topicArn}:${ctx.uuid(1)}`;
  const sns = child(record, 'Sns');
  Object.assign(sns, { MessageId: ctx.uuid(2), TopicArn: topicArn, Timestamp: ctx.now.toISOString() });
  const policy = objectProp(props, 'FilterPolicy');
  if (policy) {
    const matching = sampleForFilterPolicy(policy);
    if (props.FilterPolicyScope === 'MessageBody') sns.Message = JSON.stringify(matching);
    else Object.assign(child(sns, 'MessageAttributes'), toMessageAttributes(matching));
  }
  return event;
}

/** Values that satisfy the exact-match parts of an SNS filter policy (`{"color": ["red"]}` → `{color: "red"}`). */
function sampleForFilterPolicy(policy: Properties): JsonObject {
  const out: JsonObject = {};
  for (const [key, rule] of Object.entries(policy)) {
    if (isObject(rule)) {
      out[key] = sampleForFilterPolicy(rule);
      continue;
    }
    const exact = (Array.isArray(rule) ? rule : [rule]).find((item) => typeof item === 'string' || typeof item === 'number');
    if (exact !== undefined) out[key] = exact;
  }
  return out;
}

function toMessageAttributes(values: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(values)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([key, value]) => [key, { Type: typeof value === 'number' ? 'Number' : 'String', Value: String(value) }]));
}

/** `MQ` trigger: one ActiveMQ text message on the first of the trigger's queues. */
export function mqEvent(ctx: EventContext, props: Properties): JsonObject {
  const brokerArn = arnOf(props.Broker, 'example-broker', (broker) => buildArn(ctx, 'mq', `broker:${broker}:b-${ctx.uuid(1)}`));
  const brokerId = /:(b-[0-9a-f-]+)$/.exec(brokerArn)?.[1] ?? `b-${ctx.uuid(1)}`;
  const sent = ctx.now.getTime();
  return {
    eventSource: 'aws:mq',
    eventSourceArn: brokerArn,
    messages: [{
      messageID: `ID:${brokerId}-1.mq.${regionOf(brokerArn, ctx)}.amazonaws.com-37557-1234520418293-4:1:1:1:1`,
      messageType: 'jms/text-message',
      deliveryMode: 1,
      replyTo: null,
      type: null,
      expiration: '60000',
      priority: 1,
      correlationId: 'myJMSCoID',
      redelivered: false,
      destination: { physicalName: stringListProp(props, 'Queues')[0] ?? 'ExampleQueue' },
      data: Buffer.from('Hello from Amazon MQ!').toString('base64'),
      timestamp: sent,
      brokerInTime: sent,
      brokerOutTime: sent + 1,
      properties: { index: '1' },
    }],
  };
}

/** `MSK` trigger: one record per topic from the trigger's cluster. */
export function mskEvent(ctx: EventContext, props: Properties): JsonObject {
  const clusterArn = arnOf(props.Stream, 'example-cluster', (cluster) => buildArn(ctx, 'kafka', `cluster/${cluster}/${ctx.uuid(1)}-1`));
  const clusterName = /:cluster\/([^/]+)/.exec(clusterArn)?.[1] ?? 'example-cluster';
  const brokers = [1, 2].map((n) => `b-${n}.${clusterName.toLowerCase()}.${ctx.hex(6, 2)}.c2.kafka.${regionOf(clusterArn, ctx)}.amazonaws.com:9098`);
  return { eventSource: 'aws:kafka', eventSourceArn: clusterArn, bootstrapServers: brokers.join(','), records: kafkaRecords(ctx, props) };
}

/** `SelfManagedKafka` trigger: like MSK, from the trigger's bootstrap servers, without an ARN. */
export function selfManagedKafkaEvent(ctx: EventContext, props: Properties): JsonObject {
  const servers = stringListProp(props, 'KafkaBootstrapServers');
  return {
    eventSource: 'SelfManagedKafka',
    bootstrapServers: (servers.length > 0 ? servers : ['kafka.example.com:9092']).join(','),
    records: kafkaRecords(ctx, props),
  };
}

function kafkaRecords(ctx: EventContext, props: Properties): JsonObject {
  const topics = stringListProp(props, 'Topics');
  const records: JsonObject = {};
  (topics.length > 0 ? topics : ['example-topic']).forEach((topic, i) => {
    records[`${topic}-0`] = [{
      topic,
      partition: 0,
      offset: 15 + i,
      timestamp: ctx.now.getTime(),
      timestampType: 'CREATE_TIME',
      key: Buffer.from('key-1').toString('base64'),
      value: KAFKA_VALUE,
      headers: [{ headerKey: [...Buffer.from('headerValue')] }],
    }];
  });
  return records;
}
