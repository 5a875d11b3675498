// Drives the VS Code workbench that code-server serves, in Debian's headless Chromium through playwright-core.
// Selectors are VS Code's own DOM (monaco lists, quick input, panes); each helper waits for what it needs.
import { createRequire } from 'node:module';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { e2eDir, workDir } from './codeServer.mjs';

const require = createRequire(path.join(e2eDir, 'package.json'));
const { chromium } = require('playwright-core');

export const screenshotDir = path.join(workDir, 'screenshots');
const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * Opens `folder` (a path on the server) in a fresh Chromium profile under `runDir`.
 * `payload` (optional) is VS Code's `?payload=` list, e.g. extensionDevelopmentPath/extensionTestsPath.
 * `beforeOpen(page)` runs before navigation (exposeFunction hooks). Returns { page, close() }.
 */
export async function openWorkbench(server, folder, { payload, beforeOpen, viewport = { width: 1440, height: 900 } } = {}) {
  const profile = path.join(server.runDir, 'chromium');
  mkdirSync(profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: chromiumFlags, viewport,
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(20_000);
  if (beforeOpen) await beforeOpen(page);
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  };
  return { page, close };
}

/** Waits until the workbench is drawn and the explorer lists the folder. */
export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
  await page.locator('.part.activitybar').waitFor({ timeout: 60_000 });
}

/** Runs a command palette entry by its exact title, e.g. "Lambda: New Function…". */
export async function runCommand(page, title) {
  // VS Code marks the quick input inert while it plays its closing animation; a palette opened in the middle of a
  // close can stay inert (seen in CI after a debug session ended). Such a palette takes no typing: open it again.
  // A palette can also close between opening and typing, when something else takes the focus (a result panel or the
  // debug views settling after a session): that too is opened again. Only the click on the command runs anything.
  const ready = page.locator('.quick-input-widget:not([inert]) .quick-input-box input');
  const row = page.locator('.quick-input-widget:not([inert]) .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.quick-input-list-label .label-name', { hasText: exactly(title) }) }).first();
  for (let attempt = 1; ; attempt++) {
    await closeQuickInput(page);
    await page.keyboard.press('F1');
    const ran = await ready.waitFor({ state: 'visible', timeout: 5_000 })
      .then(() => ready.fill(`>${title}`, { timeout: 5_000 }))
      .then(() => row.click({ timeout: 5_000 }))
      .then(() => true, () => false);
    if (ran) return;
    const state = await page.locator('.quick-input-widget').first().evaluate((w) => `class="${w.className}" inert=${w.inert}`)
      .catch((error) => error.message);
    if (attempt === 4) throw new Error(`the command palette never offered "${title}" (${state})`);
    await page.keyboard.press('Escape');
  }
}

/** The quick input's text box (command palette, QuickPick, InputBox). */
export function quickInput(page) {
  return page.locator('.quick-input-widget .quick-input-box input');
}

/** Clicks the QuickPick row whose label is exactly `label` (fuzzy matching shows near misses too). */
export async function pickQuickItem(page, label) {
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.first().waitFor({ state: 'visible' });
  const row = rows.filter({ has: page.locator('.quick-input-list-label .label-name', { hasText: exactly(label) }) });
  await row.first().click();
}

/** The labels a visible QuickPick offers. */
export async function quickItemLabels(page) {
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.first().waitFor({ state: 'visible' });
  return (await rows.locator('.quick-input-list-label .label-name').allInnerTexts()).map(clean);
}

/**
 * Runs a command whose first step is an InputBox, and answers it. The command palette hides itself after it has run
 * the command; an extension's InputBox shown before that hide can go down with it, before or just after it was
 * seen (both seen in CI, after an invoke): the command has then given up, and is run again. Seeing the box and
 * typing into it are one attempt, each with a short limit, so a box that closes in between costs 5 s, not the test.
 */
export async function runCommandAndAnswer(page, title, text) {
  const input = page.locator('.quick-input-widget:not([inert]) .quick-input-box input');
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, title);
    const typed = await input.waitFor({ state: 'visible', timeout: 5_000 })
      .then(() => input.fill(text, { timeout: 5_000 }))
      .then(() => true, () => false);
    if (typed) break;
    if (attempt === 4) throw new Error(`"${title}" never kept its input box open long enough to answer it`);
    await closeQuickInput(page);
  }
  await page.keyboard.press('Enter');
}

/** Types into the visible InputBox and accepts. */
export async function answerInputBox(page, text) {
  const input = quickInput(page);
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  await page.keyboard.press('Enter');
}

async function closeQuickInput(page) {
  if (await page.locator('.quick-input-widget').isVisible()) await page.keyboard.press('Escape');
}

/** Opens the Lambda activity-bar container. */
export async function openLambdaView(page) {
  const item = page.locator('.part.activitybar .action-item .action-label[aria-label^="Lambda"]').first();
  await item.waitFor({ state: 'visible', timeout: 60_000 });
  const selected = await item.locator('xpath=..').getAttribute('class');
  if (!selected?.includes('checked')) await item.click();
  await viewPane(page, 'Functions').waitFor({ state: 'visible' });
}

/** A view's pane (header + body) in the side bar, by its title. */
export function viewPane(page, title) {
  return page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: exactly(title, 'i') }) });
}

/** Tree rows of a view whose label (and description) contains `text`. */
export function treeRow(page, viewTitle, text) {
  return viewPane(page, viewTitle).locator('.monaco-list-row', { hasText: text });
}

/** The visible rows of a view, as "label description" strings. */
export async function treeLabels(page, viewTitle) {
  const rows = viewPane(page, viewTitle).locator('.monaco-list-row');
  const labels = [];
  for (const row of await rows.all()) {
    const parts = await row.locator('.label-name, .label-description').allInnerTexts();
    labels.push(clean(parts.join(' ')));
  }
  return labels;
}

/** Expands a collapsed tree row (no-op when already expanded). */
export async function expand(row) {
  await row.waitFor({ state: 'visible' });
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
}

/** Clicks one of a row's inline actions (shown on hover) by its title, e.g. "Invoke". */
export async function clickInlineAction(row, title) {
  await row.hover();
  const action = row.locator(`.actions .action-label[aria-label^="${title}"]`).first();
  await action.waitFor({ state: 'visible' });
  await action.click();
}

/**
 * The content frame of the webview whose tab is titled `title`: VS Code nests it as iframe.webview > #active-frame.
 * Waits for the tab; returns a FrameLocator.
 */
export async function webviewFrame(page, title) {
  await editorTab(page, title).waitFor({ state: 'visible', timeout: 60_000 });
  return page.locator('iframe.webview.ready').last().contentFrame().locator('#active-frame').contentFrame();
}

export function editorTab(page, title) {
  return page.locator('.tabs-container .tab', { hasText: title });
}

/** Shows an output channel and waits until its visible text matches `pattern`; returns that text. */
export async function outputText(page, channel, pattern, timeout = 30_000) {
  await runCommand(page, 'Output: Show Output Channels...');
  await pickQuickItem(page, channel);
  const lines = page.locator('.part.panel .monaco-editor .view-lines');
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = (await lines.allInnerTexts().catch(() => [])).join('\n').replace(/\u00a0/g, ' ');
    if (pattern.test(text)) return text;
    await page.waitForTimeout(250);
  }
  throw new Error(`output channel "${channel}" never showed ${pattern}; it showed:\n${text}`);
}

/** Visible notification toasts (or, when toasts are suppressed, the notification center) containing `text`. */
export async function notification(page, text, timeout = 20_000) {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  try {
    await toast.waitFor({ state: 'visible', timeout });
    return clean(await toast.innerText());
  } catch {
    await runCommand(page, 'Notifications: Show Notifications');
    const item = page.locator('.notifications-center .notification-list-item', { hasText: text }).first();
    await item.waitFor({ state: 'visible', timeout: 5_000 });
    return clean(await item.innerText());
  }
}

/**
 * Runs `body`, and on failure saves a screenshot as test/e2e/work/screenshots/<name>.png before rethrowing.
 */
export async function withScreenshotOnFailure(page, name, body) {
  try {
    return await body();
  } catch (error) {
    mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await page.screenshot({ path: file }).catch(() => undefined);
    error.message += `\n(screenshot: ${path.relative(process.cwd(), file)})`;
    throw error;
  }
}

/** A regular expression matching exactly `text` (after trimming), for hasText filters. */
export function exactly(text, flags = '') {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, flags);
}

function clean(text) {
  return text.replace(/\s+/g, ' ').trim();
}
