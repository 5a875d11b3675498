// TreeNode → TreeItem: icons, collapsible state, and what a click does. Everything else (labels, descriptions,
// grouping) is decided in treeModel.ts.
import * as vscode from 'vscode';
import { runtimeIcon } from './labels';
import type { TreeNode } from './treeModel';

/** Codicons for trigger types (a function's own runtime has a custom icon in media/light|dark). */
const TRIGGER_ICONS: Readonly<Record<string, string>> = {
  Api: 'globe',
  HttpApi: 'globe',
  S3: 'archive',
  SQS: 'inbox',
  SNS: 'broadcast',
  Kinesis: 'pulse',
  DynamoDB: 'database',
  DocumentDB: 'database',
  MQ: 'inbox',
  MSK: 'inbox',
  SelfManagedKafka: 'inbox',
  Schedule: 'watch',
  ScheduleV2: 'watch',
  CloudWatchEvent: 'zap',
  EventBridgeRule: 'zap',
  CloudWatchLogs: 'output',
  Cognito: 'person',
  IoTRule: 'circuit-board',
  AlexaSkill: 'unmute',
};

export function toTreeItem(node: TreeNode, extensionUri: vscode.Uri): vscode.TreeItem {
  const state = node.children.length === 0
    ? vscode.TreeItemCollapsibleState.None
    : node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(node.label, state);
  item.id = node.id;
  item.contextValue = node.kind;
  item.description = node.description;
  item.tooltip = node.tooltip;
  switch (node.kind) {
    case 'template':
      item.iconPath = new vscode.ThemeIcon('file-code');
      item.resourceUri = vscode.Uri.file(node.entry.file);
      break;
    case 'templateError': {
      const { problem } = node;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
      item.command = openAt('Open the Error', problem.file, problem.line ?? 1, problem.column ?? 1);
      break;
    }
    case 'function': {
      const icon = runtimeIcon(node.fn.runtime);
      item.iconPath = icon
        ? { light: vscode.Uri.joinPath(extensionUri, 'media', 'light', `${icon}.svg`), dark: vscode.Uri.joinPath(extensionUri, 'media', 'dark', `${icon}.svg`) }
        : new vscode.ThemeIcon('symbol-function');
      break;
    }
    case 'trigger':
      item.iconPath = new vscode.ThemeIcon(node.trigger ? (TRIGGER_ICONS[node.trigger.type] ?? 'symbol-event') : 'link');
      break;
    case 'savedEvent':
      item.iconPath = new vscode.ThemeIcon('json');
      item.resourceUri = vscode.Uri.file(node.event.file);
      item.command = openAt('Open Event', node.event.file, 1, 1);
      break;
  }
  return item;
}

function openAt(title: string, file: string, line: number, column: number): vscode.Command {
  const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
  return {
    title,
    command: 'vscode.open',
    arguments: [vscode.Uri.file(file), { selection: new vscode.Range(position, position), preview: true } satisfies vscode.TextDocumentShowOptions],
  };
}

