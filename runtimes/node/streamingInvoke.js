'use strict';
// One invocation of a streaming handler (awslambda.streamifyResponse): the handler gets a response stream instead
// of a callback, and must return a promise. Failures go out as trailers of the stream. Spec: lambda-spec.md §1.6, §5.1.

const beforeExit = require('./beforeExit.js');
const { contextWaitingForEmptyEventLoop, waitsForEmptyEventLoop } = require('./callbackContext.js');
const { message } = require('./errors.js');
const { structuredConsole } = require('./logPatch.js');
const { tryCallFail } = require('./responseStream.js');
const { isPromise } = require('./runtime.js');

/** @param runtime the Runtime whose loop this iteration belongs to */
async function handleOnceStreaming(runtime) {
  const { client, handler, metadata, node24 } = runtime;
  const { bodyJson, invokeContext } = await runtime.nextInvocation();
  const id = invokeContext.invokeId;
  const options = metadata.highWaterMark ? { highWaterMark: metadata.highWaterMark } : undefined;
  const { request: responseStream, responseDone } = client.getStreamForInvocationResponse(id, options);

  const context = node24 ? {} : contextWaitingForEmptyEventLoop();

  // Node ≤22 starts the next invocation once the event loop is empty (unless told not to wait); Node 24 at once.
  const scheduleNext = () => {
    beforeExit.reset();
    if (node24 || !waitsForEmptyEventLoop(context)) runtime.scheduleIteration();
    else beforeExit.set(() => setImmediate(() => runtime.scheduleIteration()));
  };
  const fail = (error) => {
    structuredConsole.logError('Invoke Error', error);
    tryCallFail(responseStream, error, scheduleNext);
  };
  // Node ≤22 reports its own streaming failures as plain strings (errorType "string"), Node 24 as Errors.
  const runtimeFailure = (key) => (node24 ? new Error(message(key)) : message(key));

  try {
    runtime.setErrorCallbacks(id);
    beforeExit.set(() => runtime.scheduleIteration());
    const ctx = invokeContext.attachEnvironmentData(context);
    const result = handler(JSON.parse(bodyJson), responseStream, ctx);
    if (!isPromise(result)) return fail(runtimeFailure('streaming.nonAsync'));
    if ((await result) !== undefined) console.warn(message('streaming.ignoredReturn'));
    // The API answers once the stream has ended; a stream the handler never ends keeps the invocation open.
    await responseDone;
    if (!responseStream.writableFinished) return fail(runtimeFailure('streaming.notFinished'));
    scheduleNext();
  } catch (error) {
    fail(error);
  }
  return undefined;
}

module.exports = { handleOnceStreaming };
