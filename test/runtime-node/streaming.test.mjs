// Response streaming (lambda-spec.md §1.6, §5.1 "Response streaming"): awslambda.streamifyResponse handlers write
// to a stream; failures after the first byte travel as trailers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invoke } from './nodeRuntime.mjs';

const invokeError = (error) => `<time>\t<id>\tERROR\tInvoke Error \t${JSON.stringify(error)}`;

test('a streamed body arrives as written, objects as JSON, with the default content type', async () => {
  const result = await invoke('streaming-plain', 'index.handler');
  assert.equal(result.result.streamed, true);
  assert.equal(result.payload, 'hello {"json":"objects are written as JSON"}');
  assert.equal(result.contentType, 'application/octet-stream');
  assert.equal(result.functionError, undefined);
});

test('a return value is ignored, with a warning', async () => {
  const result = await invoke('streaming-plain', 'returns.handler');
  assert.equal(result.payload, 'done');
  assert.deepEqual(result.lines, ['<time>\t<id>\tWARN\tStreaming handlers ignore return values.']);
});

test('HttpResponseStream.from writes the JSON prelude and 8 NUL bytes before the body', async () => {
  const result = await invoke('streaming-http', 'index.handler');
  assert.equal(result.contentType, 'application/vnd.awslambda.http-integration-response');
  assert.equal(result.payload, `{"statusCode":201,"headers":{"x-custom":"yes"},"cookies":["a=1"]}${'\0'.repeat(8)}<h1>streamed</h1>`);
});

test('an error after the first write keeps the bytes and fails the invocation through the trailers', async () => {
  const result = await invoke('streaming-error-after-write', 'index.handler');
  assert.equal(result.payload, 'partial ');
  assert.equal(result.functionError, 'Unhandled');
  assert.equal(result.errorType, 'Error');
  assert.deepEqual(result.lines, [invokeError({
    errorType: 'Error', errorMessage: 'failed mid-stream', stack: ['Error: failed mid-stream', '    at file://<fixture>/index.mjs:4:9'],
  })]);
});

test('a handler that returns no promise is refused (the runtime reports a plain string)', async () => {
  const result = await invoke('streaming-non-async', 'index.handler');
  assert.equal(result.functionError, 'Unhandled');
  assert.equal(result.errorType, 'string');
  assert.equal(result.payload, '{"errorType":"string","errorMessage":"Streaming does not support non-async handlers.","trace":[]}');
  assert.deepEqual(result.lines, [invokeError({
    errorType: 'Error', errorMessage: 'Streaming does not support non-async handlers.', stack: ['Error: Streaming does not support non-async handlers.'],
  })]);
});

test('setContentType after the first write throws Runtime.InvalidStreamingOperation', async () => {
  const result = await invoke('streaming-content-type-late', 'index.handler');
  assert.equal(result.payload, 'first');
  assert.equal(result.errorType, 'Runtime.InvalidStreamingOperation');
  assert.deepEqual(result.lines, [invokeError({
    errorType: 'Runtime.InvalidStreamingOperation',
    errorMessage: 'Cannot set content-type, too late.',
    stack: ['Runtime.InvalidStreamingOperation: Cannot set content-type, too late.', '    at file://<fixture>/index.mjs:4:18'],
  })]);
});
