// The extension's commands called through the VS Code API inside code-server's extension host (the
// `extensionTestsPath` mechanism): `lambdaWorkbench.invoke` with `silent: true` returns the payload and the REPORT.
// The extension under test is the packaged VSIX, unpacked and loaded as the development extension.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { extractZip } from '../package/zip.mjs';
import { newRunDir, packagedVsix, startSession } from './lib/session.mjs';

test('lambdaWorkbench.invoke called through the API returns { payload, report } and opens no UI', async (t) => {
  const unpacked = newRunDir('api-vsix');
  t.after(() => rmSync(unpacked, { recursive: true, force: true }));
  extractZip(packagedVsix(), unpacked, 'extension/');
  const lines = [];
  let exited;
  const exitCode = new Promise((resolve) => { exited = resolve; });
  const session = await startSession('api', {
    install: false,
    ownedPaths: [unpacked],
    serverArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    // code-server's remote authority is the page's host:port.
    payload: (server) => [
      ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${unpacked}`],
      ['extensionTestsPath', `vscode-remote://127.0.0.1:${server.port}${path.join(import.meta.dirname, 'exthost', 'index.js')}`],
    ],
    beforeOpen: async (page) => {
      await page.exposeFunction('codeAutomationLog', (type, args) => lines.push(`[${type}] ${util.format(...(args ?? []))}`));
      await page.exposeFunction('codeAutomationExit', (code) => exited(code));
    },
  });
  t.after(() => session.close());
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout after 120 s'), 120_000); });
  const code = await Promise.race([exitCode, timeout]);
  clearTimeout(timer);
  const cases = lines.filter((line) => /\bok - /.test(line)).join('\n');
  if (code !== 0) session.failed = true;
  assert.equal(code, 0, `the extension-host cases failed (exit ${code}):\n${cases || lines.join('\n')}`);
  assert.match(cases, /ok - invoke with an inline event/);
  assert.match(cases, /ok - Package Function zips a function/);
  assert.doesNotMatch(cases, /not ok/);
});
