// The result panel: one webview showing the latest invoke (reused while open). The page is built by resultHtml.ts
// from the view model of resultModel.ts; this file only owns the editor side — the panel, and the buttons'
// messages back to the extension.
import * as vscode from 'vscode';
import type { InvocationRecord } from './invocationRecord';
import { buildResultView } from './resultModel';
import { newNonce, resultPageHtml } from './resultHtml';

export interface ResultPanelHandlers {
  rerun?(record: InvocationRecord): unknown;
  openHandler?(record: InvocationRecord): unknown;
}

export interface ResultPanelOptions {
  /** The function's Timeout, so the duration bars read against it. */
  timeoutSeconds?: number;
}

/** What media/result.js posts when a button is pressed. */
type PanelMessage = { command: 'rerun' } | { command: 'openHandler' };

export class ResultPanel {
  static readonly viewType = 'lambdaWorkbench.result';
  private static current: ResultPanel | undefined;

  private record: InvocationRecord;
  private handlers: ResultPanelHandlers;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    record: InvocationRecord,
    handlers: ResultPanelHandlers,
  ) {
    this.record = record;
    this.handlers = handlers;
    panel.onDidDispose(() => {
      if (ResultPanel.current === this) ResultPanel.current = undefined;
    });
    panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message));
  }

  /** Shows the record in the panel, opening it beside the editor or reusing the open one. */
  static show(
    extensionUri: vscode.Uri,
    record: InvocationRecord,
    handlers: ResultPanelHandlers = {},
    options: ResultPanelOptions = {},
  ): void {
    let current = ResultPanel.current;
    if (current) {
      current.panel.reveal(undefined, true);
    } else {
      const panel = vscode.window.createWebviewPanel(
        ResultPanel.viewType,
        `Lambda: ${record.functionId}`,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] },
      );
      current = new ResultPanel(panel, extensionUri, record, handlers);
      ResultPanel.current = current;
    }
    current.render(record, handlers, options);
  }

  private render(record: InvocationRecord, handlers: ResultPanelHandlers, options: ResultPanelOptions): void {
    this.record = record;
    this.handlers = handlers;
    const { webview } = this.panel;
    const view = buildResultView(record, {
      timeoutSeconds: options.timeoutSeconds,
      actions: { rerun: handlers.rerun !== undefined, openHandler: handlers.openHandler !== undefined },
    });
    this.panel.title = view.title;
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file)).toString();
    webview.html = resultPageHtml(view, {
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: media('result.js'),
      styleUri: media('result.css'),
    });
  }

  private onMessage(message: unknown): void {
    if (!isPanelMessage(message)) return;
    const { handlers, record } = this;
    // A handler's failure is the user's to see; the page has nothing to wait for.
    void Promise.resolve()
      .then(() => (message.command === 'rerun' ? handlers.rerun?.(record) : handlers.openHandler?.(record)))
      .catch((error: unknown) => {
        void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
      });
  }
}

function isPanelMessage(message: unknown): message is PanelMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { command } = message as { command?: unknown };
  return command === 'rerun' || command === 'openHandler';
}
