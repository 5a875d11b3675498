// Failures outside the handler's own promise (lambda-spec.md §5.1, process-level failures): uncaught exceptions,
// unhandled rejections, a promise that never settles, process.exit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invoke, loggedJson } from './nodeRuntime.mjs';

const NODEJS_EXIT = 'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by '
  + 'a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes';

test('an uncaught exception is logged, posted as the invocation error, and ends the process with 129', async () => {
  const result = await invoke('uncaught-exception', 'index.handler');
  const trace = ['Error: thrown in a timer', '    at Timeout._onTimeout (<fixture>/index.js:3:11)'];
  assert.equal(result.functionError, 'Unhandled');
  assert.deepEqual(result.json, { errorType: 'Error', errorMessage: 'thrown in a timer', trace });
  assert.equal(result.lines[0], `<time>\t<id>\tERROR\tUncaught Exception \t${JSON.stringify({
    errorType: 'Error', errorMessage: 'thrown in a timer', stack: trace,
  })}`);
  assert.ok(result.logs.includes('RequestId: <id> Error: Runtime exited with error: exit status 129'), result.logs.join('\n'));
});

test('an unhandled rejection becomes Runtime.UnhandledPromiseRejection and ends the process with 128', async () => {
  const result = await invoke('unhandled-rejection', 'index.handler');
  assert.deepEqual(result.json, {
    errorType: 'Runtime.UnhandledPromiseRejection',
    errorMessage: 'Error: nobody catches me',
    trace: ['Runtime.UnhandledPromiseRejection: Error: nobody catches me'],
  });
  assert.ok(result.lines[0].startsWith('<time>\t<id>\tERROR\tUnhandled Promise Rejection \t{'), result.lines[0]);
  assert.deepEqual(loggedJson(result.lines[0]), {
    errorType: 'Runtime.UnhandledPromiseRejection',
    errorMessage: 'Error: nobody catches me',
    reason: {
      errorType: 'Error',
      errorMessage: 'nobody catches me',
      stack: ['Error: nobody catches me', '    at exports.handler (<fixture>/index.js:2:18)'],
    },
    promise: {},
    stack: ['Runtime.UnhandledPromiseRejection: Error: nobody catches me'],
  });
  assert.ok(result.logs.includes('RequestId: <id> Error: Runtime exited with error: exit status 128'), result.logs.join('\n'));
});

test('an async handler whose promise never settles fails with Runtime.NodeJsExit once the event loop is empty', async () => {
  const result = await invoke('never-settles', 'index.handler');
  const trace = [`Runtime.NodeJsExit: ${NODEJS_EXIT}`];
  assert.deepEqual(result.json, { errorType: 'Runtime.NodeJsExit', errorMessage: NODEJS_EXIT, trace });
  assert.equal(result.errorType, 'Runtime.NodeJsExit');
  assert.deepEqual(result.lines, [`<time>\t<id>\tERROR\tInvoke Error \t${JSON.stringify({
    errorType: 'Runtime.NodeJsExit', errorMessage: NODEJS_EXIT, stack: trace,
  })}`]);
});

test('process.exit(2) posts nothing: the platform reports Runtime.ExitError', async () => {
  const result = await invoke('process-exit', 'index.handler');
  assert.equal(result.functionError, 'Unhandled');
  assert.equal(result.json.errorType, 'Runtime.ExitError');
  assert.match(result.json.errorMessage, /^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 2$/);
  assert.deepEqual(result.lines, ['RequestId: <id> Error: Runtime exited with error: exit status 2', 'Runtime.ExitError']);
});
