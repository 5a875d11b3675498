// Template errors and warnings in the Problems panel, at their line and column.
import * as vscode from 'vscode';
import type { SourceLocation } from '../model/types';
import { shortErrorMessage } from './labels';
import type { TemplateEntry } from './treeModel';

export class TemplateDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('Lambda Workbench');

  /** Replaces every diagnostic with those of these entries. */
  update(entries: readonly TemplateEntry[]): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const add = (file: string, diagnostic: vscode.Diagnostic) => {
      const list = byFile.get(file) ?? [];
      list.push(diagnostic);
      byFile.set(file, list);
    };
    for (const entry of entries) {
      if (entry.error) {
        add(entry.error.file, diagnostic(entry.error, entry.error.message, vscode.DiagnosticSeverity.Error));
      }
      for (const warning of entry.model?.warnings ?? []) {
        const where = warning.location ?? { file: entry.file, line: 1, column: 1 };
        add(where.file, diagnostic(where, warning.message, vscode.DiagnosticSeverity.Warning));
      }
    }
    this.collection.clear();
    for (const [file, list] of byFile) this.collection.set(vscode.Uri.file(file), list);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function diagnostic(where: Partial<SourceLocation>, message: string, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const line = Math.max(0, (where.line ?? 1) - 1);
  const column = Math.max(0, (where.column ?? 1) - 1);
  // The editor clamps the end to the line's end: the whole rest of the line is marked. The Problems panel shows
  // the file and position itself, so the message loses its `file:line:col: ` prefix.
  const result = new vscode.Diagnostic(new vscode.Range(line, column, line, Number.MAX_SAFE_INTEGER), where.file ? shortErrorMessage(message, where.file) : message, severity);
  result.source = 'Lambda Workbench';
  return result;
}

