// nodejs24.x (lambda-spec.md §5.1 "Node.js 24", §3.5): callback handlers are refused at init, the context loses its
// callback members, and the handler's returned value is the result.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invoke } from './nodeRuntime.mjs';

const runtime = 'nodejs24.x';
const DEPRECATED = 'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. '
  + 'You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more '
  + 'information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';

for (const handler of ['index.callback', 'index.asyncThreeParams']) {
  test(`a handler declaring three parameters (${handler}) fails init with Runtime.CallbackHandlerDeprecated`, async () => {
    const result = await invoke('node24-callback', handler, { runtime });
    const trace = [`Runtime.CallbackHandlerDeprecated: ${DEPRECATED}`];
    assert.deepEqual(result.json, { errorType: 'Runtime.CallbackHandlerDeprecated', errorMessage: DEPRECATED, trace });
    const logged = `<time>\tundefined\tERROR\tInit Error \t${JSON.stringify({ errorType: 'Runtime.CallbackHandlerDeprecated', errorMessage: DEPRECATED, stack: trace })}`;
    assert.deepEqual(result.lines, [logged, logged]);
    assert.ok(result.logs.includes('INIT_REPORT Init Duration: <n> ms\tPhase: init\tStatus: error\tError Type: Runtime.CallbackHandlerDeprecated'));
  });
}

test('the context has no succeed/fail/done or callbackWaitsForEmptyEventLoop', async () => {
  const result = await invoke('node24-callback', 'index.asyncHandler', { runtime });
  assert.equal(result.payload, '{"succeed":"undefined","callbackWaitsForEmptyEventLoop":false}');
});

test("a synchronous handler's return value is the result", async () => {
  const result = await invoke('node24-callback', 'index.syncReturn', { runtime, event: { n: 7 } });
  assert.equal(result.payload, '{"returned":7}');
});

test('init failures are logged as "Init Error"', async () => {
  const result = await invoke('undefined-export', 'index.handler', { runtime });
  const error = { errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.handler is undefined or not exported', stack: ['Runtime.HandlerNotFound: index.handler is undefined or not exported'] };
  assert.equal(result.lines[0], `<time>\tundefined\tERROR\tInit Error \t${JSON.stringify(error)}`);
});

test('a result JSON cannot represent fails with Runtime.JSONStringifyError', async () => {
  const result = await invoke('circular', 'index.handler', { runtime });
  const trace = ['Runtime.JSONStringifyError: Unable to stringify response body'];
  assert.deepEqual(result.json, { errorType: 'Runtime.JSONStringifyError', errorMessage: 'Unable to stringify response body', trace });
});

test('a promise that never settles still fails with Runtime.NodeJsExit', async () => {
  const result = await invoke('never-settles', 'index.handler', { runtime });
  assert.equal(result.errorType, 'Runtime.NodeJsExit');
});
