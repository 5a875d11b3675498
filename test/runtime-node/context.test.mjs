// The context object and the per-invocation environment (lambda-spec.md §5.1 context table, §1.3 headers).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invoke } from './nodeRuntime.mjs';

test('the context carries the function, the invocation and the legacy callback members, in the managed order', async () => {
  const result = await invoke('context-fields', 'index.handler');
  const context = JSON.parse(result.payload);
  assert.match(context.logStreamName, /^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
  assert.match(context.traceId, /^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=[01]$/);
  assert.deepEqual({ ...context, logStreamName: '<stream>', traceId: '<trace>' }, {
    keys: [
      'callbackWaitsForEmptyEventLoop', 'succeed', 'fail', 'done', 'functionVersion', 'functionName', 'memoryLimitInMB',
      'logGroupName', 'logStreamName', 'clientContext', 'identity', 'invokedFunctionArn', 'awsRequestId', 'tenantId',
      'getRemainingTimeInMillis',
    ],
    functionName: 'fixture',
    functionVersion: '$LATEST',
    memoryLimitInMB: '128',
    logGroupName: '/aws/lambda/fixture',
    logStreamName: '<stream>',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fixture',
    awsRequestId: result.result.requestId,
    identity: 'undefined',
    clientContext: 'undefined',
    callbackWaitsForEmptyEventLoop: true,
    remainingInRange: true,
    traceId: '<trace>',
    // The runner's private variable is read and removed before the function loads.
    internalVariable: null,
    awslambda: ['streamifyResponse', 'HttpResponseStream'],
  });
});

test('client context and Cognito identity are parsed from their headers; the trace header becomes _X_AMZN_TRACE_ID', async () => {
  const clientContext = { client: { installation_id: 'i-1', app_title: 'App' }, custom: { k: 'v' }, env: { platform: 'Android' } };
  const identity = { cognitoIdentityId: 'us-east-1:abc', cognitoIdentityPoolId: 'us-east-1:pool' };
  const traceId = 'Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1';
  const result = await invoke('context-fields', 'index.handler', {
    invokeOptions: { clientContext: JSON.stringify(clientContext), cognitoIdentity: JSON.stringify(identity), traceId },
  });
  const context = JSON.parse(result.payload);
  assert.deepEqual([context.clientContext, context.identity, context.traceId], [clientContext, identity, traceId]);
});

test('a client context that is not JSON fails the invocation', async () => {
  const result = await invoke('context-fields', 'index.handler', { invokeOptions: { clientContext: '{not json' } });
  const message = "Cannot parse ClientContext as json: SyntaxError: Expected property name or '}' in JSON at position 1";
  assert.deepEqual(result.json, { errorType: 'Error', errorMessage: message, trace: [`Error: ${message}`] });
  assert.deepEqual(result.lines, [`<time>\t<id>\tERROR\tInvoke Error \t${JSON.stringify({ errorType: 'Error', errorMessage: message, stack: [`Error: ${message}`] })}`]);
});

test('AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA leaves the awslambda global undefined', async () => {
  const result = await invoke('context-fields', 'index.handler', { environment: { AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA: 'true' } });
  assert.equal(JSON.parse(result.payload).awslambda, null);
});
