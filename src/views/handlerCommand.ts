// "Open Handler": the handler's file, at the line of the handler function.
import * as vscode from 'vscode';
import type { FunctionModel } from '../model/types';
import { locateHandler } from './handlerLocator';

export async function openHandler(fn: FunctionModel): Promise<void> {
  const place = locateHandler(fn);
  const position = new vscode.Position(place.line - 1, place.column - 1);
  await vscode.window.showTextDocument(vscode.Uri.file(place.file), { selection: new vscode.Range(position, position), preview: false });
  if (!place.exact) {
    const name = fn.handler?.split('.').pop() ?? 'handler';
    vscode.window.setStatusBarMessage(`Lambda: no function '${name}' found in this file for Handler '${fn.handler}'`, 5000);
  }
}
