// What every generated event needs beyond its trigger: where it happens (region, account, partition), when, and
// ids that stay the same from one generation to the next so saved events and tests do not churn.
import type { FunctionModel, TemplateModel, TriggerModel } from '../model/types';
import { md5Hex } from './encodings';

export interface EventOptions {
  /** Default: the template's `AWS::Region`, else `us-east-1`. */
  region?: string;
  /** Default: the template's `AWS::AccountId`, else `123456789012`. */
  accountId?: string;
  /** The moment the event happens (timestamps in the event). Default: now. */
  now?: Date;
  /** For a Cognito trigger listing several `Trigger`s: which one (default the first). */
  cognitoTrigger?: string;
}

export interface EventContext {
  region: string;
  accountId: string;
  partition: string;
  now: Date;
  fn: FunctionModel;
  /** Absent for events that are not one of the function's `Events` (function URL). */
  trigger?: TriggerModel;
  /** A UUID derived from the function, the trigger and `n`: the same every time. */
  uuid: (n?: number) => string;
  /** `count` lower-case hex digits derived like `uuid`. */
  hex: (count: number, n?: number) => string;
}

export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT_ID = '123456789012';

export function eventContext(fn: FunctionModel, trigger: TriggerModel | undefined, template: TemplateModel,
  options: EventOptions = {}): EventContext {
  const region = options.region ?? nonEmpty(template.parameters['AWS::Region']) ?? DEFAULT_REGION;
  const accountId = options.accountId ?? nonEmpty(template.parameters['AWS::AccountId']) ?? DEFAULT_ACCOUNT_ID;
  const seed = `${fn.logicalId}/${trigger?.id ?? ''}`;
  const hex = (count: number, n = 0): string => {
    let out = '';
    for (let block = 0; out.length < count; block++) out += md5Hex(`${seed}/${n}/${block}`);
    return out.slice(0, count);
  };
  return {
    region,
    accountId,
    partition: partitionOf(region),
    now: options.now ?? new Date(),
    fn,
    trigger,
    hex,
    uuid: (n = 0) => {
      const h = hex(32, n);
      // Shaped as a version-4 UUID, like the ids AWS puts in events.
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** The function's ARN, as Lambda puts it in events and contexts. */
export function functionArn(ctx: EventContext): string {
  return `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.accountId}:function:${ctx.fn.functionName}`;
}

/** `12/Mar/2020:19:03:58 +0000`, API Gateway's request time. */
export function clfTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** ISO time without milliseconds (`2024-01-02T03:04:05Z`), as EventBridge writes it. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
