// The Recent Invocations view: one line per invoke (function, event, status, duration); a click reopens its result.
import * as vscode from 'vscode';
import { Commands, ItemKinds } from '../contributions';
import type { InvocationHistory } from './invocationHistory';
import type { InvocationRecord } from './invocationRecord';
import { formatDuration, invocationDescription, invocationStatus } from './labels';

export class InvocationsTreeProvider implements vscode.TreeDataProvider<InvocationRecord>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly history: InvocationHistory) {
    this.subscription = history.onDidChange(() => this.changed.fire());
  }

  getChildren(record?: InvocationRecord): InvocationRecord[] {
    return record ? [] : [...this.history.list()];
  }

  getTreeItem(record: InvocationRecord): vscode.TreeItem {
    const item = new vscode.TreeItem(record.functionId, vscode.TreeItemCollapsibleState.None);
    const { result } = record;
    item.id = record.id;
    item.contextValue = ItemKinds.invocation;
    item.description = invocationDescription(record);
    item.iconPath = result.functionError
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'))
      : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${record.functionId} · ${record.eventLabel}\n`);
    tooltip.appendText(`${invocationStatus(result)} in ${formatDuration(result.report.durationMs)} (billed ${result.report.billedDurationMs} ms)`);
    tooltip.appendText(`${result.coldStart ? ', cold start' : ''} · ${result.report.maxMemoryUsedMB}/${record.memorySize} MB\n`);
    tooltip.appendText(`${new Date(record.startedAt).toLocaleString()} · ${result.requestId}`);
    item.tooltip = tooltip;
    item.command = { title: 'Show Result', command: Commands.showResult, arguments: [record.id] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
