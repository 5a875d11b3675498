'use strict';
// The invoke loop: GET /next, run the handler, report its outcome, repeat. How an invocation ends depends on the
// handler's kind (lambda-spec.md §5.1): callback and legacy context methods on Node ≤22, the returned promise on
// Node 24, the response stream for streaming handlers.

const beforeExit = require('./beforeExit.js');
const callbackContext = require('./callbackContext.js');
const { InvokeContext } = require('./invokeContext.js');
const { NodeJsExit } = require('./errors.js');
const { structuredConsole } = require('./logPatch.js');

class Runtime {
  /**
   * @param client the RapidClient
   * @param handler the user's function
   * @param metadata from userFunction.handlerMetadata()
   * @param errorCallbacks what the process-level error listeners do; pointed at each invocation in turn
   */
  constructor(client, handler, metadata, errorCallbacks, { node24 = false } = {}) {
    this.client = client;
    this.handler = handler;
    this.metadata = metadata;
    this.errorCallbacks = errorCallbacks;
    this.node24 = node24;
    if (metadata.streaming) this.handleOnce = () => require('./streamingInvoke.js').handleOnceStreaming(this);
    else this.handleOnce = node24 ? this.handleOncePromise : this.handleOnceNonStreaming;
  }

  /** Starts the next iteration on the next turn of the event loop. */
  scheduleIteration() {
    setImmediate(() => {
      this.handleOnce().then(
        // Success needs nothing here: whoever completes the invocation schedules the next one.
        () => {},
        // Only a broken Runtime API connection or a bug lands here.
        (error) => {
          console.log(`Unexpected Top Level Error: ${error.toString()}`);
          this.errorCallbacks.uncaughtException(error);
        },
      );
    });
  }

  async nextInvocation() {
    const { bodyJson, headers } = await this.client.nextInvocation();
    const invokeContext = new InvokeContext(headers, { node24: this.node24 });
    invokeContext.updateLoggingContext();
    return { bodyJson, invokeContext };
  }

  /** Node ≤22: a callback, context.succeed/fail/done, a returned promise, or an empty event loop ends it. */
  async handleOnceNonStreaming() {
    const { bodyJson, invokeContext } = await this.nextInvocation();
    const id = invokeContext.invokeId;
    const [callback, context, markCompleted] = callbackContext.build(this.client, id, () => this.scheduleIteration());
    try {
      this.setErrorCallbacks(id);
      this.setDefaultExitListener(id, markCompleted, this.metadata.isAsync);
      const result = this.handler(JSON.parse(bodyJson), invokeContext.attachEnvironmentData(context), callback);
      if (isPromise(result)) result.then(context.succeed, context.fail).catch(context.fail);
    } catch (error) {
      callback(error);
    }
  }

  /** Node 24: the handler's return value (awaited) is the result; whatever it throws or rejects with is the error. */
  async handleOncePromise() {
    const { bodyJson, invokeContext } = await this.nextInvocation();
    const id = invokeContext.invokeId;
    this.setErrorCallbacks(id);
    let settled = false;
    beforeExit.set(() => {
      if (!settled) this.failInvocation(id, new NodeJsExit());
    });
    try {
      const result = await this.handler(JSON.parse(bodyJson), invokeContext.attachEnvironmentData({}));
      settled = true;
      beforeExit.reset();
      await new Promise((resolve) => setImmediate(resolve));
      this.client.postInvocationResponse(result, id, () => this.scheduleIteration(), { thenNext: true });
    } catch (error) {
      settled = true;
      beforeExit.reset();
      await new Promise((resolve) => setImmediate(resolve));
      this.failInvocation(id, error);
    }
  }

  failInvocation(id, error) {
    structuredConsole.logError('Invoke Error', error);
    this.client.postInvocationError(error, id, () => this.scheduleIteration(), { thenNext: true });
  }

  /** From now on a crash of the process is reported as this invocation's error. */
  setErrorCallbacks(id) {
    this.errorCallbacks.uncaughtException = (error) => this.client.postInvocationError(error, id, () => process.exit(129));
    this.errorCallbacks.unhandledRejection = (error) => this.client.postInvocationError(error, id, () => process.exit(128));
  }

  /**
   * The event loop emptied before the handler reported anything: a synchronous handler that returned without
   * calling back succeeds with null; an async one whose promise can no longer settle fails with Runtime.NodeJsExit.
   */
  setDefaultExitListener(id, markCompleted, isAsync) {
    beforeExit.set(() => {
      markCompleted();
      if (isAsync) this.failInvocation(id, new NodeJsExit());
      else this.client.postInvocationResponse(null, id, () => this.scheduleIteration(), { thenNext: true });
    });
  }
}

function isPromise(value) {
  return Boolean(value && value.then && typeof value.then === 'function');
}

module.exports = { Runtime, isPromise };
