// The result panel's view model and page HTML, in plain Node: status, REPORT bars, cost, log levels, and a page
// that carries the invoke only as escaped JSON under a strict Content Security Policy.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadViewModules, record, REQUEST_ID } from './viewModule.mjs';

let views;
before(async () => { views = await loadViewModules(); });
after(() => views?.cleanup());

const TS = '2026-11-26T15:53:53.208Z';
const level = (line) => views.levelOf(line);

test('log levels: Node TEXT lines by their level column', () => {
  assert.equal(level(`${TS}\t${REQUEST_ID}\tINFO\thello`), 'info');
  assert.equal(level(`${TS}\t${REQUEST_ID}\tWARN\tcareful`), 'warn');
  assert.equal(level(`${TS}\t${REQUEST_ID}\tERROR\tInvoke Error \t{"errorType":"TypeError"}`), 'error');
  assert.equal(level(`${TS}\t${REQUEST_ID}\tFATAL\tgone`), 'error');
  assert.equal(level(`${TS}\t${REQUEST_ID}\tDEBUG\tdetail`), 'debug');
  assert.equal(level(`${TS}\t${REQUEST_ID}\tTRACE\tdetail`), 'debug');
  assert.equal(level(`${TS}\tundefined\tWARN\tbefore the first invoke`), 'warn');
});

test('log levels: Python TEXT lines by their [LEVEL] prefix, including the invocation-error record', () => {
  assert.equal(level(`[INFO]\t${TS}\t${REQUEST_ID}\thello`), 'info');
  assert.equal(level(`[WARNING]\t${TS}\t${REQUEST_ID}\tcareful`), 'warn');
  assert.equal(level('[ERROR] ZeroDivisionError: division by zero\rTraceback (most recent call last):'), 'error');
  assert.equal(level(`[CRITICAL]\t${TS}\t${REQUEST_ID}\tdown`), 'error');
  assert.equal(level(`[DEBUG]\t${TS}\t${REQUEST_ID}\tdetail`), 'debug');
});

test('log levels: JSON records by `level` (any case) or Python\'s `log_level`; platform.* records apart', () => {
  assert.equal(level('{"timestamp":"t","level":"INFO","message":"hi","requestId":"r"}'), 'info');
  assert.equal(level('{"timestamp":"t","level":"WARNING","message":"hi"}'), 'warn');
  assert.equal(level('{"timestamp":"t","level":"error","message":"hi"}'), 'error');
  assert.equal(level('{"timestamp":"t","log_level":"ERROR","errorMessage":"x","errorType":"KeyError"}'), 'error');
  assert.equal(level('{"timestamp":"t","level":"TRACE","message":"hi"}'), 'debug');
  assert.equal(level('{"time":"t","type":"platform.report","record":{"status":"timeout"}}'), 'platform');
  assert.equal(level('{"time":"t","type":"platform.initStart","record":{}}'), 'platform');
  assert.equal(level('{"message":"no level"}'), 'plain');
  assert.equal(level('{not json'), 'plain');
});

test('log levels: platform TEXT lines, timeouts and crashes; anything else is plain', () => {
  assert.equal(level('INIT_START Runtime Version: python:3.12.v50\tRuntime Version ARN: arn'), 'platform');
  assert.equal(level('INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout'), 'platform');
  assert.equal(level(`START RequestId: ${REQUEST_ID} Version: $LATEST`), 'platform');
  assert.equal(level(`END RequestId: ${REQUEST_ID}`), 'platform');
  assert.equal(level(`REPORT RequestId: ${REQUEST_ID}\tDuration: 1.00 ms\t`), 'platform');
  assert.equal(level(`${TS} ${REQUEST_ID} Task timed out after 3.00 seconds`), 'error');
  assert.equal(level(`RequestId: ${REQUEST_ID} Error: Runtime exited with error: exit status 1`), 'error');
  assert.equal(level('Runtime.ExitError'), 'error');
  assert.equal(level('plain print output'), 'plain');
  assert.equal(level('STARTING the server'), 'plain');
});

test('log lines keep their text, with Lambda\'s in-record \\r shown as new lines', () => {
  assert.deepEqual(views.classifyLogLine(`${TS}\t${REQUEST_ID}\tWARN\tfirst\rsecond`),
    { level: 'warn', text: `${TS}\t${REQUEST_ID}\tWARN\tfirst\nsecond` });
});

test('a successful invoke: Succeeded, the title, the payload as JSON, every log line in order', () => {
  const view = views.buildResultView(record());
  assert.equal(view.title, 'Lambda: HelloWorldFunction');
  assert.deepEqual(view.status, { ok: true, text: 'Succeeded' });
  assert.deepEqual(view.payload, {
    text: '{"statusCode":200,"body":"{\\"message\\":\\"hello world\\"}"}', contentType: 'application/json', isJson: true, bytes: 57,
  });
  assert.equal(view.startedAt, TS);
  assert.equal(view.requestId, REQUEST_ID);
  assert.equal(view.coldStart, true);
  assert.deepEqual(view.log.map((l) => l.level), ['platform', 'platform', 'info', 'platform', 'platform']);
  assert.deepEqual(view.actions, { rerun: false, openHandler: false });
  assert.deepEqual(views.buildResultView(record(), { actions: { rerun: true, openHandler: false } }).actions,
    { rerun: true, openHandler: false });
});

test('a failed invoke: the error type prominently, the errorMessage beside it', () => {
  const payload = Buffer.from('{"errorType":"TypeError","errorMessage":"Cannot read properties of undefined (reading \'id\')","trace":[]}');
  const view = views.buildResultView(record({ result: { functionError: 'Unhandled', errorType: 'TypeError', payload } }));
  assert.deepEqual(view.status, { ok: false, text: 'TypeError', message: 'Cannot read properties of undefined (reading \'id\')' });
  const timedOut = views.buildResultView(record({ result: { functionError: 'Unhandled', errorType: 'Sandbox.Timedout',
    payload: Buffer.from('{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: x Error: Task timed out after 3.00 seconds"}') } }));
  assert.equal(timedOut.status.text, 'Sandbox.Timedout');
});

test('a failed invoke without an errorType on the result: from the error document, else the REPORT, else Unhandled', () => {
  const fromDocument = views.buildResultView(record({ result: { functionError: 'Unhandled',
    payload: Buffer.from('{"errorType":"Runtime.HandlerNotFound","errorMessage":"app.nope is undefined"}') } }));
  assert.equal(fromDocument.status.text, 'Runtime.HandlerNotFound');
  const fromReport = views.buildResultView(record({ result: { functionError: 'Unhandled', payload: Buffer.from('not json'),
    report: { durationMs: 1, billedDurationMs: 1, memorySizeMB: 128, maxMemoryUsedMB: 30, status: 'error', errorType: 'Runtime.ExitError' } } }));
  assert.deepEqual(fromReport.status, { ok: false, text: 'Runtime.ExitError' });
  const bare = views.buildResultView(record({ result: { functionError: 'Unhandled', payload: Buffer.alloc(0) } }));
  assert.deepEqual(bare.status, { ok: false, text: 'Unhandled' });
});

test('payloads that are not JSON, or empty, are marked so the page shows them as text', () => {
  const text = views.buildResultView(record({ result: { payload: Buffer.from('hello, streamed'), contentType: 'text/plain' } }));
  assert.deepEqual(text.payload, { text: 'hello, streamed', contentType: 'text/plain', isJson: false, bytes: 15 });
  assert.equal(views.buildResultView(record({ result: { payload: Buffer.alloc(0) } })).payload.isJson, false);
  assert.equal(views.buildResultView(record({ result: { payload: Buffer.from('"héllo"') } })).payload.bytes, 8, 'bytes, not characters');
  assert.equal(views.buildResultView(record({ result: { payload: Buffer.from('null') } })).payload.isJson, true);
});

test('REPORT bars: init, duration and billed against the timeout; memory used against memory size', () => {
  const { report } = views.buildResultView(record(), { timeoutSeconds: 3 });
  assert.equal(report.scaleLabel, 'against the 3 s timeout');
  assert.deepEqual(report.timeBars, [
    { kind: 'init', label: 'Init duration', value: '188.41 ms', fraction: 188.41 / 3000, alert: false },
    { kind: 'duration', label: 'Duration', value: '431.27 ms', fraction: 431.27 / 3000, alert: false },
    { kind: 'billed', label: 'Billed duration', value: '620 ms', fraction: 620 / 3000, alert: false },
  ]);
  assert.deepEqual(report.memoryBar, { kind: 'memory', label: 'Memory used', value: '74 MB of 128 MB (58%)', fraction: 74 / 128, alert: false });
  assert.equal(views.buildResultView(record(), { timeoutSeconds: 900 }).report.scaleLabel, 'against the 15 min timeout');
});

test('REPORT bars: a warm invoke has no init bar; without a timeout the longest figure fills the track', () => {
  const warm = record({ result: { coldStart: false,
    report: { durationMs: 12.85, billedDurationMs: 13, memorySizeMB: 512, maxMemoryUsedMB: 91, status: 'success' } } });
  const { report } = views.buildResultView(warm);
  assert.equal(report.scaleLabel, 'relative to the longest');
  assert.deepEqual(report.timeBars.map((b) => [b.kind, b.fraction]), [['duration', 12.85 / 13], ['billed', 1]]);
  assert.equal(report.memoryBar.value, '91 MB of 512 MB (18%)');
});

test('REPORT bars: a timeout turns the duration bar red, and so does memory at 90% or more (clamped at full)', () => {
  const timedOut = record({ result: { functionError: 'Unhandled', errorType: 'Sandbox.Timedout',
    report: { durationMs: 3000, billedDurationMs: 3293, memorySizeMB: 128, maxMemoryUsedMB: 128, initDurationMs: 292.1, status: 'timeout' } } });
  const { report } = views.buildResultView(timedOut, { timeoutSeconds: 3 });
  assert.deepEqual(report.timeBars.map((b) => [b.kind, b.value, b.fraction, b.alert]), [
    ['init', '292.10 ms', 292.1 / 3000, false],
    ['duration', '3,000.00 ms', 1, true],
    ['billed', '3,293 ms', 1, false],
  ]);
  assert.deepEqual([report.memoryBar.value, report.memoryBar.fraction, report.memoryBar.alert], ['128 MB of 128 MB (100%)', 1, true]);
});

test('cost: per invoke and per million for the memory and architecture, and the other architecture for comparison', () => {
  // 128 MB × 0.620 s = 0.0775 GB-s; × $0.0000166667 = $0.00000129167, + $0.0000002 = $0.00000149167 per invoke.
  assert.deepEqual(views.buildResultView(record()).cost, {
    perInvoke: '$0.000001492', perMillion: '$1.49', basis: '128 MB · x86_64 · 620 ms billed · 0.08 GB-s',
    priceNote: 'us-east-1 list prices', alternative: { architecture: 'arm64', perMillion: '$1.23' },
  });
  // 512 MB × 0.013 s = 0.0065 GB-s on arm64: × $0.0000133334 = $0.0000000866671, + $0.0000002 per invoke.
  const arm = record({ architecture: 'arm64', memorySize: 512, result: { coldStart: false,
    report: { durationMs: 12.85, billedDurationMs: 13, memorySizeMB: 512, maxMemoryUsedMB: 91, status: 'success' } } });
  assert.deepEqual(views.buildResultView(arm).cost, {
    perInvoke: '$0.0000002867', perMillion: '$0.29', basis: '512 MB · arm64 · 13 ms billed · 0.0065 GB-s',
    priceNote: 'us-east-1 list prices', alternative: { architecture: 'x86_64', perMillion: '$0.31' },
  });
});

test('the page: strict CSP, nonce on every script, the assets by URI, no inline styles or handlers', () => {
  const view = views.buildResultView(record());
  const html = views.resultPageHtml(view, { cspSource: 'https://*.vscode-cdn.net', nonce: 'n0nce+/=',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/result.js', styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/result.css' });
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src https://*.vscode-cdn.net; script-src &#39;nonce-n0nce+/=&#39;; img-src https://*.vscode-cdn.net;">`));
  assert.equal(views.contentSecurityPolicy({ cspSource: 'X', nonce: 'N' }), "default-src 'none'; style-src X; script-src 'nonce-N'; img-src X;");
  assert.ok(html.includes('<link rel="stylesheet" href="https://file+.vscode-resource.vscode-cdn.net/ext/media/result.css">'));
  assert.ok(html.includes('<script nonce="n0nce+/=" src="https://file+.vscode-resource.vscode-cdn.net/ext/media/result.js"></script>'));
  const scripts = html.match(/<script\b[^>]*>/g);
  assert.equal(scripts.length, 2);
  for (const tag of scripts) assert.match(tag, /nonce="n0nce\+\/="/);
  assert.doesNotMatch(html, /\sstyle=|<style|\son[a-z]+=/i);
  for (const id of ['status', 'payload', 'report', 'cost', 'log', 'rerun', 'openHandler']) assert.ok(html.includes(`id="${id}"`), id);
  assert.ok(html.includes('<title>Lambda: HelloWorldFunction</title>'));
  assert.match(views.newNonce(), /^[A-Za-z0-9+/]{24}$/);
  assert.notEqual(views.newNonce(), views.newNonce());
});

test('the page: the invoke reaches it only as JSON that cannot close its script tag, and round-trips exactly', () => {
  const hostile = '</script><script>alert(1)</script><!-- & \u2028';
  const view = views.buildResultView(record({ functionId: `Fn${hostile}`, eventLabel: hostile,
    result: { payload: Buffer.from(JSON.stringify({ body: hostile })), logs: [hostile] } }));
  const html = views.resultPageHtml(view, { cspSource: 'x', nonce: 'n', scriptUri: 's.js', styleUri: 's.css' });
  assert.equal(html.split('</script>').length - 1, 2, 'only the two real script tags close');
  assert.doesNotMatch(html, /<script>alert|<!-- &/);
  assert.ok(html.includes('<title>Lambda: Fn&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;&#60;!-- &#38; \u2028</title>'));
  const block = /<script type="application\/json" id="result-data" nonce="n">(.*?)<\/script>/s.exec(html)[1];
  assert.doesNotMatch(block, /[<>&\u2028\u2029]/);
  assert.deepEqual(JSON.parse(block), JSON.parse(JSON.stringify(view)));
});
