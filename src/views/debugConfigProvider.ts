// The `lambda` DebugConfigurationProvider: launch.json's initial and dynamic configurations (one per function of the
// workspace's templates), and F5 without a launch.json — it debugs the function whose handler is the active file,
// asking which function and which event when there is a choice. Every configuration leaves here with absolute
// paths and the Python debugging mode this editor supports.
import * as vscode from 'vscode';
import { DEBUG_TYPE } from '../contributions';
import { absoluteConfiguration, childSessionConfiguration, debugConfigurationFor, debugEventOf, functionsOfHandlerFile,
  initialConfigurations, type DebugEvent, type FunctionTarget, type LambdaDebugConfiguration } from './debugTargets';
import { pickEvent } from './eventPicker';
import { withDebugSettings, type WorkbenchSettings } from './settings';
import { ensureTrusted } from './trust';

export interface DebugConfigDeps {
  /** Every function of the workspace's templates. */
  functions: () => FunctionTarget[];
  /** Asks for the event of a function; undefined when cancelled. */
  pickEvent: (target: FunctionTarget) => Promise<DebugEvent | undefined>;
  /** A `lambda` session is about to start with this configuration (absolute paths). */
  willLaunch?: (config: LambdaDebugConfiguration) => void;
  /** The extension's settings, which a launch takes its runtime binaries from. */
  settings: () => WorkbenchSettings;
}

export class LambdaDebugConfigurationProvider implements vscode.DebugConfigurationProvider {
  constructor(private readonly deps: DebugConfigDeps) {}

  provideDebugConfigurations(folder: vscode.WorkspaceFolder | undefined): vscode.DebugConfiguration[] {
    return initialConfigurations(this.inFolder(folder), folder?.uri.fsPath);
  }

  async resolveDebugConfiguration(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
    const child = childSessionConfiguration(config);
    if (child) return child;
    if (!ensureTrusted('Debug')) return undefined;
    // F5 with no launch.json: the configuration is empty.
    if (!config.type && !config.request && !config.name) return this.forActiveEditor();
    return config;
  }

  resolveDebugConfigurationWithSubstitutedVariables(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration {
    if (config.request !== 'launch') return config;
    const base = folder?.uri.fsPath ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
    const resolved: LambdaDebugConfiguration = withDebugSettings(absoluteConfiguration(config, base), this.deps.settings());
    resolved.pythonDebugger ??= vscode.extensions.getExtension('ms-python.debugpy') ? 'child' : 'inline';
    this.deps.willLaunch?.(resolved);
    return resolved;
  }

  private async forActiveEditor(): Promise<vscode.DebugConfiguration | undefined> {
    const document = vscode.window.activeTextEditor?.document;
    const fns = document ? functionsOfHandlerFile(this.deps.functions(), document.uri.fsPath) : [];
    if (fns.length === 0) {
      const where = document ? vscode.workspace.asRelativePath(document.uri) : 'the active editor';
      void vscode.window.showErrorMessage(`${where} is not the handler of a function in a template — open a handler file, or debug from the Lambda view (🐞)`);
      return undefined;
    }
    const target = fns.length === 1 ? fns[0] : (await vscode.window.showQuickPick(
      fns.map((fn) => ({ label: fn.fn.logicalId, description: vscode.workspace.asRelativePath(fn.template.file), fn })),
      { title: 'Debug', placeHolder: 'Pick the function to debug' },
    ))?.fn;
    if (!target) return undefined;
    const event = await this.deps.pickEvent(target);
    return event && debugConfigurationFor(target, event);
  }

  private inFolder(folder: vscode.WorkspaceFolder | undefined): FunctionTarget[] {
    const all = this.deps.functions();
    if (!folder) return all;
    return all.filter((target) => vscode.workspace.getWorkspaceFolder(vscode.Uri.file(target.template.file))?.uri.toString() === folder.uri.toString());
  }
}

/** Both kinds: Initial (launch.json's first configurations) and Dynamic (the Run view's list). */
export function registerDebugConfigurationProvider(provider: LambdaDebugConfigurationProvider): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, provider, vscode.DebugConfigurationProviderTriggerKind.Initial),
    // Only the listing: resolving is the Initial registration's (one provider resolves once).
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, {
      provideDebugConfigurations: (folder) => provider.provideDebugConfigurations(folder),
    }, vscode.DebugConfigurationProviderTriggerKind.Dynamic),
  );
}

/** The event picker of ▶, for debugging: the same choices; a saved event goes as its file (debugEventOf). */
export async function pickDebugEvent(target: FunctionTarget, options: { region: string; accountId: string }): Promise<DebugEvent | undefined> {
  const picked = await pickEvent(target.template, target.fn, options);
  return picked && debugEventOf(picked);
}
