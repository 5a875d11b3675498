// The runner's own inspector session (the paused clock) must not change what the editor's debugger does: code it
// skips stays skipped, and nothing stops the function when no editor debugger is attached.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { escapeRegExp, fixtures, launch, nextReverse, runtimesDir, sessionEnd, startAdapter } from './adapterClient.mjs';
import { CdpClient } from './cdp.mjs';

const codeDir = path.join(fixtures, 'node-stepping');
const args = { handler: 'app.handler', runtime: 'nodejs20.x', codeDir, event: { n: 20 } };


async function attached(t) {
  const dc = await startAdapter();
  t.after(() => dc.stop());
  const startDebugging = nextReverse(dc, 'startDebugging');
  await launch(dc, args);
  const { address, port } = (await startDebugging).arguments.configuration;
  const cdp = await CdpClient.connect(address, port);
  t.after(() => cdp.close());
  return { dc, cdp };
}

test('code the editor\'s debugger skips (skipFiles) is still stepped over', async (t) => {
  const { dc, cdp } = await attached(t);
  await cdp.send('Debugger.enable');
  // As the editor's debugger is configured (skipFiles): the function's lib.js, and the bundled runtime, whose clock
  // hook the runner's session calls as the function resumes, which a step may otherwise stop in.
  await cdp.send('Debugger.setBlackboxPatterns', { patterns: ['/lib\\.js$', `^${escapeRegExp(pathToFileURL(path.join(runtimesDir, 'node')).href)}/`] });
  const scripts = new Map();
  cdp.listeners.add((m) => m.method === 'Debugger.scriptParsed' && scripts.set(m.params.scriptId, m.params.url));
  let next = cdp.waitFor('Debugger.paused');
  await cdp.send('Runtime.runIfWaitingForDebugger');
  const visited = [];
  for (let paused = await next; ; ) {
    const { scriptId, lineNumber } = paused.callFrames[0].location;
    visited.push(`${path.basename(scripts.get(scriptId) ?? '?')}:${lineNumber + 1}`);
    if (visited.length === 6 || lineNumber + 1 === 6) break;
    next = cdp.waitFor('Debugger.paused');
    await cdp.send('Debugger.stepInto');
    paused = await next;
  }
  assert.ok(!visited.some((where) => where.startsWith('lib.js')), `stepped into skipped code: ${visited.join(' → ')}`);
  assert.ok(visited.includes('app.js:5'), visited.join(' → '));
  const end = sessionEnd(dc);
  await cdp.send('Debugger.resume');
  assert.deepEqual(JSON.parse((await end).payload), { doubled: 41 });
});

test('a `debugger;` statement does not stop the function when no editor debugger is attached', async (t) => {
  const { dc, cdp } = await attached(t);
  const end = sessionEnd(dc);
  // A client that lets the function run without debugging it (as `node inspect` does once detached).
  await cdp.send('Runtime.runIfWaitingForDebugger');
  assert.deepEqual(JSON.parse((await end).payload), { doubled: 41 });
});
