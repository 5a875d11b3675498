// The Runtime API as a runtime sees it (spec §1): endpoints, headers, status codes and error bodies, driven by a
// custom runtime written with nothing but node:http, and by AWS's own bash + curl tutorial runtime.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fn, lib, root } from '../helpers/invoke.mjs';

const echo = fn({ runtime: 'provided.al2023', handler: 'function.handler', codeDir: path.join(root, 'test', 'fixtures', 'runner', 'provided-echo') });
const runner = new lib.Runner({ onWarning: () => {} });
after(() => runner.dispose());

const invoke = async (event, options) => {
  const result = await runner.invoke(echo, JSON.stringify(event), options);
  return { ...result, json: JSON.parse(result.payload.toString()) };
};

describe('GET /next', () => {
  it('delivers the event with the request id, deadline, function ARN and trace headers', async () => {
    const before = Date.now();
    const result = await invoke({ action: 'env' }, { clientContext: '{"custom":{"a":1}}', cognitoIdentity: '{"cognitoIdentityId":"id1","cognitoIdentityPoolId":"pool1"}' });
    const headers = result.json.headers;
    assert.equal(headers['lambda-runtime-aws-request-id'], result.requestId);
    assert.match(result.requestId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const deadline = Number(headers['lambda-runtime-deadline-ms']);
    assert.ok(deadline >= before + 3000 - 50 && deadline <= Date.now() + 3000, `deadline ${deadline}`);
    assert.equal(headers['lambda-runtime-invoked-function-arn'], 'arn:aws:lambda:us-east-1:123456789012:function:fixture');
    assert.match(headers['lambda-runtime-trace-id'], /^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
    assert.equal(headers['lambda-runtime-client-context'], '{"custom":{"a":1}}');
    assert.equal(headers['lambda-runtime-cognito-identity'], '{"cognitoIdentityId":"id1","cognitoIdentityPoolId":"pool1"}');
    assert.equal(headers['content-type'], 'application/json');
  });

  it('gives every invoke a request id and trace id of its own', async () => {
    const ids = new Set();
    const traces = new Set();
    for (let i = 0; i < 20; i++) {
      const { json } = await invoke({ action: 'env' });
      ids.add(json.headers['lambda-runtime-aws-request-id']);
      traces.add(json.headers['lambda-runtime-trace-id']);
    }
    assert.equal(ids.size, 20);
    assert.equal(traces.size, 20);
  });

  it('reads request heads as HTTP/1.x: a bad request line or Content-Length is 400, header names in any case and spacing', async () => {
    const heads = [
      'GET /2018-06-01/runtime/nope\r\n\r\n', // no version
      'GET  HTTP/1.1\r\n\r\n', // no path
      'GET /x HTTP/2.0\r\n\r\n',
      ' /x HTTP/1.1\r\n\r\n', // no method
      'GET /2018-06-01/runtime/nope HTTP/1.1 \r\nHOST :  a \r\n  X-Odd:1\r\n\r\n',
      'GET /2018-06-01/runtime/nope HTTP/1.1\r\nContent-Length: x\r\n\r\n',
      'GET /2018-06-01/runtime/nope HTTP/1.0\r\nX: 1\r\n\r\n',
    ];
    const { json } = await invoke({ action: 'raw-heads', heads });
    assert.deepEqual(json, ['HTTP/1.1 400 Bad Request', 'HTTP/1.1 400 Bad Request', 'HTTP/1.1 400 Bad Request', 'HTTP/1.1 400 Bad Request',
      'HTTP/1.1 404 Not Found', 'HTTP/1.1 400 Bad Request', 'HTTP/1.1 404 Not Found']);
  });

  it('leaves out the optional headers when there is nothing to send', async () => {
    const { json } = await invoke({ action: 'env' });
    assert.equal(json.headers['lambda-runtime-client-context'], undefined);
    assert.equal(json.headers['lambda-runtime-cognito-identity'], undefined);
  });
});

describe('POST /response and /error', () => {
  it('passes the response through byte for byte, 202 {"status":"OK"} to the runtime', async () => {
    const result = await invoke({ hello: 'wörld' });
    assert.deepEqual(result.json.echo, { hello: 'wörld' });
    assert.equal(result.functionError, undefined);
    assert.equal(result.report.status, 'success');
  });

  it('forwards an error document unchanged, with X-Amz-Function-Error Unhandled and the type from the header', async () => {
    const result = await invoke({ action: 'error' });
    assert.equal(result.payload.toString(), '{"errorMessage":"bad","errorType":"Custom.Bad","stackTrace":[]}');
    assert.equal(result.functionError, 'Unhandled');
    assert.equal(result.errorType, 'Custom.Bad');
    assert.ok(result.logs.includes('error status 202'));
    assert.match(result.logs.at(-1), /\tStatus: error\tError Type: Custom\.Bad\t$/);
  });

  it('answers a second post for the same request 400 InvalidRequestID and keeps the first', async () => {
    const result = await invoke({ action: 'twice' });
    assert.equal(result.payload.toString(), '"one"');
    assert.ok(result.logs.includes('twice status 400 {"errorMessage":"Invalid request ID","errorType":"InvalidRequestID"}'));
  });

  it('answers a post for another request id 400 InvalidRequestID', async () => {
    const { json } = await invoke({ action: 'badid' });
    assert.deepEqual(json, { status: 400, body: { errorMessage: 'Invalid request ID', errorType: 'InvalidRequestID' } });
  });

  it('refuses /init/error after init 403 InvalidStateTransition', async () => {
    const { json } = await invoke({ action: 'initerror-late' });
    assert.deepEqual(json, {
      status: 403,
      body: { errorMessage: 'State transition from Ready to InitError failed for runtime. Error: State transition is not allowed', errorType: 'InvalidStateTransition' },
    });
  });

  it('answers unknown paths (SnapStart restore is not enabled) 404', async () => {
    const { json } = await invoke({ action: 'notfound' });
    assert.deepEqual(json, { status: 404, body: '404 page not found\n' });
  });

  it('refuses a response over 6,291,556 bytes with 413 and gives the caller Function.ResponseSizeTooLarge', async () => {
    const result = await invoke({ action: 'big', size: 6_291_556 });
    assert.equal(result.payload.toString(), '{"errorType":"Function.ResponseSizeTooLarge","errorMessage":"Response payload size exceeded maximum allowed payload size (6291556 bytes)."}');
    assert.equal(result.functionError, 'Unhandled');
    assert.ok(result.logs.includes('big status 413 {"errorMessage":"Exceeded maximum allowed payload size (6291556 bytes).","errorType":"RequestEntityTooLarge"}'));
    assert.match(result.logs.at(-1), /Status: error\tError Type: Function\.ResponseSizeTooLarge\t$/);
  });

  it('accepts a response of exactly 6,291,556 bytes', async () => {
    // {"data":"…"} adds 11 bytes around the string.
    const result = await invoke({ action: 'big', size: 6_291_556 - 11 });
    assert.equal(result.payload.length, 6_291_556);
    assert.equal(result.functionError, undefined);
  });

  it('fails the invoke with Runtime.InvalidResponseModeHeader on a bad response mode, 400 to the runtime', async () => {
    const result = await invoke({ action: 'badmode' });
    assert.equal(result.errorType, 'Runtime.InvalidResponseModeHeader');
    assert.ok(result.logs.includes('badmode status 400 {"errorMessage":"Invalid function response mode","errorType":"InvalidFunctionResponseMode"}'));
  });
});

describe('pipelining', () => {
  const pipelined = fn({ runtime: 'provided.al2023', handler: 'function.handler', codeDir: path.join(root, 'test', 'fixtures', 'runner', 'provided-pipelined') });

  it('answers pipelined requests in order, the 202 of a response together with the next event', async () => {
    const first = await runner.invoke(pipelined, '{}');
    const second = await runner.invoke(pipelined, '{}');
    const third = await runner.invoke(pipelined, '{}');
    assert.deepEqual(JSON.parse(first.payload.toString()), { statuses: [[200]] });
    // One read: the 202 for the response pipelined before the /next, then the event.
    assert.deepEqual(JSON.parse(second.payload.toString()), { statuses: [[202, 200]] });
    assert.deepEqual(JSON.parse(third.payload.toString()), { statuses: [[202, 200]] });
  });
});

describe('response streaming', () => {
  it('collects a chunked streamed response and hands each chunk over as it comes', async () => {
    const chunks = [];
    const result = await runner.invoke(echo, JSON.stringify({ action: 'stream' }), { onChunk: (c) => chunks.push(c.toString()) });
    assert.equal(result.payload.toString(), 'first second');
    assert.equal(result.contentType, 'text/plain');
    assert.equal(result.streamed, true);
    assert.ok(chunks.length >= 2, `chunks: ${JSON.stringify(chunks)}`);
    assert.equal(result.functionError, undefined);
  });

  it('reports an error sent in trailers after the first bytes', async () => {
    const result = await runner.invoke(echo, JSON.stringify({ action: 'stream-error' }));
    assert.equal(result.payload.toString(), 'first second');
    assert.equal(result.functionError, 'Unhandled');
    assert.equal(result.errorType, 'Stream.Broke');
    assert.match(result.logs.at(-1), /Status: error\tError Type: Stream\.Broke\t$/);
  });
});

describe("AWS's bash + curl custom runtime", () => {
  it('runs unchanged', async (t) => {
    // Its mktemp files go to a folder of the test's, removed afterwards (the last one outlives the killed environment).
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lwb-bash-'));
    t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const bash = fn({ runtime: 'provided.al2023', handler: 'function.handler', codeDir: path.join(root, 'test', 'fixtures', 'runner', 'bash-curl'), environment: { TMPDIR: tmp } });
    const first = await runner.invoke(bash, '{"n":1}');
    assert.equal(first.payload.toString(), `Echoing request: '{"n":1}'`);
    assert.ok(first.logs.includes('{"n":1}'));
    const second = await runner.invoke(bash, '{"n":2}');
    assert.equal(second.coldStart, false);
    assert.equal(second.payload.toString(), `Echoing request: '{"n":2}'`);
    await runner.reset();
  });
});
