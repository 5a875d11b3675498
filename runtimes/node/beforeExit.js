'use strict';
// The one 'beforeExit' listener of the runtime. Node emits 'beforeExit' when the event loop has nothing left to do;
// the runtime uses that moment to finish an invocation that waits for an empty event loop (callback handlers), or
// that can no longer finish (a promise that never settles). Whoever owns the current invocation swaps the action.

const LISTENER = Symbol.for('aws.lambda.beforeExit');
const NOTHING = () => {};

module.exports = {
  invoke: () => global[LISTENER](),
  reset: () => {
    global[LISTENER] = NOTHING;
  },
  set: (listener) => {
    global[LISTENER] = listener;
  },
};
