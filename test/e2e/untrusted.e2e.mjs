// Workspace trust: a folder that is not trusted (Restricted Mode) shows its functions in the Lambda view, but nothing
// runs — ▶, 🐞 and New Function are refused with a message saying why — and no handler code is loaded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startSession } from './lib/session.mjs';
import {
  clickInlineAction, editorTab, expand, notification, openLambdaView, runCommand, treeLabels, treeRow,
  withScreenshotOnFailure,
} from './lib/workbench.mjs';

let session;
let page;
let marker;
let templateBefore;

before(async () => {
  session = await startSession('untrusted', { trust: false });
  page = session.page;
  // A handler that leaves a mark as soon as it is loaded: if anything ran it, the mark is there.
  const handler = path.join(session.ws, 'hello', 'hello-node', 'app.mjs');
  marker = path.join(session.ws, 'hello', 'hello-node', 'ran.txt');
  writeFileSync(handler, `import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('./ran.txt', import.meta.url), 'loaded');\n${readFileSync(handler, 'utf8')}`);
  templateBefore = readFileSync(path.join(session.ws, 'hello', 'template.yaml'), 'utf8');
});
after(async () => {
  await session?.close();
});

function step(name, body) {
  return withScreenshotOnFailure(page, `untrusted-${name}`, body).catch((error) => {
    session.failed = true;
    throw error;
  });
}

test('the window is in Restricted Mode and the Lambda view still lists the functions', () => step('tree', async () => {
  await page.locator('.part.statusbar', { hasText: 'Restricted Mode' }).waitFor({ timeout: 60_000 });
  await openLambdaView(page);
  const node = treeRow(page, 'Functions', 'HelloNodeFunction').first();
  await node.waitFor({ timeout: 60_000 });
  await expand(node);
  await treeRow(page, 'Functions', 'GET /hello · Api').first().waitFor();
  const labels = await treeLabels(page, 'Functions');
  assert.ok(labels.some((label) => label.startsWith('HelloPythonFunction')), JSON.stringify(labels));
}));

test('▶ is refused with a message naming Restricted Mode, and no handler runs', () => step('invoke', async () => {
  await clickInlineAction(treeRow(page, 'Functions', 'GET /hello · Api').first(), 'Invoke');
  const message = await notification(page, 'Invoke is not available');
  assert.match(message, /Invoke is not available in Restricted Mode/);
  assert.match(message, /trust/i);
  // Give a wrongly started invoke time to show itself.
  await page.waitForTimeout(2_000);
  assert.equal(await editorTab(page, 'Lambda: HelloNodeFunction').count(), 0, 'no result panel opens');
  assert.equal(existsSync(marker), false, 'the handler was loaded');
  assert.equal(await treeRow(page, 'Recent Invocations', 'HelloNodeFunction').count(), 0, 'no invoke is recorded');
}));

test('🐞 is refused the same way, and no handler runs', () => step('debug', async () => {
  await openLambdaView(page);
  await clickInlineAction(treeRow(page, 'Functions', 'GET /hello · Api').first(), 'Debug');
  const message = await notification(page, 'Debug is not available');
  assert.match(message, /Debug is not available in Restricted Mode/);
  await page.waitForTimeout(2_000);
  assert.equal(existsSync(marker), false, 'the handler was loaded');
  assert.equal(await page.locator('.debug-toolbar').count(), 0, 'no debug session started');
}));

test('New Function is refused and the template is left as it was', () => step('new-function', async () => {
  await runCommand(page, 'Lambda: New Function…');
  const message = await notification(page, 'New Function is not available');
  assert.match(message, /Restricted Mode/);
  assert.equal(readFileSync(path.join(session.ws, 'hello', 'template.yaml'), 'utf8'), templateBefore);
}));
