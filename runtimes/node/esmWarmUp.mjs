// Empty on purpose: a debug environment imports it before its debugger attaches, which loads Node's ES module loader
// then rather than in the debugger's path (bootstrap.js, userFunction.prepareLoad).
export {};
