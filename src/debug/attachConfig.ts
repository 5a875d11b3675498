// The child debug sessions the adapter asks the editor to start (DAP `startDebugging`), attached to the environment.
import path from 'node:path';
import type { RunnableFunction } from '../runner/types';
import type { DebugEndpoint } from '../runner/types';

/**
 * The field that marks a child session's configuration and names its debugger. VS Code starts a session asked for by
 * `startDebugging` with the parent's type (`lambda`), whatever the configuration says; the `lambda` configuration
 * provider recognises this field and gives the session its own debugger back (debugTargets.ts).
 */
export const CHILD_TYPE_FIELD = 'lambdaWorkbenchChildType';

/** The debuggers the adapter starts child sessions of: VS Code's JavaScript debugger and the Python Debugger. */
export const CHILD_DEBUG_TYPES = ['pwa-node', 'debugpy'] as const;

/** A child configuration of debugger `type`: the type, and the marker that names it again. */
function child(type: (typeof CHILD_DEBUG_TYPES)[number]): Record<string, unknown> {
  return { type, [CHILD_TYPE_FIELD]: type };
}

/**
 * VS Code's JavaScript debugger (js-debug) attached to the environment's inspector. js-debug sets its breakpoints, then
 * sends Runtime.runIfWaitingForDebugger, which lets the bootstrap load the handler; `continueOnAttach` also resumes a
 * process that is paused when it attaches. The bundled runtime and Node's internals are stepped over, and only the
 * function's own folders are searched for source maps (TypeScript handlers carry inline maps to their .ts files).
 * js-debug documents `runtimeSourcemapPausePatterns` for exactly this: source maps it cannot know of before they load.
 */
export function nodeAttachConfiguration(name: string, fn: RunnableFunction, endpoint: DebugEndpoint): Record<string, unknown> {
  const codeDirs = [fn.codeDir, ...fn.layers.map((layer) => layer.contentDir)];
  return {
    ...child('pwa-node'),
    request: 'attach',
    name,
    address: endpoint.host,
    port: endpoint.port,
    sourceMaps: true,
    skipFiles: ['<node_internals>/**', `${endpoint.runtimeDir}/**`],
    continueOnAttach: true,
    resolveSourceMapLocations: [...codeDirs.map((dir) => path.join(dir, '**')), '!**/node_modules/**'],
    outFiles: [...codeDirs.map((dir) => path.join(dir, '**', '*.(m|c|)js')), '!**/node_modules/**'],
    // TypeScript is transpiled as it loads (CommonJS through Module._compile, where Node has no "pause before a
    // script with a source map" for js-debug to use): stop at the start of each .ts module, so js-debug can read its
    // inline source map and bind the breakpoints before any of the module's code runs.
    runtimeSourcemapPausePatterns: codeDirs.map((dir) => path.join(dir, '**', '*.{ts,mts,cts}')),
    cwd: fn.codeDir,
    // The function's environment stays as Lambda's: js-debug would otherwise add itself to NODE_OPTIONS.
    autoAttachChildProcesses: false,
    attachExistingChildren: false,
  };
}

/** The debugpy attach arguments, for a child `debugpy` session and for the adapter's own conversation alike. */
export function debugpyAttachArguments(endpoint: DebugEndpoint, justMyCode: boolean): Record<string, unknown> {
  return {
    justMyCode,
    // The function's output already reaches the Debug Console as its log lines.
    redirectOutput: false,
    subProcess: false,
    showReturnValue: true,
    // Stepping never enters the bundled runtime.
    rules: [{ path: path.join(endpoint.runtimeDir, '**'), include: false }],
  };
}

export function pythonAttachConfiguration(name: string, endpoint: DebugEndpoint, justMyCode: boolean): Record<string, unknown> {
  return {
    ...child('debugpy'),
    request: 'attach',
    name,
    connect: { host: endpoint.host, port: endpoint.port },
    ...debugpyAttachArguments(endpoint, justMyCode),
  };
}
