'use strict';
// The callback of a callback-style handler and the legacy context methods succeed/fail/done, with
// callbackWaitsForEmptyEventLoop (Node ≤22). Only the first call to any of them counts. Spec: lambda-spec.md §5.1.

const beforeExit = require('./beforeExit.js');
const { structuredConsole } = require('./logPatch.js');

/**
 * @param client the RapidClient
 * @param id the invocation's request id
 * @param scheduleNext starts the next iteration of the invoke loop
 * @returns [callback, context part, markCompleted]
 */
function build(client, id, scheduleNext) {
  const postError = (error, next) => {
    structuredConsole.logError('Invoke Error', error);
    client.postInvocationError(error, id, next, { thenNext: true });
  };

  let completed = false;
  const complete = (result, next) => {
    if (completed) {
      console.error('Invocation has already been reported as done. Cannot call complete more than once per invocation.');
      return;
    }
    completed = true;
    client.postInvocationResponse(result, id, next, { thenNext: true });
  };

  let waitForEmptyEventLoop = true;

  const callback = (error, result) => {
    beforeExit.reset();
    if (error !== undefined && error !== null) {
      postError(error, scheduleNext);
    } else if (!waitForEmptyEventLoop) {
      complete(result, scheduleNext);
    } else {
      // Answer only once everything the handler started (timers, sockets, …) has finished.
      beforeExit.set(() => setImmediate(() => complete(result, scheduleNext)));
    }
  };

  const done = (error, result) => {
    beforeExit.reset();
    if (error !== undefined && error !== null) postError(error, scheduleNext);
    else complete(result, scheduleNext);
  };
  const succeed = (result) => done(null, result);
  const fail = (error) => (error === undefined || error === null ? done('handled') : done(error, null));

  const context = {
    get callbackWaitsForEmptyEventLoop() {
      return waitForEmptyEventLoop;
    },
    set callbackWaitsForEmptyEventLoop(value) {
      waitForEmptyEventLoop = value;
    },
    succeed,
    fail,
    done,
  };

  // A call that throws (e.g. a result JSON cannot represent) does not count, so the error can still be reported.
  let finished = false;
  const firstCallOnly = (fn) => (...args) => {
    if (finished) return;
    fn(...args);
    finished = true;
  };
  context.succeed = firstCallOnly(succeed);
  context.fail = firstCallOnly(fail);
  context.done = firstCallOnly(done);

  return [firstCallOnly(callback), context, () => (completed = true)];
}

module.exports = { build };
