// The Runtime API (version 2018-06-01) as the runner serves it: paths, headers and the error documents the API
// itself returns. Spec: lambda-spec.md §1. The runner speaks only this to an environment.
import catalogue from '../../runtimes/errors.json';

export const API_VERSION = '2018-06-01';

export const Paths = {
  next: `/${API_VERSION}/runtime/invocation/next`,
  initError: `/${API_VERSION}/runtime/init/error`,
  restoreNext: `/${API_VERSION}/runtime/restore/next`,
  restoreError: `/${API_VERSION}/runtime/restore/error`,
  /** `/2018-06-01/runtime/invocation/{id}/response|error` */
  invocationPrefix: `/${API_VERSION}/runtime/invocation/`,
} as const;

/** Headers of the `/next` response (§1.3). */
export const InvokeHeader = {
  requestId: 'lambda-runtime-aws-request-id',
  deadlineMs: 'lambda-runtime-deadline-ms',
  functionArn: 'lambda-runtime-invoked-function-arn',
  traceId: 'lambda-runtime-trace-id',
  clientContext: 'lambda-runtime-client-context',
  cognitoIdentity: 'lambda-runtime-cognito-identity',
  tenantId: 'lambda-runtime-aws-tenant-id',
} as const;

/** Headers the runtime sends (§1.4, §1.6). */
export const RuntimeHeader = {
  errorType: 'lambda-runtime-function-error-type',
  errorBody: 'lambda-runtime-function-error-body',
  xrayCause: 'lambda-runtime-function-xray-error-cause',
  responseMode: 'lambda-runtime-function-response-mode',
} as const;

export const ERROR_CAUSE_CONTENT_TYPE = 'application/vnd.aws.lambda.error.cause+json';

/** The largest buffered response the API accepts: 6 MiB + 100 bytes. */
export const MAX_RESPONSE_BYTES = 6_291_556;
/** The largest synchronous request (event): 6 MiB. */
export const MAX_REQUEST_BYTES = 6_291_456;
/** A streamed response may be up to 200 MB. */
export const MAX_STREAMED_BYTES = 200 * 1024 * 1024;

export type ApiErrorType = keyof typeof catalogue.runtimeApi;

/** The status and JSON body of an error the Runtime API itself returns to the runtime. */
export function apiError(type: ApiErrorType, vars: Record<string, string> = {}): { status: number; body: string } {
  const entry = catalogue.runtimeApi[type];
  return { status: entry.status, body: JSON.stringify({ errorMessage: fill(entry.message, vars), errorType: type }) };
}

/** The payload Lambda hands the caller for a platform-level failure (§5.3). */
export function platformError(errorType: string, message: string): Buffer {
  return Buffer.from(JSON.stringify({ errorType, errorMessage: message }));
}

export const platformMessages = catalogue.platform;

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** States of the runtime as the API tracks them; names as the RIE reports them in InvalidStateTransition. */
export const enum RuntimeState {
  Started = 'Started',
  InitError = 'InitError',
  Ready = 'Ready',
  InvocationResponse = 'InvocationResponse',
  InvocationErrorResponse = 'InvocationErrorResponse',
  ResponseSent = 'RuntimeResponseSentState',
}
