// One whole Node.js debug session as DAP messages, compared with a golden transcript (volatile values normalised,
// as js-debug's goldenText does). RESET_RESULTS=1 rewrites the golden file; a missing one is written.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { root } from '../helpers/invoke.mjs';
import { fixtures, nextReverse, sessionEnd, startAdapter } from './adapterClient.mjs';
import { CdpClient } from './cdp.mjs';

const golden = path.join(fixtures, 'golden', 'node-session.txt');

function normalize(text) {
  return text
    .replaceAll(root, '<root>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/runtime:[0-9a-f]{64}/g, 'runtime:<hash>')
    .replace(/(Duration|Init Duration|Billed Duration): [\d.]+ ms/g, '$1: <n> ms')
    .replace(/Max Memory Used: \d+ MB/g, 'Max Memory Used: <n> MB')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
    .replace(/"port":\d+/g, '"port":<port>')
    .replace(/Node\.js v[\d.]+/g, 'Node.js v<version>')
    .replace(/\\"(before|after)\\":\d+/g, '\\"$1\\":<n>')
    .replace(/"(durationMs|pausedMs)":[\d.]+/g, '"$1":<n>')
    .replace(/in [\d.]+ ms, [\d.]+ s stopped/g, 'in <n> ms, <n> s stopped');
}

/** Requests the editor made and every message of the adapter, one line each, up to the end of the session. */
function transcript(dc) {
  const lines = [];
  for (const { from, message } of dc.transcript) {
    if (from === 'editor' && message.type !== 'request') continue; // answers to reverse requests: timing varies
    const what = message.type === 'event' ? message.event : message.command;
    const body = message.type === 'request' ? message.arguments : message.body;
    const status = message.type === 'response' ? (message.success ? ' ok' : ` failed: ${message.message}`) : '';
    lines.push(`${from === 'editor' ? 'editor  →' : 'adapter →'} ${message.type} ${what}${status} ${JSON.stringify(body ?? {})}`);
    if (message.type === 'event' && message.event === 'terminated') break;
  }
  return normalize(lines.join('\n')) + '\n';
}

test('a Node.js debug session, message by message', async (t) => {
  const dc = await startAdapter();
  t.after(() => dc.stop());
  const initialized = dc.waitForEvent('initialized');
  await dc.initializeRequest({ adapterID: 'lambda', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path', supportsStartDebuggingRequest: true });
  await initialized;
  await dc.configurationDoneRequest();
  const startDebugging = nextReverse(dc, 'startDebugging');
  await dc.launchRequest({ template: 'template.yaml', functionId: 'NodeFunction', eventFile: 'events/hello.json' });
  const { address, port } = (await startDebugging).arguments.configuration;
  const cdp = await CdpClient.connect(address, port);
  t.after(() => cdp.close());
  await cdp.send('Debugger.enable');
  await cdp.send('Debugger.setBreakpointByUrl', { url: pathToFileURL(path.join(fixtures, 'node-js', 'app.js')).href, lineNumber: 4 });
  const paused = cdp.waitFor('Debugger.paused');
  await cdp.send('Runtime.runIfWaitingForDebugger');
  await paused;
  await new Promise((resolve) => setTimeout(resolve, 300)); // so the summary always names the time stopped
  const end = sessionEnd(dc);
  await cdp.send('Debugger.resume');
  await end;
  const actual = transcript(dc);
  if (process.env.RESET_RESULTS || !fs.existsSync(golden)) {
    fs.mkdirSync(path.dirname(golden), { recursive: true });
    fs.writeFileSync(golden, actual);
  }
  assert.equal(actual, fs.readFileSync(golden, 'utf8'));
});
