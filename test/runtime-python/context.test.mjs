// The context object (spec §5.2) and the per-invoke environment (_X_AMZN_TRACE_ID, §1.3).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { invokePy, invokeWith, newRunner, removeBytecode } from './pyFixtures.mjs';

after(() => removeBytecode());

const TRACE = 'Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1';

describe('python runtime: context', () => {
  it('has every attribute, memory as a string, identity always an object, remaining time clamped at 0', async () => {
    const r = await invokePy('context', { functionName: 'orders-api', memorySize: 256 });
    const ctx = r.json;
    assert.equal(ctx.aws_request_id, r.result.requestId);
    assert.equal(ctx.function_name, 'orders-api');
    assert.equal(ctx.function_version, '$LATEST');
    assert.equal(ctx.memory_limit_in_mb, '256');
    assert.equal(ctx.invoked_function_arn, 'arn:aws:lambda:us-east-1:123456789012:function:orders-api');
    assert.equal(ctx.log_group_name, '/aws/lambda/orders-api');
    assert.match(ctx.log_stream_name, /^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
    assert.equal(ctx.tenant_id, null);
    assert.deepEqual(ctx.identity, { class: 'CognitoIdentity', cognito_identity_id: null, cognito_identity_pool_id: null });
    assert.equal(ctx.client_context, null);
    assert.equal(ctx.remaining_in_range, true);
    assert.equal(ctx.remaining_after_deadline, 0);
    // The runner, like Lambda, sends a trace header on every invoke (Sampled=0 when not traced).
    assert.match(ctx.trace_id, /^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
  });

  it('parses the client context and the Cognito identity, and sets _X_AMZN_TRACE_ID', async () => {
    const clientContext = {
      client: { installation_id: 'install-1', app_title: 'Shop', app_version_name: '1.2', app_version_code: '12', app_package_name: 'com.shop' },
      custom: { cart: 'abc' },
      env: { platform: 'Android', locale: 'en_US' },
    };
    const r = await invokePy('context', { invokeOptions: {
      clientContext: JSON.stringify(clientContext),
      cognitoIdentity: JSON.stringify({ cognitoIdentityId: 'us-east-1:id', cognitoIdentityPoolId: 'us-east-1:pool' }),
      traceId: TRACE,
    } });
    assert.deepEqual(r.json.client_context, clientContext);
    assert.deepEqual(r.json.identity, { class: 'CognitoIdentity', cognito_identity_id: 'us-east-1:id', cognito_identity_pool_id: 'us-east-1:pool' });
    assert.equal(r.json.trace_id, TRACE);
  });

  it('gives a client context without `client` a client of None', async () => {
    const r = await invokePy('context', { invokeOptions: { clientContext: '{"custom": {"k": 1}}' } });
    assert.deepEqual(r.json.client_context, { custom: { k: 1 }, env: null, client: null });
  });

  it('sets _X_AMZN_TRACE_ID and the request id afresh on each warm invoke', async (t) => {
    const runner = newRunner();
    t.after(() => runner.dispose());
    const first = await invokeWith(runner, 'context', { invokeOptions: { traceId: TRACE } });
    const second = await invokeWith(runner, 'context');
    assert.equal(second.result.coldStart, false);
    assert.equal(first.json.trace_id, TRACE);
    assert.notEqual(second.json.trace_id, TRACE);
    assert.equal(second.json.aws_request_id, second.result.requestId);
    assert.notEqual(first.json.aws_request_id, second.json.aws_request_id);
  });
});
