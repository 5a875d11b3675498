// Debugging in the editor: the `lambda` adapter runs inline (LambdaDebugSession, loaded at the first session), the
// configuration provider, 🐞 (`lambdaWorkbench.debug`) on a function, trigger or saved event, the CodeLens above
// handlers, js-debug woken before a Node.js run needs it (debugWarmUp.ts), and the result panel when a debug run
// ends — recorded in Recent Invocations like an invoke when the function is a template's.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { Commands, DEBUG_TYPE, Settings } from '../contributions';
import { CHILD_DEBUG_TYPES } from '../debug/attachConfig';
import type { LambdaResultBody } from '../debug/lambdaSession';
import type { FunctionModel } from '../model/types';
import { CODE_LENS_SELECTOR, HandlerCodeLensProvider } from './codeLens';
import { LambdaDebugConfigurationProvider, pickDebugEvent, registerDebugConfigurationProvider } from './debugConfigProvider';
import { debugConfigurationFor, eventOfDebugConfiguration, launchesNodeFunction, recordOfDebugResult, recordOfTemplatelessDebugResult,
  type DebugEvent, type FunctionTarget, type LambdaDebugConfiguration } from './debugTargets';
import { JsDebugWarmUp } from './debugWarmUp';
import type { InvocationHistory } from './invocationHistory';
import type { InvokeController } from './invokeCommand';
import { isInvokeRequest, parseInvokeRequest } from './invokeRequest';
import { core } from './lazyCore';
import { ResultPanel } from './resultPanel';
import type { Services } from './services';
import type { WorkbenchSettings } from './settings';
import type { TreeNode } from './treeModel';
import { ensureTrusted } from './trust';

/** How many ended `lambda` sessions are remembered for children that start late (one per 🐞 is plenty). */
const ENDED_SESSIONS_KEPT = 16;

export interface DebugWiringDeps {
  extensionUri: vscode.Uri;
  services: Services;
  history: InvocationHistory;
  invoker: InvokeController;
  settings: () => WorkbenchSettings;
  openHandler: (fn: FunctionModel) => Promise<void>;
}

export class DebugWiring implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly codeLens: HandlerCodeLensProvider;
  private readonly jsDebug: JsDebugWarmUp;
  /** When each `lambda` session started (the result's "started at"). */
  private readonly startedAt = new Map<string, number>();
  /** A debug session has started in this window (VS Code opens the Debug Console at the first one only). */
  private sessionSeen = vscode.debug.activeDebugSession !== undefined;
  /** The Debug Console is this extension's to open: at the first stop or the end of the window's first session. */
  private consolePending = false;
  /** The language debuggers' sessions (js-debug, debugpy) that `lambda` sessions started, by session id. */
  private readonly children = new Map<string, vscode.DebugSession>();
  /** The last `lambda` sessions to end: a child asked for by one of them may only start after it ended. */
  private readonly endedSessions = new Set<string>();

  constructor(private readonly deps: DebugWiringDeps) {
    const functions = () => deps.services.catalog.functions();
    const eventOptions = () => ({ region: deps.settings().region, accountId: deps.settings().accountId });
    this.codeLens = new HandlerCodeLensProvider(functions);
    this.jsDebug = new JsDebugWarmUp(functions);
    const willLaunch = (config: LambdaDebugConfiguration) => {
      if (launchesNodeFunction(functions(), config)) this.jsDebug.warmUp();
    };
    this.disposables.push(
      this.codeLens,
      this.jsDebug,
      vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, {
        createDebugAdapterDescriptor: () => new vscode.DebugAdapterInlineImplementation(new (core().LambdaDebugSession)()),
      }),
      registerDebugConfigurationProvider(new LambdaDebugConfigurationProvider({
        functions,
        pickEvent: (target) => pickDebugEvent(target, eventOptions()),
        willLaunch,
        settings: deps.settings,
      })),
      vscode.debug.onDidStartDebugSession((session) => {
        this.sessionSeen = true;
        if (session.type === DEBUG_TYPE) this.startedAt.set(session.id, Date.now());
      }),
      // A child's adapter is created as its attach begins; VS Code reports it started only once it has attached.
      ...CHILD_DEBUG_TYPES.map((type) => vscode.debug.registerDebugAdapterTrackerFactory(type, {
        createDebugAdapterTracker: (session) => {
          if (session.parentSession?.type === DEBUG_TYPE) this.childStarted(session, session.parentSession);
          return undefined;
        },
      })),
      vscode.debug.onDidTerminateDebugSession((session) => {
        this.startedAt.delete(session.id);
        this.children.delete(session.id);
        if (session.type === DEBUG_TYPE) {
          this.endedSessions.add(session.id);
          if (this.endedSessions.size > ENDED_SESSIONS_KEPT) this.endedSessions.delete(this.endedSessions.values().next().value as string);
          this.stopChildrenOf(session);
          this.openPendingConsole();
        }
      }),
      vscode.debug.onDidChangeActiveStackItem((item) => {
        // A stack frame: a session has stopped (a thread alone is focused as a session starts).
        if (item && 'frameId' in item) this.openPendingConsole();
      }),
      vscode.debug.onDidReceiveDebugSessionCustomEvent((event) => this.onCustomEvent(event)),
      vscode.languages.registerCodeLensProvider(CODE_LENS_SELECTOR, this.codeLens),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(Settings.codeLens)) this.codeLens.refresh();
      }),
      vscode.commands.registerCommand(Commands.debug, (arg: unknown) => this.debug(arg)),
    );
  }

  /** The workspace's templates changed: handler lenses may have moved, and the functions' runtimes may be new. */
  templatesChanged(): void {
    this.codeLens.refresh();
    this.jsDebug.templatesChanged();
    // Which node runs a nodejs function is learnt now, in the background, rather than at the first 🐞, in its path.
    const runtimes = new Set(this.deps.services.catalog.functions().flatMap(({ fn }) => (fn.runtime?.startsWith('nodejs') ? [fn.runtime] : [])));
    if (runtimes.size > 0) void core().LambdaDebugSession.prepare([...runtimes], this.deps.settings().runtimeBinaries);
  }

  /**
   * `lambdaWorkbench.debug`: a tree node, the API argument `{ template, functionId, event?, eventFile? }` (the
   * CodeLens), or nothing (pick a function). True when a session started.
   */
  async debug(arg?: unknown): Promise<boolean> {
    try {
      if (!ensureTrusted('Debug')) return false;
      const chosen = await this.choose(arg);
      if (!chosen) return false;
      // The earliest moment the runtime is known: js-debug activates while VS Code prepares the session.
      if (/^nodejs/.test(chosen.target.fn.runtime ?? '')) this.jsDebug.warmUp();
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(chosen.target.template.file));
      const config = this.consoleAfterFirstStop(folder, debugConfigurationFor(chosen.target, chosen.event));
      const started = await startDebuggingWithoutReload(folder, config);
      if (!started) this.consolePending = false;
      return started;
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  /**
   * VS Code opens the Debug Console (`internalConsoleOptions`, by default `openOnFirstSessionStart`) as the window's
   * first session has launched: that is the moment the adapter asks for the child attach, and building the console
   * (an editor, a tree) then delays the child session's start by about 0.3 s on a two-core machine, in the first run
   * only. For that first session the console is opened here instead, without focus, once the function stops at a
   * breakpoint (or the session ends): the same console, shown after the stop rather than before it.
   */
  private consoleAfterFirstStop(folder: vscode.WorkspaceFolder | undefined, config: LambdaDebugConfiguration): vscode.DebugConfiguration {
    const option = vscode.workspace.getConfiguration('debug', folder?.uri).get<string>('internalConsoleOptions');
    if (this.sessionSeen || config.noDebug || option !== 'openOnFirstSessionStart') return config;
    this.consolePending = true;
    return { ...config, internalConsoleOptions: 'neverOpen' };
  }

  /**
   * A `lambda` session's language debugger ends with it. js-debug is asked to attach as the environment starts, before
   * its inspector listens: an environment that exits first would leave js-debug retrying its attach for 10 seconds and
   * then reporting a second error, after the invoke had reported the real one.
   */
  private stopChildrenOf(parent: vscode.DebugSession): void {
    for (const child of this.children.values()) {
      if (child.parentSession?.id === parent.id) this.stopChild(child);
    }
  }

  /** A child's adapter may be created after its `lambda` session ended (an environment that exited at once). */
  private childStarted(child: vscode.DebugSession, parent: vscode.DebugSession): void {
    if (this.endedSessions.has(parent.id)) this.stopChild(child);
    else this.children.set(child.id, child);
  }

  private stopChild(child: vscode.DebugSession): void {
    this.children.delete(child.id);
    vscode.debug.stopDebugging(child).then(undefined, () => undefined); // already ending on its own
  }

  private openPendingConsole(): void {
    if (!this.consolePending) return;
    this.consolePending = false;
    // The view's own focus command opens it (the toggle would hide a console that has focus); the stop's editor gets
    // its focus back, as VS Code leaves it at a break (debug.focusEditorOnBreak), so the keyboard stays in the code.
    const refocusEditor = vscode.workspace.getConfiguration('debug').get<boolean>('focusEditorOnBreak') !== false;
    Promise.resolve(vscode.commands.executeCommand('workbench.panel.repl.view.focus'))
      .then(() => (refocusEditor ? vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup') : undefined))
      .then(undefined, () => undefined);
  }

  private async choose(arg: unknown): Promise<{ target: FunctionTarget; event: DebugEvent } | undefined> {
    const options = { region: this.deps.settings().region, accountId: this.deps.settings().accountId };
    const node = isTreeNode(arg) ? arg : undefined;
    switch (node?.kind) {
      case 'trigger':
        return { target: node, event: { label: node.label, event: JSON.parse(core().triggerEventText(node.template, node.fn, node.trigger, options)) as unknown } };
      case 'savedEvent':
        return { target: node, event: { label: node.event.name, file: node.event.file } };
      case 'function': {
        const event = await pickDebugEvent(node, options);
        return event && { target: node, event };
      }
      default:
        break;
    }
    if (node) throw new Error('Debug works on a function, trigger or saved event in the Lambda view');
    const target = await this.deps.invoker.targetOf(arg);
    if (!target) return undefined;
    if (isInvokeRequest(arg)) {
      const request = parseInvokeRequest(arg);
      if (request.event !== undefined) return { target, event: { label: 'event from caller', event: JSON.parse(request.event) as unknown } };
      if (request.eventFile !== undefined) return { target, event: { label: request.eventFile, file: request.eventFile } };
    }
    const event = await pickDebugEvent(target, options);
    return event && { target, event };
  }

  private onCustomEvent(event: vscode.DebugSessionCustomEvent): void {
    if (event.session.type !== DEBUG_TYPE || event.event !== core().RESULT_EVENT) return;
    try {
      this.showResult(event.session, event.body as LambdaResultBody);
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not show the debug run's result: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private showResult(session: vscode.DebugSession, body: LambdaResultBody): void {
    const config = session.configuration as LambdaDebugConfiguration;
    const { invoker, history, extensionUri, openHandler } = this.deps;
    const event = eventOfDebugConfiguration(config, (file) => readFileSync(file, 'utf8'));
    const startedAt = this.startedAt.get(session.id) ?? Date.now();
    if (typeof config.template !== 'string') {
      // Without a template (handler + runtime + codeDir) the panel shows the result, and Run Again runs the same
      // configuration without the debugger. Recent Invocations keeps template functions only: it re-runs them by id.
      const handler = String(config.handler);
      const record = recordOfTemplatelessDebugResult(body, handler, randomUUID(), startedAt, event);
      ResultPanel.show(extensionUri, record, {
        rerun: () => startDebuggingWithoutReload(session.workspaceFolder, config, { noDebug: true }),
      }, { timeoutSeconds: body.timeout });
      return;
    }
    const target = invoker.freshTarget(config.template, config.functionId ?? body.functionName);
    const record = recordOfDebugResult(body, target, randomUUID(), startedAt, event);
    history.add(record);
    ResultPanel.show(extensionUri, record, {
      rerun: (shown) => invoker.rerun(shown),
      openHandler: (shown) => openHandler(invoker.freshTarget(shown.templateFile, shown.functionId).fn),
    }, { timeoutSeconds: target.fn.timeout });
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function isTreeNode(arg: unknown): arg is TreeNode {
  return typeof arg === 'object' && arg !== null && 'kind' in arg && 'id' in arg;
}

/**
 * vscode.debug.startDebugging without VS Code's save-before-start, which also reloads every configuration file: 0.3–0.6 s
 * of each 🐞 in a remote window such as code-server. The dirty files are saved here instead (unless
 * `debug.saveBeforeStart` is "none"), so the function runs what the editor shows.
 */
async function startDebuggingWithoutReload(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration,
  options: vscode.DebugSessionOptions = {}): Promise<boolean> {
  const save = vscode.workspace.getConfiguration('debug').get<string>('saveBeforeStart', 'allEditorsInActiveGroup');
  if (save !== 'none' && vscode.workspace.textDocuments.some((document) => document.isDirty && !document.isUntitled)) {
    await vscode.workspace.saveAll(false);
  }
  return vscode.debug.startDebugging(folder, config, { ...options, suppressSaveBeforeStart: true });
}
