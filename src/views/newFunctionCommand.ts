// "New Function…" and "New Project…": name → runtime → trigger, then the scaffolder writes the code, the template
// entry and a sample event; the new function is revealed in the tree, its handler opened, and it is invoked at once.
import path from 'node:path';
import * as vscode from 'vscode';
import { readEventFile } from '../events/savedEvents';
import type { NewFunctionResult, NewProjectOptions } from '../scaffold';
import { functionNameProblem, suggestFunctionName } from './functionNames';
import { core } from './lazyCore';
import type { InvokeController } from './invokeCommand';
import type { Services } from './services';
import type { TemplateCatalog } from './templateCatalog';
import type { FunctionsTreeProvider } from './functionsTree';
import type { TreeNode } from './treeModel';
import { ensureTrusted } from './trust';

export interface ScaffoldDeps {
  services: Services;
  tree: FunctionsTreeProvider;
  treeView: vscode.TreeView<TreeNode>;
  invoker: InvokeController;
  /** Re-reads a template into the catalog and the tree at once. */
  reloadTemplate: (file: string) => void;
}

export async function newFunctionCommand(deps: ScaffoldDeps): Promise<NewFunctionResult | undefined> {
  if (!ensureTrusted('New Function')) return undefined;
  const { catalog } = deps.services;
  const templateFile = await chooseTemplate(catalog);
  if (!templateFile) return undefined;
  const existing = catalog.get(templateFile)?.model?.functions.map((fn) => fn.logicalId) ?? [];
  const options = await askFunction('New Function', existing);
  if (!options) return undefined;
  return runScaffold(deps, () => core().newFunction({ templateFile, ...options }));
}

export async function newProjectCommand(deps: ScaffoldDeps): Promise<NewFunctionResult | undefined> {
  if (!ensureTrusted('New Project')) return undefined;
  const picked = await vscode.window.showOpenDialog({
    title: 'New Lambda Project: pick an empty folder',
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Create Project Here',
  });
  const dir = picked?.[0]?.fsPath;
  if (!dir) return undefined;
  const options = await askFunction('New Project', []);
  if (!options) return undefined;
  const inWorkspace = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(dir)) !== undefined;
  const result = await runScaffold(deps, () => core().newProject(dir, options), inWorkspace);
  if (result && !inWorkspace) {
    const open = 'Open Folder';
    const choice = await vscode.window.showInformationMessage(`Created ${result.logicalId} in ${dir}`, open);
    if (choice === open) await vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(dir));
  }
  return result;
}

/** Runs the scaffolder; then, for a template in the workspace, reveals, opens and invokes the new function. */
async function runScaffold(deps: ScaffoldDeps, scaffold: () => NewFunctionResult, showInWorkspace = true): Promise<NewFunctionResult | undefined> {
  let result: NewFunctionResult;
  try {
    result = scaffold();
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
  if (!showInWorkspace) return result;
  deps.reloadTemplate(result.templateFile);
  const node = deps.tree.findFunction(path.resolve(result.templateFile), result.logicalId);
  if (node) {
    try {
      await deps.treeView.reveal(node, { select: true, focus: false, expand: true });
    } catch {
      // The view may be hidden by the user's layout; the function is there all the same.
    }
  }
  const line = Math.max(0, result.handlerLine - 1);
  await vscode.window.showTextDocument(vscode.Uri.file(result.handlerFile), { selection: new vscode.Range(line, 0, line, 0), preview: false });
  const model = deps.services.catalog.get(result.templateFile)?.model;
  const fn = model?.functions.find((candidate) => candidate.logicalId === result.logicalId);
  if (model && fn) {
    const event = result.eventFile
      ? { label: path.basename(result.eventFile, '.json'), text: readEventFile(result.eventFile).toString('utf8') }
      : { label: '{}', text: '{}' };
    await deps.invoker.invokeWith({ template: model, fn }, event);
  }
  return result;
}

/** The template a new function goes into: the only one, a pick among several, or a new `template.yaml`. */
async function chooseTemplate(catalog: TemplateCatalog): Promise<string | undefined> {
  const entries = catalog.list().sort((a, b) => a.label.localeCompare(b.label));
  if (entries.length === 1) return entries[0].file;
  if (entries.length > 1) {
    const picked = await vscode.window.showQuickPick(
      entries.map((entry) => ({ label: entry.label, description: entry.error ? 'has errors' : `${entry.model?.functions.length ?? 0} functions`, file: entry.file })),
      { title: 'New Function: which template?', placeHolder: 'The template to add the function to' },
    );
    return picked?.file;
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showErrorMessage('New Function needs an open folder — open one (File > Open Folder…) or run "Lambda: New Project…"');
    return undefined;
  }
  const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'The folder for template.yaml' });
  return folder && path.join(folder.uri.fsPath, 'template.yaml');
}

/** Name → runtime → trigger; undefined when the user backs out at any step. */
async function askFunction(title: string, existing: readonly string[]): Promise<NewProjectOptions | undefined> {
  const name = await vscode.window.showInputBox({
    title: `${title} (1/3): name`,
    prompt: "The function's logical id in the template",
    value: suggestFunctionName(existing),
    validateInput: (value) => functionNameProblem(value.trim(), existing),
  });
  if (name === undefined) return undefined;
  const { SCAFFOLD_RUNTIMES, TRIGGER_KINDS } = core();
  const runtime = await vscode.window.showQuickPick(SCAFFOLD_RUNTIMES.map((choice) => ({ ...choice })), {
    title: `${title} (2/3): runtime`,
    placeHolder: 'The runtime and language of the handler',
  });
  if (!runtime) return undefined;
  const trigger = await vscode.window.showQuickPick(TRIGGER_KINDS.map((choice) => ({ label: choice.label, description: choice.description, trigger: choice.trigger })), {
    title: `${title} (3/3): trigger`,
    placeHolder: 'What invokes the function',
  });
  if (!trigger) return undefined;
  return { name: name.trim(), runtime: runtime.runtime, language: runtime.language, trigger: trigger.trigger };
}
