// Drives dist/debugAdapter.js with @vscode/debugadapter-testsupport's DebugClient, as VS Code would: it answers the
// adapter's reverse requests (startDebugging) and keeps a transcript of every message for the golden file.
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from '../helpers/invoke.mjs';

const require = createRequire(import.meta.url);
const { DebugClient } = require(require.resolve('@vscode/debugadapter-testsupport', { paths: [root] }));

export const adapterPath = path.join(root, 'dist', 'debugAdapter.js');
export const fixtures = path.join(root, 'test', 'fixtures', 'debug');
export const runtimesDir = path.join(root, 'runtimes');

/**
 * A started DebugClient. `reverseRequests` collects what the adapter asked of the editor; `onReverse(command, fn)`
 * sets the answer (default: success). `transcript` lists every message in both directions.
 */
export async function startAdapter() {
  const dc = new DebugClient(process.execPath, adapterPath, 'lambda', { cwd: fixtures });
  dc.defaultTimeout = 20000;
  dc.transcript = [];
  dc.reverseRequests = [];
  const answers = new Map();
  dc.onReverse = (command, answer) => answers.set(command, answer);
  const dispatch = dc.dispatch.bind(dc);
  dc.dispatch = (body) => {
    const message = JSON.parse(body);
    dc.transcript.push({ from: 'adapter', message });
    if (message.type !== 'request') return dispatch(body);
    dc.reverseRequests.push(message);
    dc.emit(`reverse:${message.command}`, message);
    void Promise.resolve((answers.get(message.command) ?? (() => ({})))(message.arguments)).then((responseBody) => {
      const response = { type: 'response', seq: 0, request_seq: message.seq, command: message.command, success: true, body: responseBody };
      const json = JSON.stringify(response);
      dc.transcript.push({ from: 'editor', message: response });
      dc.outputStream.write(`Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n${json}`, 'utf8');
    });
  };
  const doSend = dc.doSend.bind(dc);
  dc.doSend = (command, args, callback) => {
    dc.transcript.push({ from: 'editor', message: { type: 'request', command, arguments: args } });
    doSend(command, args, callback);
  };
  await dc.start();
  return dc;
}

/** The adapter's next reverse request `command`. */
export function nextReverse(dc, command, timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${command} request within ${timeoutMs} ms`)), timeoutMs);
    dc.once(`reverse:${command}`, (message) => {
      clearTimeout(timer);
      resolve(message);
    });
  });
}

/** initialize (as VS Code: startDebugging supported), then launch; configurationDone when the adapter is ready. */
export async function launch(dc, args, { supportsStartDebuggingRequest = true } = {}) {
  const configured = dc.waitForEvent('initialized').then(() => dc.configurationDoneRequest());
  await dc.initializeRequest({ adapterID: 'lambda', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path', supportsStartDebuggingRequest });
  const launched = dc.launchRequest(args);
  await Promise.all([configured, launched]);
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** All output events' text so far, in order. */
export function outputText(dc) {
  return dc.transcript.filter((t) => t.message.type === 'event' && t.message.event === 'output').map((t) => t.message.body.output).join('');
}

/** Resolves when the session has ended (terminated), with the lambdaResult event's body. */
export async function sessionEnd(dc, timeoutMs = 30000) {
  const result = dc.waitForEvent('lambdaResult', timeoutMs);
  await dc.waitForEvent('terminated', timeoutMs);
  return result.then((event) => event.body);
}

/** True while a process with this pid exists (and is not a zombie). */
export function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/\) Z /.test(require('node:fs').readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * The pid of the environment started under the debugger listening on `port` (its initial environment names it; the
 * bootstrap removes the variable from the function's view, not from /proc).
 */
export function environmentPid(port) {
  const fs = require('node:fs');
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let environ;
    try {
      environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8');
    } catch {
      continue;
    }
    const setting = environ.split('\0').find((v) => v.startsWith('_LAMBDA_WORKBENCH_DEBUG='));
    if (setting && JSON.parse(setting.slice('_LAMBDA_WORKBENCH_DEBUG='.length)).port === port) return Number(entry);
  }
  return undefined;
}
