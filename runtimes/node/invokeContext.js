'use strict';
// Turns the headers of a /next response into the handler's context object, and points the log lines and
// _X_AMZN_TRACE_ID at the new invocation. Spec: lambda-spec.md §1.3, §5.1 (context object).

const { pausedMs } = require('./debugger.js');
const { message } = require('./errors.js');
const { setCurrentRequestId, setCurrentTenantId } = require('./logPatch.js');

const INVOKE_HEADER = {
  clientContext: 'lambda-runtime-client-context',
  cognitoIdentity: 'lambda-runtime-cognito-identity',
  functionArn: 'lambda-runtime-invoked-function-arn',
  requestId: 'lambda-runtime-aws-request-id',
  deadlineMs: 'lambda-runtime-deadline-ms',
  traceId: 'lambda-runtime-trace-id',
  tenantId: 'lambda-runtime-aws-tenant-id',
};

class InvokeContext {
  /** @param {Record<string, string | string[] | undefined>} headers as Node's http client reports them (lower case). */
  constructor(headers, { node24 = false } = {}) {
    this.headers = {};
    for (const [name, value] of Object.entries(headers)) this.headers[name.toLowerCase()] = value;
    this.node24 = node24;
  }

  get invokeId() {
    const id = this.headers[INVOKE_HEADER.requestId];
    if (!id) throw new Error('invocation id is missing or invalid');
    return id;
  }

  get tenantId() {
    return this.headers[INVOKE_HEADER.tenantId];
  }

  updateLoggingContext() {
    setCurrentRequestId(this.invokeId);
    setCurrentTenantId(this.tenantId);
  }

  /**
   * Copies the invocation's data onto `target` (the callback or streaming part of the context) and returns it.
   * Throws `Cannot parse ClientContext as json: …` for a malformed header; the invocation then fails with it.
   */
  attachEnvironmentData(target) {
    this.forwardXRay();
    return Object.assign(target, this.environmentData(), this.headerData());
  }

  environmentData() {
    return {
      functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    };
  }

  headerData() {
    const deadline = this.headers[INVOKE_HEADER.deadlineMs];
    const data = {
      clientContext: parseJson(this.headers[INVOKE_HEADER.clientContext], 'ClientContext'),
      identity: parseJson(this.headers[INVOKE_HEADER.cognitoIdentity], 'CognitoIdentity'),
      invokedFunctionArn: this.headers[INVOKE_HEADER.functionArn],
      awsRequestId: this.headers[INVOKE_HEADER.requestId],
      tenantId: this.headers[INVOKE_HEADER.tenantId],
    };
    if (this.node24) data.xRayTraceId = this.headers[INVOKE_HEADER.traceId];
    // Not clamped: it goes negative once the deadline has passed. Under a debugger, paused time is left out.
    const id = data.awsRequestId;
    data.getRemainingTimeInMillis = function () {
      return deadline - Date.now() + pausedMs(id);
    };
    return data;
  }

  forwardXRay() {
    const traceId = this.headers[INVOKE_HEADER.traceId];
    if (traceId) process.env._X_AMZN_TRACE_ID = traceId;
    else delete process.env._X_AMZN_TRACE_ID;
  }
}

function parseJson(text, name) {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(message('clientContext', { name, error: error.toString() }), { cause: error });
  }
}

module.exports = { InvokeContext };
