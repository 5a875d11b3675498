// How an invocation completes on Node ≤22 and what the caller gets (lambda-spec.md §5.1: handler kinds, errors →
// payload; §3.5: the `Invoke Error` line).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invoke } from './nodeRuntime.mjs';

const CALLBACK_WARNING = '<time>\tundefined\tWARN\tAWS Lambda plans to remove support for callback-based function handlers '
  + 'starting with Node.js 24. You will need to update this function to use an async handler to use Node.js 24 or later. '
  + 'For more information and to provide feedback on this change, see '
  + 'https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/issues/137. To disable this warning, set the '
  + 'AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING environment variable.';

const invokeError = (error) => `<time>\t<id>\tERROR\tInvoke Error \t${JSON.stringify(error)}`;

test('an async handler succeeds with its resolved value', async () => {
  const result = await invoke('async-result', 'index.value', { event: { n: 1 } });
  assert.equal(result.payload, '{"echo":{"n":1}}');
  assert.equal(result.functionError, undefined);
  assert.deepEqual(result.lines, []);
});

test('an async handler that resolves undefined returns null', async () => {
  const result = await invoke('async-result', 'index.nothing');
  assert.equal(result.payload, 'null');
});

test('callback(null, result) waits for the event loop to empty, and Node ≤22 warns about callback handlers', async () => {
  const result = await invoke('callback-wait', 'index.handler');
  assert.equal(result.payload, '{"waited":true}');
  assert.deepEqual(result.lines, [CALLBACK_WARNING, '<time>\t<id>\tINFO\ttimer fired before the response']);
});

test('with callbackWaitsForEmptyEventLoop = false the result goes out at once', async () => {
  const result = await invoke('callback-no-wait', 'index.handler');
  assert.equal(result.payload, '{"waited":false}');
  assert.deepEqual(result.lines, [CALLBACK_WARNING]);
});

test('AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING silences the warning', async () => {
  const result = await invoke('callback-no-wait', 'index.handler', { environment: { AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING: '1' } });
  assert.deepEqual(result.lines, []);
});

test('a synchronous handler that never calls back succeeds with null once the event loop is empty', async () => {
  const result = await invoke('sync-no-callback', 'index.handler');
  assert.equal(result.payload, 'null');
  assert.deepEqual(result.lines, ['<time>\t<id>\tINFO\twork done']);
});

test('context.succeed, context.done(null, result): success at once', async () => {
  assert.equal((await invoke('legacy-context', 'index.succeed')).payload, '{"via":"succeed"}');
  assert.equal((await invoke('legacy-context', 'index.doneResult')).payload, '{"via":"done"}');
});

test('context.fail(error) and context.done(error) report the error at once', async () => {
  for (const [handler, frame] of [
    ['index.fail', '    at exports.fail [as handler] (<fixture>/index.js:2:49)'],
    ['index.doneError', '    at exports.doneError [as handler] (<fixture>/index.js:4:54)'],
  ]) {
    const result = await invoke('legacy-context', handler);
    const message = handler === 'index.fail' ? 'via fail' : 'via done';
    const trace = [`Error: ${message}`, frame];
    assert.equal(result.functionError, 'Unhandled');
    assert.deepEqual(result.json, { errorType: 'Error', errorMessage: message, trace });
    assert.deepEqual(result.lines, [invokeError({ errorType: 'Error', errorMessage: message, stack: trace })]);
  }
});

test('context.fail() without an error reports the string "handled"', async () => {
  const result = await invoke('legacy-context', 'index.failNoArgs');
  assert.equal(result.payload, '{"errorType":"string","errorMessage":"handled","trace":[]}');
  assert.equal(result.errorType, 'string');
  // The log line wraps the string in an Error, so its stack starts where the runtime logged it.
  assert.deepEqual(result.lines, [invokeError({
    errorType: 'Error', errorMessage: 'handled', stack: ['Error: handled', '    at exports.failNoArgs [as handler] (<fixture>/index.js:3:50)'],
  })]);
});

test('only the first callback call counts', async () => {
  const result = await invoke('legacy-context', 'index.twice');
  assert.equal(result.payload, '"first"');
});

test('a thrown string becomes errorType "string" with no trace', async () => {
  const result = await invoke('throw-values', 'index.string');
  assert.equal(result.payload, '{"errorType":"string","errorMessage":"oops","trace":[]}');
  assert.deepEqual(result.lines, [invokeError({ errorType: 'Error', errorMessage: 'oops', stack: ['Error: oops'] })]);
});

test('a thrown plain object becomes errorType "object", "[object Object]"', async () => {
  const result = await invoke('throw-values', 'index.object');
  assert.equal(result.payload, '{"errorType":"object","errorMessage":"[object Object]","trace":[]}');
});

test('a synchronous throw is reported like a rejection', async () => {
  const result = await invoke('throw-values', 'index.sync');
  const trace = ['RangeError: thrown synchronously', '    at exports.sync [as handler] (<fixture>/index.js:8:9)'];
  assert.deepEqual(result.json, { errorType: 'RangeError', errorMessage: 'thrown synchronously', trace });
  assert.deepEqual(result.lines, [invokeError({ errorType: 'RangeError', errorMessage: 'thrown synchronously', stack: trace })]);
});

test("an error's own properties are logged but not returned", async () => {
  const result = await invoke('error-props', 'index.handler');
  // The stack is rendered when first read, after the name was changed.
  const trace = ['NotFound: Item not found', '    at exports.handler (<fixture>/index.js:2:17)'];
  assert.deepEqual(result.json, { errorType: 'NotFound', errorMessage: 'Item not found', trace });
  assert.equal(result.errorType, 'NotFound');
  assert.deepEqual(result.lines, [invokeError({
    errorType: 'NotFound', errorMessage: 'Item not found', code: 'E_NOT_FOUND', name: 'NotFound', statusCode: 404, stack: trace,
  })]);
});

test('a result JSON cannot represent fails with "Unable to stringify response body"', async () => {
  const result = await invoke('circular', 'index.handler');
  const error = { errorType: 'Error', errorMessage: 'Unable to stringify response body' };
  assert.deepEqual(result.json, { ...error, trace: ['Error: Unable to stringify response body'] });
  assert.deepEqual(result.lines, [invokeError({ ...error, stack: ['Error: Unable to stringify response body'] })]);
});
