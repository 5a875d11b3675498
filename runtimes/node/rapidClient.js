'use strict';
// Every HTTP call to the Runtime API (lambda-spec.md §1): one kept-alive connection, as the managed client keeps.
// Invocation errors go out WITHOUT Lambda-Runtime-Function-Error-Type (the body says it all); init errors WITH it.

const { message, JSONStringifyError, toRapidResponse } = require('./errors.js');
const { RawHttpClient } = require('./rawHttp.js');

const API = '/2018-06-01/runtime';
const ERROR_TYPE_HEADER = 'Lambda-Runtime-Function-Error-Type';
const XRAY_CAUSE_HEADER = 'Lambda-Runtime-Function-XRay-Error-Cause';
// What Node accepts in a header value; a cause with other characters is left out rather than failing the post.
const INVALID_HEADER_CHAR = /[^\t\x20-\x7e\x80-\xff]/;
// A response up to this size is followed at once by the next GET /next on the same connection (pipelined), so the
// platform sees the invocation end in the same read as its response: one round trip less per invoke. A larger one
// is answered first, as a 413 ends the connection.
const PIPELINE_MAX_BODY = 64 * 1024;
// A long stack would make the request head larger than an HTTP server accepts by default (16 KiB in Node).
const MAX_XRAY_CAUSE = 8192;

class RapidClient {
  /**
   * @param {string} hostPort AWS_LAMBDA_RUNTIME_API, `host:port`.
   * @param {{ node24?: boolean, httpModule?: typeof import('http') }} options `node24` picks that runtime's error shapes.
   */
  constructor(hostPort, { node24 = false, httpModule } = {}) {
    const [hostname, port] = hostPort.split(':');
    this.hostname = hostname;
    this.port = parseInt(port, 10);
    this.node24 = node24;
    this.httpModule = httpModule;
    this.raw = new RawHttpClient(hostname, this.port);
  }

  /** Streamed responses use node:http (chunked encoding, trailers), loaded only when a function streams. */
  get http() {
    return (this.httpModule ??= require('http'));
  }

  get agent() {
    return (this.streamAgent ??= new this.http.Agent({ keepAlive: true, maxSockets: 1 }));
  }

  /** Waits (without a timeout: the environment may be frozen meanwhile) for the next event. */
  nextInvocation() {
    const requested = this.requestedNext;
    this.requestedNext = undefined;
    // A pipelined /next lost with its connection is asked for again on a new one.
    const response = requested ? requested.catch(() => this.requestNext()) : this.requestNext();
    return response.then((answer) => ({ bodyJson: answer.body.toString('utf8'), headers: answer.headers }));
  }

  requestNext() {
    return this.raw.request('GET', `${API}/invocation/next`, {}, undefined);
  }

  /**
   * Posts the handler's result as JSON (`undefined` becomes `null`). Serialising happens before anything is sent
   * and throws `Unable to stringify response body` for values JSON cannot represent (circular structures, BigInt).
   */
  postInvocationResponse(result, id, callback, { thenNext = false } = {}) {
    const body = this.serialize(result);
    this.post(`${API}/invocation/${encodeURIComponent(id)}/response`, body, {}, callback, thenNext);
  }

  /** `thenNext`: the invoke loop goes on after this post (not so when the process is about to exit). */
  postInvocationError(error, id, callback, { thenNext = false } = {}) {
    const body = this.serialize(toRapidResponse(error, this.node24));
    const cause = require('./xrayCause.js').xrayErrorCause(error);
    const usable = cause && cause.length <= MAX_XRAY_CAUSE && !INVALID_HEADER_CHAR.test(cause);
    const headers = usable ? { [XRAY_CAUSE_HEADER]: cause } : {};
    this.post(`${API}/invocation/${encodeURIComponent(id)}/error`, body, headers, callback, thenNext);
  }

  postInitError(error, callback) {
    const response = toRapidResponse(error, this.node24);
    const type = String(response.errorType);
    const headers = INVALID_HEADER_CHAR.test(type) ? {} : { [ERROR_TYPE_HEADER]: type };
    this.post(`${API}/init/error`, this.serialize(response), headers, callback);
  }

  /** Opens a streamed response (§1.6): returns the writable the handler gets and a promise of the API's reply. */
  getStreamForInvocationResponse(id, options) {
    const { createResponseStream } = require('./responseStream.js');
    return createResponseStream({
      http: this.http,
      agent: this.agent,
      hostname: this.hostname,
      port: this.port,
      path: `${API}/invocation/${encodeURIComponent(id)}/response`,
      highWaterMark: options?.highWaterMark,
      node24: this.node24,
    });
  }

  serialize(value) {
    try {
      return JSON.stringify(value === undefined ? null : value);
    } catch {
      const text = message('stringify');
      throw this.node24 ? new JSONStringifyError(text) : new Error(text);
    }
  }

  /**
   * POSTs a JSON body and calls `callback` once the API has answered. Like the managed client, the API's status is
   * not acted on (a 413 or 400 is the platform's business), and a broken connection also just calls back: the next
   * /next then fails and the runtime exits.
   */
  post(path, body, headers, callback, thenNext = false) {
    const done = () => callback();
    const send = () => this.raw.request('POST', path, { 'Content-Type': 'application/json', ...headers }, body).then(done, done);
    if (!thenNext || Buffer.byteLength(body) > PIPELINE_MAX_BODY) return void send();
    this.raw.batch(() => {
      send();
      this.requestedNext = this.requestNext();
    });
  }
}

module.exports = { RapidClient };
