// What the Lambda view writes for functions, triggers and invokes. Plain Node (no `vscode`): unit-tested as is.
import { arnResourceName, isObject, nameOf, stringListProp, type Properties } from '../events/properties';
import type { FunctionModel, TriggerModel } from '../model/types';
import type { InvokeResult } from '../runner/types';

export const FUNCTION_URL_LABEL = 'Function URL';

/** `128 MB · 5 s` */
export function functionDescription(fn: FunctionModel): string {
  return `${fn.memorySize} MB · ${fn.timeout} s`;
}

export function functionTooltip(fn: FunctionModel): string {
  const lines = [fn.functionName === fn.logicalId ? fn.logicalId : `${fn.logicalId} (${fn.functionName})`];
  if (fn.description) lines.push(fn.description);
  if (fn.packageType === 'Image') lines.push(`Image${fn.imageUri ? `: ${fn.imageUri}` : ''}`);
  else lines.push(`Runtime: ${fn.runtime ?? '(none)'}`, `Handler: ${fn.handler ?? '(none)'}`);
  lines.push(`Memory: ${fn.memorySize} MB · Timeout: ${fn.timeout} s · ${fn.architecture}`);
  return lines.join('\n');
}

export type RuntimeIcon = 'nodejs' | 'python' | 'provided';

/** Which runtime icon a function gets, if any. */
export function runtimeIcon(runtime: string | undefined): RuntimeIcon | undefined {
  if (runtime?.startsWith('nodejs')) return 'nodejs';
  if (runtime?.startsWith('python')) return 'python';
  if (runtime?.startsWith('provided')) return 'provided';
  return undefined;
}

type Subject = (props: Properties) => (string | undefined)[];

const route: Subject = (props) => [`${(nameOf(props.Method) ?? 'any').toUpperCase()} ${nameOf(props.Path) ?? '/'}`];
const arnName = (value: unknown): string | undefined => {
  const name = nameOf(value);
  return name?.startsWith('arn:') ? arnResourceName(name) : name;
};

/** The part of a trigger's label before its type: what it listens to. */
const SUBJECTS: Readonly<Record<string, Subject>> = {
  Api: route,
  HttpApi: (props) => (props.Path === undefined && props.Method === undefined ? ['$default'] : route(props)),
  S3: (props) => [stringListProp(props, 'Events').join(', ') || undefined, bucketName(props.Bucket)],
  SQS: (props) => [arnName(props.Queue)],
  SNS: (props) => [arnName(props.Topic)],
  Kinesis: (props) => [arnName(props.Stream)],
  DynamoDB: (props) => [tableName(props.Stream)],
  DocumentDB: (props) => [nameOf(props.DatabaseName), nameOf(props.CollectionName)],
  MQ: (props) => [stringListProp(props, 'Queues').join(', ')],
  MSK: (props) => [stringListProp(props, 'Topics').join(', ')],
  SelfManagedKafka: (props) => [stringListProp(props, 'Topics').join(', ')],
  Schedule: (props) => [nameOf(props.Schedule)],
  ScheduleV2: (props) => [nameOf(props.ScheduleExpression)],
  CloudWatchEvent: (props) => patternParts(props.Pattern),
  EventBridgeRule: (props) => patternParts(props.Pattern),
  CloudWatchLogs: (props) => [nameOf(props.LogGroupName)],
  Cognito: (props) => [stringListProp(props, 'Trigger').join(', ')],
  IoTRule: (props) => [nameOf(props.Sql)],
};

/**
 * `GET /hello · Api`, `s3:ObjectCreated:* · uploads · S3`, `rate(5 minutes) · Schedule`, `orders-queue · SQS`;
 * the trigger's id stands in when its properties name nothing readable.
 */
export function triggerLabel(trigger: TriggerModel): string {
  const props = trigger.properties ?? {};
  const subject = Object.hasOwn(SUBJECTS, trigger.type) ? SUBJECTS[trigger.type](props) : [];
  const parts = subject.filter((part): part is string => part !== undefined && part !== '');
  return [...(parts.length ? parts : [trigger.id]), trigger.type].join(' · ');
}

function bucketName(value: unknown): string | undefined {
  return nameOf(value)?.replace(/^arn:[^:]*:s3:::/, '');
}

function tableName(value: unknown): string | undefined {
  const name = nameOf(value);
  return (name && /:table\/([^/]+)/.exec(name)?.[1]) ?? arnName(value);
}

/** An EventBridge pattern's `source` and `detail-type`, the way a reader recognises the rule. */
function patternParts(pattern: unknown): string[] {
  if (!isObject(pattern)) return [];
  return [stringListProp(pattern, 'source').join(', '), stringListProp(pattern, 'detail-type').join(', ')];
}

/** `Succeeded`, or the error type (`Runtime.ExitError`, `Sandbox.Timedout`, the function's own error name). */
export function invocationStatus(result: Pick<InvokeResult, 'functionError' | 'errorType' | 'report'>): string {
  if (!result.functionError) return 'Succeeded';
  return result.errorType ?? result.report.errorType ?? (result.report.status === 'timeout' ? 'Sandbox.Timedout' : 'Unhandled');
}

/** `0.84 ms`, `12 ms`, `2.35 s`. */
export function formatDuration(ms: number): string {
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** The Recent Invocations line under the function's name: `get-hello · Succeeded · 12 ms`. */
export function invocationDescription(record: { eventLabel: string; result: Pick<InvokeResult, 'functionError' | 'errorType' | 'report'> }): string {
  return `${record.eventLabel} · ${invocationStatus(record.result)} · ${formatDuration(record.result.report.durationMs)}`;
}

/** A template error without the `file:line:col: ` prefix, for a tree label (the tooltip keeps the full message). */
export function shortErrorMessage(message: string, file: string): string {
  if (!message.startsWith(file)) return message;
  return message.slice(file.length).replace(/^(:\d+)*:\s*/, '');
}

/** A log line as the output channel shows it: Lambda writes a multi-line message as one line with `\r`s. */
export function logLineForDisplay(line: string): string {
  return line.replace(/\r\n?/g, '\n');
}
