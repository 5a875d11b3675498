// Lambda Workbench in the editor. activate() only creates the views and registers the commands (every disposable
// goes into context.subscriptions): the model, runner and event code load after it returns, when the templates
// are first read (views/lazyCore.ts), so activation stays cheap. The Runner starts at the first invoke and is
// disposed on deactivate. Debugging (the inline `lambda` adapter, 🐞, CodeLens) is wired in views/debugWiring.ts.
import * as vscode from 'vscode';
import { CONTAINER_ID, Commands, Contexts, OUTPUT_CHANNEL_NAME, Settings, Views, type CommandId } from './contributions';
import { DebugWiring } from './views/debugWiring';
import { TemplateDiagnostics } from './views/diagnostics';
import { FunctionsTreeProvider } from './views/functionsTree';
import { openHandler } from './views/handlerCommand';
import { packageFunction } from './views/packageCommand';
import { InvocationHistory } from './views/invocationHistory';
import { InvocationsTreeProvider } from './views/invocationsView';
import { InvokeController } from './views/invokeCommand';
import { newEventFromTrigger } from './views/newEventCommand';
import { newFunctionCommand, newProjectCommand, type ScaffoldDeps } from './views/newFunctionCommand';
import { Services } from './views/services';
import { readSettings } from './views/settings';
import type { TreeNode } from './views/treeModel';
import { WorkspaceTemplates } from './views/workspaceTemplates';

/** What other extensions and tests get from `extension.exports`. */
export interface WorkbenchApi {
  /** The time activate() took, in milliseconds. */
  activationMs: number;
}

let services: Services | undefined;

export function activate(context: vscode.ExtensionContext): WorkbenchApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
  const settings = () => readSettings((key) => vscode.workspace.getConfiguration(CONTAINER_ID).get(key));
  const shared = (services = new Services({
    settings,
    log: (line) => output.appendLine(line),
    labelOf: (file) => vscode.workspace.asRelativePath(file),
  }));
  const history = new InvocationHistory();
  const diagnostics = new TemplateDiagnostics();
  const templates = new WorkspaceTemplates(() => shared.catalog, {
    changed: (entries) => {
      tree.update(entries);
      diagnostics.update(entries);
      debugging.templatesChanged();
    },
    reset: (fns, reason) => void shared.startedInvokeService?.reset(fns, reason),
  });
  const tree = new FunctionsTreeProvider(context.extensionUri, templates.ready);
  const treeView = vscode.window.createTreeView<TreeNode>(Views.functions, { treeDataProvider: tree, showCollapseAll: true });
  const invocations = new InvocationsTreeProvider(history);
  const invoker = new InvokeController({ extensionUri: context.extensionUri, services: shared, history, output, settings, openHandler });
  const debugging = new DebugWiring({ extensionUri: context.extensionUri, services: shared, history, invoker, settings, openHandler });
  const scaffold: ScaffoldDeps = { services: shared, tree, treeView, invoker, reloadTemplate: (file) => templates.reload(file) };
  const eventOptions = () => ({ region: settings().region, accountId: settings().accountId });

  context.subscriptions.push(
    output,
    diagnostics,
    templates,
    tree,
    treeView,
    invocations,
    debugging,
    vscode.window.registerTreeDataProvider(Views.invocations, invocations),
    register(Commands.invoke, (arg) => invoker.invoke(arg)),
    register(Commands.rerun, (arg) => invoker.rerun(arg)),
    register(Commands.showResult, (arg) => invoker.showResult(arg)),
    register(Commands.openHandler, userCommand(async (arg) => {
      const target = await invoker.targetOf(arg);
      if (target) await openHandler(target.fn);
    })),
    register(Commands.newEventFromTrigger, userCommand(async (arg) => {
      const node = arg as TreeNode | undefined;
      if (node?.kind !== 'trigger') throw new Error('New Event from Trigger works on a trigger in the Lambda view');
      await newEventFromTrigger(node, eventOptions());
      templates.refresh();
    })),
    register(Commands.packageFunction, (arg) =>
      isSilent(arg)
        ? packageFunction(arg, { output, settings, targetOf: (a) => invoker.targetOf(a) })
        : userCommand((a) => packageFunction(a, { output, settings, targetOf: (b) => invoker.targetOf(b) }))(arg)),
    register(Commands.refresh, userCommand(() => templates.rescan())),
    register(Commands.newFunction, () => newFunctionCommand(scaffold)),
    register(Commands.newProject, () => newProjectCommand(scaffold)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(CONTAINER_ID)) return;
      void shared.startedInvokeService?.reconfigure();
      if (event.affectsConfiguration(Settings.region) || event.affectsConfiguration(Settings.accountId)) void templates.rescan();
    }),
    // Trusting the folder lets its own settings (runtimeBinaries) apply: the next invoke gets a new Runner.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void shared.startedInvokeService?.reconfigure()),
    { dispose: () => void shared.dispose() },
  );

  void templates.start()
    .catch((error: unknown) => output.appendLine(`Could not read the workspace's templates: ${error instanceof Error ? error.message : String(error)}`))
    .then(() => vscode.commands.executeCommand('setContext', Contexts.scanned, true));
  const activationMs = performance.now() - started;
  output.appendLine(`Lambda Workbench activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs };
}

export async function deactivate(): Promise<void> {
  await services?.dispose();
  services = undefined;
}

function register(id: CommandId, handler: (...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, handler);
}

function isSilent(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && (arg as { silent?: unknown }).silent === true;
}

/** A command run by a person: its failure is shown as an error message rather than thrown at the caller. */
function userCommand(run: (arg?: unknown) => Promise<unknown>): (arg?: unknown) => Promise<void> {
  return async (arg) => {
    try {
      await run(arg);
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    }
  };
}
