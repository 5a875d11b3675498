'use strict';
// The callback of a callback-style handler and the legacy context methods succeed/fail/done, with
// callbackWaitsForEmptyEventLoop (Node ≤22). Only the first call to any of them counts. Spec: lambda-spec.md §5.1.

const beforeExit = require('./beforeExit.js');
const { structuredConsole } = require('./logPatch.js');

// callbackWaitsForEmptyEventLoop is an own, enumerable accessor of the context, as on Lambda (it shows in
// Object.keys and JSON.stringify). Its getter and setter are shared by every context and keep the value under a
// symbol: an accessor made of fresh closures per invoke (an object literal's get/set) gives each context a map of its
// own, and V8 then keeps every invoke's objects alive through two scavenges (measured: a scavenge every ~200 warm
// invokes, 1.5-2 ms instead of ~0.4).
const WAITS = Symbol('callbackWaitsForEmptyEventLoop');
const waitsAccessor = {
  get() {
    return this[WAITS];
  },
  set(value) {
    this[WAITS] = value;
  },
  enumerable: true,
  configurable: true,
};
const waitsValue = { value: true, writable: true, enumerable: false, configurable: true };

/** A new context with only callbackWaitsForEmptyEventLoop (true). */
function contextWaitingForEmptyEventLoop() {
  const context = {};
  Object.defineProperty(context, 'callbackWaitsForEmptyEventLoop', waitsAccessor);
  Object.defineProperty(context, WAITS, waitsValue);
  return context;
}

/** Whether the handler left callbackWaitsForEmptyEventLoop on (true unless it set a falsy value). */
function waitsForEmptyEventLoop(context) {
  return context[WAITS];
}

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

  const context = contextWaitingForEmptyEventLoop();

  const callback = (error, result) => {
    beforeExit.reset();
    if (error !== undefined && error !== null) {
      postError(error, scheduleNext);
    } else if (!waitsForEmptyEventLoop(context)) {
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

module.exports = { build, contextWaitingForEmptyEventLoop, waitsForEmptyEventLoop };
