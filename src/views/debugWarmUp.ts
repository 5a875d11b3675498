// VS Code's JavaScript debugger (js-debug) made ready before a Node.js debug run needs it. js-debug activates at its
// first session (`onDebugResolve:pwa-node`): without this, that is when the adapter's child attach asks for it, and
// its activation — about a second on a two-core machine — sits between 🐞 and the stop. It is activated earlier,
// as soon as the user shows they are about to debug Node.js code: a breakpoint in a Node.js function's folder (set
// now, or restored from the last session), or a `lambda` session starting for a Node.js function, in parallel with
// the environment's start. Nothing happens for workspaces that only debug Python.
import * as vscode from 'vscode';
import { isNodeFunctionSource, type FunctionTarget } from './debugTargets';

const JS_DEBUG = 'ms-vscode.js-debug';

export class JsDebugWarmUp implements vscode.Disposable {
  private requested = false;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly functions: () => FunctionTarget[]) {
    this.subscription = vscode.debug.onDidChangeBreakpoints((event) => this.onBreakpoints(event.added));
  }

  /** The templates were read (or changed): breakpoints restored from the last session may now be in a function. */
  templatesChanged(): void {
    this.onBreakpoints(vscode.debug.breakpoints);
  }

  /** Activates js-debug (once, in the background) unless it is active already. */
  warmUp(): void {
    if (this.requested) return;
    const extension = vscode.extensions.getExtension(JS_DEBUG);
    if (!extension || extension.isActive) return;
    this.requested = true;
    // A failed activation is js-debug's to report when its session starts; a later trigger may try again.
    Promise.resolve(extension.activate()).then(undefined, () => (this.requested = false));
  }

  private onBreakpoints(breakpoints: readonly vscode.Breakpoint[]): void {
    if (this.requested || breakpoints.length === 0) return;
    const files = breakpoints.flatMap((breakpoint) => breakpoint instanceof vscode.SourceBreakpoint && breakpoint.location.uri.scheme === 'file'
      ? [breakpoint.location.uri.fsPath] : []);
    if (files.length === 0) return;
    const targets = this.functions();
    if (files.some((file) => isNodeFunctionSource(targets, file))) this.warmUp();
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
