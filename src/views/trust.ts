// Workspace trust: in Restricted Mode the tree shows, but nothing that runs the workspace's code does (invoke,
// new function, which invokes at once). The user is told why, with a way to trust the folder.
import * as vscode from 'vscode';
import { ErrorCode, WorkbenchError } from '../errors';

/** `Invoke HelloFunction` → the one-line reason it was refused. */
export function untrustedMessage(action: string): string {
  return `${action} is not available in Restricted Mode: Lambda Workbench runs the workspace's code only in a trusted workspace — trust this folder (Manage Workspace Trust) to run it`;
}

/**
 * True when the workspace is trusted. Otherwise says why `action` is refused — as a warning with a
 * "Manage Workspace Trust" button, or, for silent calls from other extensions and tests, as a thrown error.
 */
export function ensureTrusted(action: string, silent = false): boolean {
  if (vscode.workspace.isTrusted) return true;
  const message = untrustedMessage(action);
  if (silent) throw new WorkbenchError(ErrorCode.Usage, message);
  const manage = 'Manage Workspace Trust';
  void vscode.window.showWarningMessage(message, manage).then((choice) => {
    if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}
