// "▶ Invoke" and "🐞 Debug" above each handler function of the workspace's templates (setting
// `lambdaWorkbench.codeLens` turns them off). The lenses call the same commands as the Lambda view's buttons, with
// the API argument `{ template, functionId }`.
import path from 'node:path';
import * as vscode from 'vscode';
import { CONTAINER_ID, Commands, Settings } from '../contributions';
import { handlerPlaces, type FunctionTarget } from './debugTargets';

export const CODE_LENS_SELECTOR: vscode.DocumentSelector = ['javascript', 'typescript', 'python'].map((language) => ({ scheme: 'file', language }));

export class HandlerCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly functions: () => FunctionTarget[]) {}

  /** The templates or the setting changed: the editor asks for the lenses again. */
  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration(CONTAINER_ID).get<boolean>(Settings.codeLens.slice(CONTAINER_ID.length + 1), true)) return [];
    const file = path.resolve(document.uri.fsPath);
    const places = handlerPlaces(this.functions()).filter((place) => place.exact && path.resolve(place.file) === file);
    return places.flatMap(({ template, fn, line }) => {
      const range = new vscode.Range(line - 1, 0, line - 1, 0);
      const arg = { template: vscode.Uri.file(template.file), functionId: fn.logicalId };
      // Several functions may share a handler: then each lens names its function.
      const suffix = places.length > 1 ? ` ${fn.logicalId}` : '';
      return [
        new vscode.CodeLens(range, { title: `▶ Invoke${suffix}`, command: Commands.invoke, arguments: [arg], tooltip: `Invoke ${fn.logicalId}` }),
        new vscode.CodeLens(range, { title: `🐞 Debug${suffix}`, command: Commands.debug, arguments: [arg], tooltip: `Debug ${fn.logicalId}` }),
      ];
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
