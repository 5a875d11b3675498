// What the Node runtime sends on the wire (lambda-spec.md §1.4–1.6), checked against a recording Runtime API.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fixture } from './nodeRuntime.mjs';
import { runAgainstStub } from './runtimeApiStub.mjs';

const posts = (requests) => requests.filter((request) => request.method === 'POST');

test('invocation errors go out without Lambda-Runtime-Function-Error-Type, with an X-Ray cause', async () => {
  const { requests } = await runAgainstStub({ codeDir: fixture('throw-values'), handler: 'index.sync', events: [{}] });
  const [post] = posts(requests);
  assert.equal(post.url, '/2018-06-01/runtime/invocation/request-1/error');
  assert.equal(post.headers['lambda-runtime-function-error-type'], undefined);
  assert.equal(post.headers['content-type'], 'application/json');
  const body = JSON.parse(post.body);
  assert.deepEqual(Object.keys(body), ['errorType', 'errorMessage', 'trace']);
  const cause = JSON.parse(post.headers['lambda-runtime-function-xray-error-cause']);
  assert.equal(cause.working_directory, fixture('throw-values'));
  assert.deepEqual(cause.exceptions[0].stack[0], { path: path.join(fixture('throw-values'), 'index.js'), line: 8, label: 'exports.sync [as handler]' });
  assert.deepEqual([cause.exceptions[0].type, cause.exceptions[0].message], ['RangeError', 'thrown synchronously']);
});

test('init errors go out with Lambda-Runtime-Function-Error-Type, and the process exits with 129', async () => {
  const { requests, exitCode } = await runAgainstStub({ codeDir: fixture('undefined-export'), handler: 'index.handler', events: [{}] });
  const [post] = posts(requests);
  assert.equal(post.url, '/2018-06-01/runtime/init/error');
  assert.equal(post.headers['lambda-runtime-function-error-type'], 'Runtime.HandlerNotFound');
  assert.equal(JSON.parse(post.body).errorMessage, 'index.handler is undefined or not exported');
  assert.equal(exitCode, 129);
});

test('responses are JSON on one kept-alive connection', async () => {
  const { requests } = await runAgainstStub({ codeDir: fixture('async-result'), handler: 'index.value', events: [{ body: { a: 1 } }, { body: { b: 2 } }] });
  assert.deepEqual(requests.map((request) => `${request.method} ${request.url} #${request.connection}`), [
    'GET /2018-06-01/runtime/invocation/next #1',
    'POST /2018-06-01/runtime/invocation/request-1/response #1',
    'GET /2018-06-01/runtime/invocation/next #1',
    'POST /2018-06-01/runtime/invocation/request-2/response #1',
    'GET /2018-06-01/runtime/invocation/next #1',
  ]);
  assert.deepEqual(posts(requests).map((request) => [request.headers['content-type'], request.body]), [
    ['application/json', '{"echo":{"a":1}}'],
    ['application/json', '{"echo":{"b":2}}'],
  ]);
});

test('_X_AMZN_TRACE_ID follows Lambda-Runtime-Trace-Id and is deleted when the header is absent', async () => {
  const traceId = 'Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1';
  const { requests } = await runAgainstStub({
    codeDir: fixture('context-fields'),
    handler: 'index.handler',
    events: [{ headers: { 'Lambda-Runtime-Trace-Id': traceId } }, {}],
  });
  assert.deepEqual(posts(requests).map((request) => JSON.parse(request.body).traceId), [traceId, null]);
});

test('a streamed response declares streaming mode, chunked encoding and the error trailers', async () => {
  const { requests } = await runAgainstStub({ codeDir: fixture('streaming-error-after-write'), handler: 'index.handler', events: [{}] });
  const [post] = posts(requests);
  assert.equal(post.url, '/2018-06-01/runtime/invocation/request-1/response');
  assert.equal(post.headers['lambda-runtime-function-response-mode'], 'streaming');
  assert.equal(post.headers['transfer-encoding'], 'chunked');
  assert.equal(post.headers.trailer, 'Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body');
  assert.equal(post.headers['content-type'], 'application/octet-stream');
  assert.equal(post.body, 'partial ');
  assert.equal(post.trailers['lambda-runtime-function-error-type'], 'Error');
  const error = JSON.parse(Buffer.from(post.trailers['lambda-runtime-function-error-body'], 'base64').toString());
  assert.deepEqual([error.errorType, error.errorMessage, error.trace[0]], ['Error', 'failed mid-stream', 'Error: failed mid-stream']);
});

test('a TypeScript handler runs without any esbuild installed, on the bundled transpiler', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-node-ts-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(fixture('typescript-cjs'), dir, { recursive: true });
  const { requests } = await runAgainstStub({ codeDir: dir, handler: 'app.handler', events: [{ body: { name: 'Ada' } }] });
  const [post] = posts(requests);
  assert.match(post.url, /^\/2018-06-01\/runtime\/invocation\/[^/]+\/response$/);
  assert.equal(post.body, "\"hello Ada\"");
});
