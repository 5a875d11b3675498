// The result panel's page script: lays out the view model that src/views/resultModel.ts computed (read from the
// JSON data block) and posts the buttons back to the extension. Everything from the invoke goes into the page as
// text nodes, never as markup.
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();
  const view = JSON.parse(document.getElementById('result-data').textContent);

  /** `el('span', 'key', 'text')`: an element with a class and text content. */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  // ---- header, status and buttons ----

  function renderHeader() {
    byId('function').textContent = view.functionId;
    const meta = byId('meta');
    const event = el('span', 'meta-item', 'Event ');
    event.append(el('strong', undefined, view.eventLabel));
    const items = [
      view.functionName !== view.functionId ? el('span', 'meta-item', view.functionName) : undefined,
      event,
      el('span', 'meta-item', new Date(view.startedAt).toLocaleTimeString()),
      el('span', `badge ${view.coldStart ? 'cold' : 'warm'}`, view.coldStart ? 'cold start' : 'warm'),
      view.streamed ? el('span', 'badge', 'streamed') : undefined,
    ];
    meta.append(...items.filter(Boolean));
    meta.title = `RequestId: ${view.requestId}`;

    const banner = byId('banner');
    banner.classList.add(view.status.ok ? 'ok' : 'failed');
    byId('status').textContent = view.status.text;
    byId('statusMessage').textContent = view.status.message || '';

    for (const command of ['rerun', 'openHandler']) {
      const button = byId(command);
      button.hidden = !view.actions[command];
      button.addEventListener('click', () => vscode.postMessage({ command }));
    }
  }

  // ---- payload: a foldable JSON tree ----

  const EAGER_DEPTH = 5;
  const BIG_CONTAINER = 50;

  function isContainer(value) {
    return typeof value === 'object' && value !== null;
  }

  /** A string holding a JSON object or array (an API Gateway `body`, an SQS message) is shown as a tree too. */
  function embeddedJson(value) {
    if (typeof value !== 'string') return undefined;
    const trimmed = value.trim();
    if (!/^[[{]/.test(trimmed)) return undefined;
    try {
      const parsed = JSON.parse(trimmed);
      return isContainer(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  function primitive(value) {
    if (value === null) return el('span', 'json-null', 'null');
    switch (typeof value) {
      case 'string': return el('span', 'json-string', JSON.stringify(value));
      case 'number': return el('span', 'json-number', String(value));
      case 'boolean': return el('span', 'json-boolean', String(value));
      default: return el('span', 'json-null', String(value));
    }
  }

  function countLabel(value) {
    const n = Array.isArray(value) ? value.length : Object.keys(value).length;
    if (Array.isArray(value)) return n === 1 ? '1 item' : `${n} items`;
    return n === 1 ? '1 key' : `${n} keys`;
  }

  /** One line of the tree: optional key, the value (a container folds), and the trailing comma. */
  function entry(key, value, last, depth) {
    const row = el('div', 'entry');
    if (key !== undefined) {
      row.append(el('span', 'json-key', JSON.stringify(key)), el('span', 'punct', ': '));
    }
    const parsed = embeddedJson(value);
    if (parsed !== undefined) {
      row.classList.add('embedded');
      const chip = el('button', 'chip', 'JSON');
      chip.type = 'button';
      chip.title = 'This string holds JSON: click to show it as text';
      chip.addEventListener('click', () => {
        const raw = row.classList.toggle('raw');
        chip.title = raw ? 'Show the string as a JSON tree' : 'This string holds JSON: click to show it as text';
      });
      row.append(chip, container(row, parsed, depth), el('span', 'raw-string json-string', JSON.stringify(value)));
    } else if (isContainer(value)) {
      row.append(container(row, value, depth));
    } else {
      row.append(primitive(value));
    }
    if (!last) row.append(el('span', 'punct', ','));
    return row;
  }

  /** `{`, the children (built the first time they are shown), `}`; the row's caret folds it. */
  function container(row, value, depth) {
    const isArray = Array.isArray(value);
    const keys = isArray ? value.map((_, i) => i) : Object.keys(value);
    const part = el('span', 'container');
    const caret = el('button', 'caret');
    caret.type = 'button';
    const open = el('span', 'punct bracket', isArray ? '[' : '{');
    const children = el('div', 'children');
    const summary = el('span', 'summary', ` ${countLabel(value)} `);
    const close = el('span', 'punct bracket', isArray ? ']' : '}');
    let built = false;

    function setOpen(expanded) {
      if (expanded && !built) {
        keys.forEach((k, i) => children.append(entry(isArray ? undefined : k, value[k], i === keys.length - 1, depth + 1)));
        built = true;
      }
      row.classList.toggle('collapsed', !expanded);
      caret.setAttribute('aria-expanded', String(expanded));
      caret.title = expanded ? 'Collapse' : 'Expand';
    }
    part.setOpen = setOpen;
    caret.addEventListener('click', () => setOpen(row.classList.contains('collapsed')));
    summary.addEventListener('click', () => setOpen(true));

    if (keys.length === 0) {
      part.append(open, close);
      return part;
    }
    row.classList.add('foldable');
    row.prepend(caret);
    part.append(open, summary, children, close);
    setOpen(depth < EAGER_DEPTH && (depth === 0 || keys.length <= BIG_CONTAINER));
    return part;
  }

  /** Expanding everything builds every level, so it stops at a sane depth for huge payloads. */
  function setAll(expanded) {
    const root = byId('payload');
    for (let pass = 0; pass < (expanded ? 12 : 1); pass++) {
      const parts = root.querySelectorAll('.container');
      parts.forEach((part) => { if (part.setOpen) part.setOpen(expanded); });
      if (!expanded) break;
      if (root.querySelectorAll('.container').length === parts.length) break;
    }
    if (!expanded) {
      const first = root.querySelector('.container');
      if (first && first.setOpen) first.setOpen(true);
    }
  }

  function renderPayload() {
    const target = byId('payload');
    const { text, isJson, bytes, contentType } = view.payload;
    byId('payloadInfo').textContent = `${bytes.toLocaleString('en-US')} bytes · ${contentType}`;
    byId('copyPayload').addEventListener('click', () => {
      void navigator.clipboard.writeText(text);
    });
    const tools = [byId('expandAll'), byId('collapseAll')];
    if (!isJson) {
      tools.forEach((b) => { b.hidden = true; });
      target.append(text === '' ? el('p', 'empty', 'No payload') : el('pre', 'raw-payload', text));
      return;
    }
    tools[0].addEventListener('click', () => setAll(true));
    tools[1].addEventListener('click', () => setAll(false));
    const tree = el('div', 'json-tree');
    tree.append(entry(undefined, JSON.parse(text), true, 0));
    target.append(tree);
  }

  // ---- report and cost ----

  function barRow(bar) {
    const row = el('div', `metric ${bar.kind}${bar.alert ? ' alert' : ''}`);
    const track = el('div', 'track');
    const fill = el('div', 'fill');
    // The CSP forbids style attributes; a CSSOM property is allowed.
    fill.style.width = `${(bar.fraction * 100).toFixed(2)}%`;
    track.append(fill);
    track.setAttribute('role', 'meter');
    track.setAttribute('aria-label', bar.label);
    track.setAttribute('aria-valuenow', String(Math.round(bar.fraction * 100)));
    track.setAttribute('aria-valuemin', '0');
    track.setAttribute('aria-valuemax', '100');
    row.append(el('span', 'metric-label', bar.label), el('span', 'metric-value', bar.value), track);
    return row;
  }

  function renderReport() {
    const report = byId('report');
    byId('reportScale').textContent = view.report.scaleLabel;
    view.report.timeBars.forEach((bar) => report.append(barRow(bar)));
    report.append(el('div', 'separator'), barRow(view.report.memoryBar));
  }

  function renderCost() {
    const cost = byId('cost');
    byId('costNote').textContent = view.cost.priceNote;
    const figure = (amount, unit, className) => {
      const line = el('div', `cost-line ${className}`);
      line.append(el('span', 'cost-amount', amount), el('span', 'cost-unit', unit));
      return line;
    };
    cost.append(
      figure(view.cost.perInvoke, 'per invoke', 'per-invoke'),
      figure(view.cost.perMillion, 'per million invokes', 'per-million'),
      el('p', 'cost-basis', view.cost.basis),
      el('p', 'cost-alt', `On ${view.cost.alternative.architecture}: ${view.cost.alternative.perMillion} per million`),
    );
  }

  // ---- log ----

  function renderLog() {
    const log = byId('log');
    byId('logInfo').textContent = view.log.length === 1 ? '1 line' : `${view.log.length} lines`;
    if (view.log.length === 0) {
      log.append(el('p', 'empty', 'No log lines'));
      return;
    }
    for (const line of view.log) log.append(el('div', `line lvl-${line.level}`, line.text));
  }

  renderHeader();
  renderPayload();
  renderReport();
  renderCost();
  renderLog();
})();
