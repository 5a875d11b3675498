'use strict';
// Lambda Workbench's runtime for nodejs18.x–nodejs24.x: a Runtime API client that behaves like AWS's managed Node
// runtime (aws-lambda-nodejs-runtime-interface-client). Started by the runner as `node bootstrap.js` in the
// function's folder with Lambda's environment. Spec: lambda-spec.md §5.1.
//
// Startup, top to bottom: read the runner's private settings, patch the console, install the crash listeners,
// wait for a debugger (debug environments only), load the handler (an init failure is posted to /init/error), then
// loop over invocations.

if (!process.env.AWS_LAMBDA_RUNTIME_API) {
  process.stderr.write('bootstrap.js: AWS_LAMBDA_RUNTIME_API is not set; this runtime is started by the Lambda Workbench '
    + 'runner, which sets it to the host:port of its Runtime API.\n');
  process.exit(1);
}

// Private settings from the runner; real Lambda has no such variables, so the function must not see them.
const esbuildFrom = process.env._LAMBDA_WORKBENCH_ESBUILD_FROM;
delete process.env._LAMBDA_WORKBENCH_ESBUILD_FROM;
const debugSettings = process.env._LAMBDA_WORKBENCH_DEBUG;
delete process.env._LAMBDA_WORKBENCH_DEBUG;

require('./stdio.js').makeStdioBlocking();

const { CallbackHandlerDeprecated, UnhandledPromiseRejection, message, useNode24ClassNames } = require('./errors.js');
const logPatch = require('./logPatch.js');
const { RapidClient } = require('./rapidClient.js');
const beforeExit = require('./beforeExit.js');

// `AWS_Lambda_nodejs24.x` → 24. Node 24's managed runtime is a rewrite: no callbacks, and a few other differences.
const runtimeMajor = Number(/^AWS_Lambda_nodejs(\d+)/.exec(process.env.AWS_EXECUTION_ENV ?? '')?.[1] ?? 0);
const node24 = runtimeMajor >= 24;
if (node24) useNode24ClassNames();

logPatch.patchConsole({ node24 });
const { structuredConsole } = logPatch;
const client = new RapidClient(process.env.AWS_LAMBDA_RUNTIME_API, { node24 });

// Until the first invocation a crash is an init error; the Runtime re-points these at each invocation.
const errorCallbacks = {
  uncaughtException: (error) => client.postInitError(error, () => process.exit(129)),
  unhandledRejection: (error) => client.postInitError(error, () => process.exit(128)),
};

function onUncaughtException(error) {
  structuredConsole.logError('Uncaught Exception', error);
  errorCallbacks.uncaughtException(error);
}

process.on('uncaughtException', onUncaughtException);
process.on('unhandledRejection', (reason, promise) => {
  const error = new UnhandledPromiseRejection(reason, promise);
  structuredConsole.logError('Unhandled Promise Rejection', error);
  errorCallbacks.unhandledRejection(error);
});
beforeExit.reset();
process.on('beforeExit', beforeExit.invoke);

/** Node 24 refuses callback handlers (3 declared parameters or more); Node 18–22 warn about exactly 3. */
function checkCallbackHandler(metadata) {
  if (node24) {
    if (metadata.argsNum >= 3 && !metadata.streaming) {
      throw new CallbackHandlerDeprecated(message('Runtime.CallbackHandlerDeprecated'));
    }
  } else if (process.env.AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING === undefined && metadata.argsNum === 3
    && !metadata.isAsync && !metadata.streaming) {
    console.warn(message('callbackWarning'));
  }
}

async function start() {
  const taskRoot = process.env.LAMBDA_TASK_ROOT || process.cwd();
  const { handler, metadata } = await require('./userFunction.js').load(taskRoot, process.env._HANDLER ?? '', {
    node24,
    enableTypeScript: (file) => require('./typescript.js').enableTypeScript(file, { esbuildFrom, taskRoot }),
  });
  checkCallbackHandler(metadata);
  const { Runtime } = require('./runtime.js');
  new Runtime(client, handler, metadata, errorCallbacks, { node24 }).scheduleIteration();
}

/** A debug environment, before its inspector opens: what loading the handler will need, none of the function's code. */
function prepareForDebugger() {
  const path = require('path');
  const taskRoot = process.env.LAMBDA_TASK_ROOT || process.cwd();
  return require('./userFunction.js').prepareLoad(taskRoot, process.env._HANDLER ?? '', {
    node24,
    warmTypeScript: (file) => require('./typescript.js').warmTypeScript(file, { esbuildFrom, taskRoot }),
    // An empty module of the runtime's own: importing it loads Node's ES module loader.
    warmModuleLoader: () => import(require('url').pathToFileURL(path.join(__dirname, 'esmWarmUp.mjs')).href),
  });
}

// A debug environment: the inspector listens, and nothing of the function loads until a debugger has attached. The
// preparing delays the listening by ~15-20 ms, in the editor's case while its debugger, told the port the runner
// chose before this process started, is still setting out.
const started = debugSettings
  ? prepareForDebugger().then(() => require('./debugger.js').waitForDebugger(debugSettings)).then(start)
  : start();

started.catch((error) => {
  if (!node24) return onUncaughtException(error);
  // Node 24 reports a failed init as such, then stops.
  structuredConsole.logError('Init Error', error);
  return client.postInitError(error, () => process.exit(129));
});
