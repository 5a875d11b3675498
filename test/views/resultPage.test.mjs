// media/result.js in a real browser: Debian's headless Chromium loads the page the panel builds (under its CSP),
// a check script clicks through it, and the test reads what it saw from the dumped DOM.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { root } from '../helpers/invoke.mjs';
import { loadViewModules, record, REQUEST_ID } from './viewModule.mjs';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `no ${CHROMIUM} (apt-get install -y chromium)`;
const fileUrl = (...parts) => pathToFileURL(path.join(root, ...parts)).href;
let views;
before(async () => { views = await loadViewModules(); });
after(() => views?.cleanup());

/** Renders the record's page in Chromium and returns what test/fixtures/views/page-checks.js recorded. */
function renderPage(name, rec, options) {
  const nonce = views.newNonce();
  let html = views.resultPageHtml(views.buildResultView(rec, options), {
    cspSource: 'file:', nonce, scriptUri: fileUrl('media', 'result.js'), styleUri: fileUrl('media', 'result.css'),
  });
  const script = (file) => `<script nonce="${nonce}" src="${fileUrl('test', 'fixtures', 'views', file)}"></script>`;
  html = html.replace(`<script nonce="${nonce}" src=`, `${script('page-stub.js')}\n<script nonce="${nonce}" src=`)
    .replace('</body>', `${script('page-checks.js')}\n</body>`);
  const file = path.join(views.dir, `${name}.html`);
  writeFileSync(file, html);
  const profile = path.join(views.dir, `profile-${name}`);
  mkdirSync(profile);
  const run = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files',
    `--user-data-dir=${profile}`, '--virtual-time-budget=5000', '--dump-dom', pathToFileURL(file).href],
  { encoding: 'utf8', timeout: 60_000 });
  const match = /data-checks="([^"]*)"/.exec(run.stdout ?? '');
  assert.ok(match, `no checks in the dumped page (status ${run.status}): ${run.stderr}`);
  const unescaped = match[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return JSON.parse(unescaped);
}

const TS = '2026-11-26T15:53:53.208Z';
const deep = { a: { b: { c: { d: { e: { f: { deepest: true } } } } } } };

test('a successful invoke renders status, payload tree, bars, cost and log levels, and its buttons post', { skip }, () => {
  const payload = Buffer.from(JSON.stringify({ statusCode: 200, body: JSON.stringify({ message: '</script><b>hi</b>' }), deep }));
  const rec = record({ result: { payload, logs: [
    `START RequestId: ${REQUEST_ID} Version: $LATEST`,
    `${TS}\t${REQUEST_ID}\tINFO\thello`,
    `${TS}\t${REQUEST_ID}\tWARN\tfirst\rsecond`,
    `${TS}\t${REQUEST_ID}\tERROR\t<img src=x>`,
    `${TS}\t${REQUEST_ID}\tDEBUG\tdetail`,
    'plain output',
  ] } });
  const seen = renderPage('success', rec, { timeoutSeconds: 3, actions: { rerun: true, openHandler: true } });
  assert.equal(seen.status, 'Succeeded');
  assert.match(seen.bannerClass, /\bok\b/);
  assert.equal(seen.statusMessage, '');
  assert.match(seen.meta, /Event GET \/hello · Api.*cold start/);
  assert.deepEqual([seen.rerunHidden, seen.openHandlerHidden], [false, false]);
  assert.deepEqual(seen.logLevels, ['line lvl-platform', 'line lvl-info', 'line lvl-warn', 'line lvl-error', 'line lvl-debug', 'line lvl-plain']);
  assert.equal(seen.logTexts[2], `${TS}\t${REQUEST_ID}\tWARN\tfirst\nsecond`);
  assert.equal(seen.logTexts[3], `${TS}\t${REQUEST_ID}\tERROR\t<img src=x>`, 'log text stays text');
  assert.deepEqual(seen.bars, [
    ['metric init', '188.41 ms', '6.28%'],
    ['metric duration', '431.27 ms', '14.38%'],
    ['metric billed', '620 ms', '20.67%'],
    ['metric memory', '74 MB of 128 MB (58%)', '57.81%'],
  ]);
  assert.match(seen.cost, /\$0\.000001492per invoke\$1\.49per million invokes/);
  assert.ok(seen.payloadText.includes('"message": "</script><b>hi</b>"'), 'the body string shown as a JSON tree, as text');
  assert.deepEqual(seen.embeddedBefore, { raw: 'none', tree: 'inline' });
  assert.deepEqual(seen.embeddedAfter, { raw: 'inline', tree: 'none' });
  assert.equal(seen.deepBuiltBefore, false, 'levels past the eager depth are built when opened');
  assert.deepEqual(seen.rootCollapsed, { children: 'none', summary: ' 3 keys ', summaryDisplay: 'inline' });
  assert.equal(seen.deepBuiltAfterExpandAll, true);
  assert.equal(seen.rootAfterExpandAll, 'block');
  assert.deepEqual(seen.posted, [{ command: 'rerun' }, { command: 'openHandler' }]);
  assert.deepEqual(seen.violations, []);
});

test('a failed invoke with a text payload: the error type and message, the text as is, no buttons without handlers', { skip }, () => {
  const rec = record({ result: { functionError: 'Unhandled', errorType: 'Sandbox.Timedout', coldStart: false,
    payload: Buffer.from('Task timed out <after> 3.00 seconds'), contentType: 'text/plain',
    logs: [`${TS} ${REQUEST_ID} Task timed out after 3.00 seconds`],
    report: { durationMs: 3000, billedDurationMs: 3000, memorySizeMB: 128, maxMemoryUsedMB: 40, status: 'timeout' } } });
  const seen = renderPage('failure', rec);
  assert.equal(seen.status, 'Sandbox.Timedout');
  assert.match(seen.bannerClass, /\bfailed\b/);
  assert.match(seen.meta, /warm/);
  assert.equal(seen.rawPayload, 'Task timed out <after> 3.00 seconds');
  assert.deepEqual(seen.logLevels, ['line lvl-error']);
  assert.deepEqual(seen.bars.map(([kind]) => kind), ['metric duration alert', 'metric billed', 'metric memory']);
  assert.deepEqual([seen.rerunHidden, seen.openHandlerHidden], [true, true]);
  assert.deepEqual(seen.violations, []);
});
