// The result panel's page: a fixed skeleton (the element ids e2e tests read), a strict Content Security Policy,
// and the view model as a JSON data block that media/result.js renders. Nothing from the invoke is written into
// the markup itself; the one place it appears, the JSON block, is escaped so it cannot close its script tag.
import { randomBytes } from 'node:crypto';
import type { ResultView } from './resultModel';

export interface ResultPageAssets {
  /** `webview.cspSource`: where the page may load styles and images from. */
  cspSource: string;
  /** A fresh nonce; only scripts carrying it run. */
  nonce: string;
  /** `webview.asWebviewUri` of media/result.js and media/result.css. */
  scriptUri: string;
  styleUri: string;
}

export const RESULT_DATA_ID = 'result-data';

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

export function contentSecurityPolicy({ cspSource, nonce }: Pick<ResultPageAssets, 'cspSource' | 'nonce'>): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource};`;
}

export function resultPageHtml(view: ResultView, assets: ResultPageAssets): string {
  const nonce = escapeHtml(assets.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(assets))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(assets.styleUri)}">
<title>${escapeHtml(view.title)}</title>
</head>
<body>
<header class="header">
  <div class="heading">
    <h1 id="function"></h1>
    <p id="meta" class="meta"></p>
  </div>
  <div class="actions">
    <button id="rerun" type="button" hidden>Run again</button>
    <button id="openHandler" type="button" class="secondary" hidden>Open handler</button>
  </div>
</header>
<section id="banner" class="banner" aria-live="polite">
  <span id="status" class="status"></span>
  <span id="statusMessage" class="status-message"></span>
</section>
<main class="grid">
  <section class="card payload-card">
    <div class="card-head">
      <h2>Response</h2>
      <span id="payloadInfo" class="card-note"></span>
      <span class="card-tools">
        <button id="expandAll" type="button" class="link">Expand all</button>
        <button id="collapseAll" type="button" class="link">Collapse all</button>
        <button id="copyPayload" type="button" class="link">Copy</button>
      </span>
    </div>
    <div id="payload" class="payload"></div>
  </section>
  <div class="side">
    <section class="card">
      <div class="card-head"><h2>Report</h2><span id="reportScale" class="card-note"></span></div>
      <div id="report" class="report"></div>
    </section>
    <section class="card">
      <div class="card-head"><h2>Estimated cost</h2><span id="costNote" class="card-note"></span></div>
      <div id="cost" class="cost"></div>
    </section>
  </div>
  <section class="card log-card">
    <div class="card-head"><h2>Log</h2><span id="logInfo" class="card-note"></span></div>
    <div id="log" class="log" role="log"></div>
  </section>
</main>
<script type="application/json" id="${RESULT_DATA_ID}" nonce="${nonce}">${jsonForScript(view)}</script>
<script nonce="${nonce}" src="${escapeHtml(assets.scriptUri)}"></script>
</body>
</html>
`;
}

/** JSON that is safe inside a script element: no `<` (so no `</script>` or `<!--`), no raw line separators. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
