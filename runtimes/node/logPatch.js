'use strict';
// Replaces console.* so every line carries a timestamp, the request id and a level, in Lambda's TEXT or JSON format,
// filtered by AWS_LAMBDA_LOG_LEVEL. Spec: lambda-spec.md §3.3, §3.5–3.7.

const util = require('util');
const { writeOut } = require('./stdio.js');
const { intoError, toFormatted } = require('./errors.js');

// Kept on the global object (as the managed runtime does) so copies of this module would agree.
const REQUEST_ID = Symbol.for('aws.lambda.runtime.requestId');
const TENANT_ID = Symbol.for('aws.lambda.runtime.tenantId');

const LEVELS = {
  TRACE: { name: 'TRACE', priority: 1 },
  DEBUG: { name: 'DEBUG', priority: 2 },
  INFO: { name: 'INFO', priority: 3 },
  WARN: { name: 'WARN', priority: 4 },
  ERROR: { name: 'ERROR', priority: 5 },
  FATAL: { name: 'FATAL', priority: 6 },
};

function setCurrentRequestId(id) {
  global[REQUEST_ID] = id;
}

function setCurrentTenantId(id) {
  global[TENANT_ID] = id;
}

function writeText(level, message, ...params) {
  const line = `${new Date().toISOString()}\t${global[REQUEST_ID]}\t${level.name}\t${util.format(message, ...params)}`;
  // One CloudWatch event per call: a multi-line message keeps its line breaks as \r.
  writeOut(line.replace(/\n/g, '\r') + '\n');
}

function errorFields(error) {
  return {
    errorType: error?.constructor?.name ?? 'UnknownError',
    errorMessage: error.message,
    stackTrace: typeof error.stack === 'string' ? error.stack.split('\n') : error.stack,
  };
}

function jsonErrorReplacer(_key, value) {
  return value instanceof Error ? Object.assign(errorFields(value), value) : value;
}

/** `{timestamp, level, requestId, tenantId?, message}`; see formatJsonMessage in the managed runtime. */
function formatJson(node24, level, message, params) {
  const record = { timestamp: new Date().toISOString(), level: level.name, requestId: global[REQUEST_ID] };
  const tenantId = global[TENANT_ID];
  if (tenantId !== undefined && tenantId !== null && (tenantId || !node24)) record.tenantId = tenantId;
  if (params.length === 0) {
    record.message = message;
    try {
      return JSON.stringify(record, jsonErrorReplacer);
    } catch {
      record.message = util.format(record.message);
      return JSON.stringify(record);
    }
  }
  record.message = util.format(message, ...params);
  // Node ≤22 looks for the first Error among all arguments, Node 24 only after the first.
  const error = (node24 ? params : [message, ...params]).find((param) => param instanceof Error);
  if (error) {
    Object.assign(record, errorFields(error));
    if (typeof error.stack !== 'string') record.stackTrace = [];
  }
  return JSON.stringify(record);
}

function jsonWriter(node24) {
  return (level, message, ...params) => {
    writeOut(formatJson(node24, level, message, params).replace(/\n/g, '\r') + '\n');
  };
}

const noop = () => {};

/**
 * Installs the patched console. `console.fatal` is added; methods below AWS_LAMBDA_LOG_LEVEL (default TRACE, i.e.
 * everything) become no-ops; `console.log` is `console.info`.
 */
function patchConsole({ node24 = false } = {}) {
  const json = process.env.AWS_LAMBDA_LOG_FORMAT?.toUpperCase() === 'JSON';
  const write = json ? jsonWriter(node24) : writeText;
  const minimum = LEVELS[process.env.AWS_LAMBDA_LOG_LEVEL?.toUpperCase()] ?? LEVELS.TRACE;
  const method = (level) => (level.priority >= minimum.priority ? (message, ...params) => write(level, message, ...params) : noop);
  console.trace = method(LEVELS.TRACE);
  console.debug = method(LEVELS.DEBUG);
  console.info = method(LEVELS.INFO);
  console.log = console.info;
  console.warn = method(LEVELS.WARN);
  console.error = method(LEVELS.ERROR);
  console.fatal = method(LEVELS.FATAL);
  logError = json
    ? (_label, error) => console.error(intoError(error))
    : (label, error) => console.error(label, toFormatted(intoError(error)));
}

let logError = noop;

/** Logs a failure the way the runtime reports it: `Invoke Error \t{…}` in TEXT, the error object in JSON. */
const structuredConsole = {
  logError: (label, error) => logError(label, error),
};

module.exports = { patchConsole, setCurrentRequestId, setCurrentTenantId, structuredConsole };
