'use strict';
// The Runtime.* error types of the Node runtime, their messages (from ../errors.json, shared with the runner and the
// Python bootstrap), and the two ways an error leaves the runtime: the body posted to the Runtime API
// (toRapidResponse) and the JSON appended to ERROR log lines (toFormatted). Spec: lambda-spec.md §1.5, §3.5, §5.1.

const { types } = require('util');
const catalogue = require('../errors.json').node;

/**
 * The catalogue's message for `key`, with `{name}` placeholders filled from `vars`. `fallback` is for messages the
 * catalogue may not have yet (they are the runtime's own, not Lambda's).
 */
function message(key, vars = {}) {
  const template = catalogue[key];
  if (template === undefined) throw new Error(`runtimes/errors.json has no node message "${key}"`);
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

// Each class's prototype name becomes the errorType, e.g. `Runtime.HandlerNotFound`; the class name itself is what
// JSON logs show as errorType (constructor.name), as in the managed runtime.
class ImportModuleError extends Error {}
class HandlerNotFound extends Error {}
class MalformedHandlerName extends Error {}
class UserCodeSyntaxError extends Error {
  /** The message is the original error as text; Node 24 also keeps its stack (pointing into the user's file). */
  constructor(original, keepStack = false) {
    super(original);
    if (keepStack) this.stack = original.stack;
  }
}
class MalformedStreamingHandler extends Error {}
class InvalidStreamingOperation extends Error {}
class CallbackHandlerDeprecated extends Error {}
class JSONStringifyError extends Error {}
class NodeJsExit extends Error {
  constructor() {
    super(message('Runtime.NodeJsExit'));
  }
}
class UnhandledPromiseRejection extends Error {
  constructor(reason, promise) {
    super(reason);
    this.reason = reason;
    this.promise = promise;
  }
}

const runtimeErrors = {
  ImportModuleError, HandlerNotFound, MalformedHandlerName, UserCodeSyntaxError, MalformedStreamingHandler,
  InvalidStreamingOperation, CallbackHandlerDeprecated, JSONStringifyError, NodeJsExit, UnhandledPromiseRejection,
};
for (const [name, ErrorClass] of Object.entries(runtimeErrors)) ErrorClass.prototype.name = `Runtime.${name}`;

/** nodejs24.x's client (a rewrite) names some of these classes differently; JSON logs show those names. */
function useNode24ClassNames() {
  for (const ErrorClass of [HandlerNotFound, MalformedHandlerName, CallbackHandlerDeprecated]) {
    Object.defineProperty(ErrorClass, 'name', { value: `${ErrorClass.name}Error` });
  }
}

const DEL = /\x7F/g;

function isErrorLike(value) {
  return Boolean(value && value.name && value.message && value.stack && typeof value.name === 'string'
    && typeof value.message === 'string' && typeof value.stack === 'string');
}

/**
 * The body posted to /error and /init/error: `{errorType, errorMessage, trace}`. Node ≤22 treats error-like objects
 * as errors and calls toString() on anything else; Node 24 only takes real Errors and uses String().
 */
function toRapidResponse(error, node24 = false) {
  try {
    const isError = node24 ? error instanceof Error : types.isNativeError(error) || isErrorLike(error);
    if (isError) {
      return {
        errorType: error.name?.replace(DEL, '%7F'),
        errorMessage: error.message?.replace(DEL, '%7F'),
        trace: node24 ? (error.stack?.replace(DEL, '%7F').split('\n') || []) : error.stack.replace(DEL, '%7F').split('\n'),
      };
    }
    return { errorType: typeof error, errorMessage: node24 ? String(error) : error.toString(), trace: [] };
  } catch {
    return {
      errorType: 'handled',
      errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
      ...(node24 ? { trace: [] } : {}),
    };
  }
}

/** What the runtime logs for anything thrown: an Error as it is, anything else wrapped in one. */
function intoError(value) {
  return value instanceof Error ? value : new Error(value);
}

/**
 * The JSON after `Invoke Error ` and friends: name, message, code and every own enumerable property of each Error
 * (nested ones too), with the stack as an array. Starts with a tab, which is why the log line reads `Invoke Error \t{`.
 */
function toFormatted(error) {
  try {
    return '\t' + JSON.stringify(error, (_key, value) => withEnumerableProperties(value));
  } catch {
    return '\t' + JSON.stringify(toRapidResponse(error));
  }
}

function withEnumerableProperties(value) {
  if (!(value instanceof Error)) return value;
  const copy = Object.assign({ errorType: value.name, errorMessage: value.message, code: value.code }, value);
  if (typeof value.stack === 'string') copy.stack = value.stack.split('\n');
  return copy;
}

module.exports = { message, ...runtimeErrors, useNode24ClassNames, toRapidResponse, intoError, toFormatted };
