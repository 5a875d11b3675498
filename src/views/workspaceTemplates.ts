// Keeps the catalog in step with the workspace: one scan for templates after activation, then file watchers
// (debounced) for templates, saved events and the functions' code. A change to a template or to a function's code
// folder also ends its warm environments, so the next invoke is cold and runs the new code.
import path from 'node:path';
import * as vscode from 'vscode';
import { TEMPLATE_EXCLUDE, TEMPLATE_GLOB } from '../contributions';
import type { FunctionModel } from '../model/types';
import { Batch } from './batch';
import { isExcludedPath, isInside } from './paths';
import type { TemplateCatalog } from './templateCatalog';
import type { TemplateEntry } from './treeModel';

export interface WorkspaceTemplatesListener {
  /** The templates (or their saved events) changed: rebuild the tree and the Problems panel. */
  changed(entries: readonly TemplateEntry[]): void;
  /** A function's template or code changed (`reason` says what): its warm environments must go. */
  reset(fns: readonly FunctionModel[], reason: string): void;
}

const TEMPLATE_NAMES = new Set(['template.yaml', 'template.yml']);

export class WorkspaceTemplates implements vscode.Disposable {
  /** Resolves once the first scan is done. */
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private readonly disposables: vscode.Disposable[] = [];
  /** Watchers for code folders outside the workspace (CodeUri: ../shared), by folder. */
  private readonly outsideWatchers = new Map<string, vscode.Disposable>();
  private readonly templateChanges: Batch<string>;
  private readonly fileChanges: Batch<string>;

  constructor(
    private readonly catalogOf: () => TemplateCatalog,
    private readonly listener: WorkspaceTemplatesListener,
    delayMs = 200,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.templateChanges = new Batch(delayMs, (files) => this.applyTemplateChanges(files));
    this.fileChanges = new Batch(delayMs, (files) => this.applyFileChanges(files));
  }

  /** Created at first use: after activation. */
  private get catalog(): TemplateCatalog {
    return this.catalogOf();
  }

  /** Watches, then scans; `ready` resolves even when the scan fails (the tree then shows what it has). */
  async start(): Promise<void> {
    this.watch(vscode.workspace.createFileSystemWatcher(TEMPLATE_GLOB), (file) => {
      if (!isExcludedPath(file)) this.templateChanges.add(file);
    });
    this.watch(vscode.workspace.createFileSystemWatcher('**/*'), (file) => this.onFile(file));
    try {
      await this.rescan();
    } finally {
      this.markReady();
    }
  }

  /** Finds and re-reads every template (Refresh, or settings that change how templates resolve). */
  async rescan(): Promise<void> {
    const uris = await vscode.workspace.findFiles(TEMPLATE_GLOB, TEMPLATE_EXCLUDE);
    this.catalog.loadAll(uris.filter((uri) => uri.scheme === 'file').map((uri) => uri.fsPath));
    this.publish();
  }

  /** Rebuilds the tree from what is known (e.g. right after a new event file was written). */
  refresh(): void {
    this.publish();
  }

  /** Re-reads one template now (e.g. right after New Function wrote it). */
  reload(file: string): void {
    this.applyTemplateChanges([file]);
  }

  private watch(watcher: vscode.FileSystemWatcher, onChange: (file: string) => void): void {
    const handle = (uri: vscode.Uri) => {
      if (uri.scheme === 'file') onChange(uri.fsPath);
    };
    this.disposables.push(watcher, watcher.onDidCreate(handle), watcher.onDidChange(handle), watcher.onDidDelete(handle));
  }

  private onFile(file: string): void {
    if (TEMPLATE_NAMES.has(path.basename(file))) return; // the template watcher has it
    this.fileChanges.add(file);
  }

  private applyTemplateChanges(files: string[]): void {
    let changed = false;
    for (const file of files) {
      const { previous, current, unchanged } = this.catalog.load(file);
      if (unchanged) continue;
      changed = true;
      const fns = [...(previous?.model?.functions ?? []), ...(current?.model?.functions ?? [])];
      if (fns.length > 0) this.listener.reset(fns, `${path.basename(file)} changed`);
    }
    if (changed) this.publish();
  }

  /** Code changes reset the functions they belong to; saved events and code changes both refresh the tree. */
  private applyFileChanges(files: string[]): void {
    const changedFiles = new Map<FunctionModel, string[]>();
    let refresh = false;
    for (const file of files) {
      const affected = this.catalog.functionsAffectedBy(file);
      for (const fn of affected) changedFiles.set(fn, [...(changedFiles.get(fn) ?? []), file]);
      refresh ||= affected.length > 0 || this.isSavedEvent(file);
    }
    for (const [fn, changed] of changedFiles) {
      const names = changed.map((file) => path.relative(fn.codeDir, file) || path.basename(file));
      const what = names.length === 1 ? names[0] : `${names[0]} and ${names.length - 1} more`;
      this.listener.reset([fn], `${what} changed`);
    }
    if (refresh) this.publish();
  }

  private isSavedEvent(file: string): boolean {
    return file.endsWith('.json') && this.catalog.list().some((entry) => isInside(file, path.join(path.dirname(entry.file), 'events')));
  }

  private publish(): void {
    this.watchOutsideCode();
    this.listener.changed(this.catalog.list());
  }

  /** The workspace watcher sees only the workspace: code folders elsewhere get a watcher of their own. */
  private watchOutsideCode(): void {
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
    const wanted = new Set(
      this.catalog.functions()
        .flatMap(({ fn }) => (fn.inlineCode ? [] : [fn.codeDir, ...fn.layers.map((layer) => layer.contentDir)]))
        .filter((dir) => !folders.some((folder) => dir === folder || isInside(dir, folder))),
    );
    for (const [dir, watcher] of this.outsideWatchers) {
      if (wanted.has(dir)) continue;
      watcher.dispose();
      this.outsideWatchers.delete(dir);
    }
    for (const dir of wanted) {
      if (this.outsideWatchers.has(dir)) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '**/*'));
      const handle = (uri: vscode.Uri) => this.fileChanges.add(uri.fsPath);
      const subscriptions = [watcher, watcher.onDidCreate(handle), watcher.onDidChange(handle), watcher.onDidDelete(handle)];
      this.outsideWatchers.set(dir, vscode.Disposable.from(...subscriptions));
    }
  }

  dispose(): void {
    this.templateChanges.dispose();
    this.fileChanges.dispose();
    for (const watcher of this.outsideWatchers.values()) watcher.dispose();
    this.outsideWatchers.clear();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
