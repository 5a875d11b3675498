// The Lambda view as plain data: templates → functions → triggers and saved events. The TreeDataProvider only turns
// these nodes into TreeItems, so everything the view shows is decided here and tested in plain Node.
import path from 'node:path';
import { functionEventsDir, listSavedEvents, type SavedEvent } from '../events/savedEvents';
import type { FunctionModel, TemplateModel, TriggerModel } from '../model/types';
import { FUNCTION_URL_LABEL, functionDescription, functionTooltip, shortErrorMessage, triggerLabel } from './labels';

/** Why a template could not be read, placed for the Problems panel. */
export interface TemplateProblem {
  message: string;
  file: string;
  /** 1-based, when known. */
  line?: number;
  column?: number;
}

/** One template file of the workspace, loaded or not. */
export interface TemplateEntry {
  file: string;
  /** Workspace-relative path, for display. */
  label: string;
  model?: TemplateModel;
  error?: TemplateProblem;
}

interface NodeBase {
  /** Unique and stable across refreshes (TreeItem.id), so the view keeps its state and reveal() finds nodes. */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  expanded: boolean;
  parent?: TreeNode;
  children: TreeNode[];
}

export interface TemplateNode extends NodeBase {
  kind: 'template';
  entry: TemplateEntry;
}

export interface TemplateErrorNode extends NodeBase {
  kind: 'templateError';
  entry: TemplateEntry;
  problem: TemplateProblem;
}

export interface FunctionNode extends NodeBase {
  kind: 'function';
  template: TemplateModel;
  fn: FunctionModel;
}

export interface TriggerNode extends NodeBase {
  kind: 'trigger';
  template: TemplateModel;
  fn: FunctionModel;
  /** Undefined for the function URL. */
  trigger?: TriggerModel;
}

export interface SavedEventNode extends NodeBase {
  kind: 'savedEvent';
  template: TemplateModel;
  fn: FunctionModel;
  event: SavedEvent;
  /** True for `events/*.json`, offered to every function of the template. */
  shared: boolean;
}

export type TreeNode = TemplateNode | TemplateErrorNode | FunctionNode | TriggerNode | SavedEventNode;
export type FunctionChildNode = TriggerNode | SavedEventNode;

export interface BuildOptions {
  /** Saved events of a function (default: the files on disk, via listSavedEvents). */
  savedEvents?: (template: TemplateModel, fn: FunctionModel) => SavedEvent[];
  /** Up to this many functions in all, they start expanded (default 4). */
  expandUpTo?: number;
}

/**
 * The roots of the view. Templates that loaded but declare no function are left out (an infrastructure-only
 * template is not ours to show); a template that failed to load shows its error. With several templates, each one
 * is a group; with one, its functions are the roots.
 */
export function buildTree(entries: readonly TemplateEntry[], options: BuildOptions = {}): TreeNode[] {
  const shown = entries
    .filter((entry) => entry.error || (entry.model?.functions.length ?? 0) > 0)
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const functionCount = shown.reduce((sum, entry) => sum + (entry.model?.functions.length ?? 0), 0);
  const expandFunctions = functionCount <= (options.expandUpTo ?? 4);
  const savedEvents = options.savedEvents ?? listSavedEvents;

  const contentOf = (entry: TemplateEntry, parent?: TreeNode): TreeNode[] => {
    if (entry.error || !entry.model) return [errorNode(entry, entry.error ?? { message: 'The template did not load', file: entry.file }, parent)];
    const template = entry.model;
    return template.functions.map((fn) => functionNode(template, fn, savedEvents(template, fn), expandFunctions, parent));
  };

  if (shown.length === 1) return contentOf(shown[0]);
  return shown.map((entry) => {
    const node: TemplateNode = {
      kind: 'template',
      id: entry.file,
      label: entry.label,
      description: entry.error ? 'error' : plural(entry.model?.functions.length ?? 0, 'function'),
      tooltip: entry.file,
      expanded: true,
      entry,
      children: [],
    };
    node.children = contentOf(entry, node);
    return node;
  });
}

function errorNode(entry: TemplateEntry, problem: TemplateProblem, parent?: TreeNode): TemplateErrorNode {
  return {
    kind: 'templateError',
    id: `${entry.file}#error`,
    label: shortErrorMessage(problem.message, problem.file),
    description: `${path.basename(problem.file)}${problem.line === undefined ? '' : `:${problem.line}:${problem.column ?? 1}`}`,
    tooltip: problem.message,
    expanded: false,
    entry,
    problem,
    parent,
    children: [],
  };
}

function functionNode(template: TemplateModel, fn: FunctionModel, events: SavedEvent[], expanded: boolean, parent?: TreeNode): FunctionNode {
  const id = `${template.file}#${fn.logicalId}`;
  const node: FunctionNode = {
    kind: 'function', id, label: fn.logicalId, description: functionDescription(fn), tooltip: functionTooltip(fn),
    expanded, template, fn, parent, children: [],
  };
  const ownDir = functionEventsDir(template, fn);
  const triggers: TriggerNode[] = fn.events.map((trigger) => ({
    kind: 'trigger', id: `${id}/trigger/${trigger.id}`, label: triggerLabel(trigger), description: trigger.id,
    tooltip: `${trigger.id} (${trigger.type} trigger)`, expanded: false, template, fn, trigger, parent: node, children: [],
  }));
  if (fn.functionUrl) {
    triggers.push({
      kind: 'trigger', id: `${id}/url`, label: FUNCTION_URL_LABEL,
      description: fn.functionUrl.authType === 'AWS_IAM' ? 'AWS_IAM' : undefined,
      tooltip: `Function URL (AuthType ${fn.functionUrl.authType}, InvokeMode ${fn.functionUrl.invokeMode})`,
      expanded: false, template, fn, parent: node, children: [],
    });
  }
  const saved: SavedEventNode[] = events.map((event) => {
    const shared = path.dirname(event.file) !== ownDir;
    return {
      kind: 'savedEvent', id: `${id}/event/${event.file}`, label: event.name, description: shared ? 'shared' : undefined,
      tooltip: event.file, expanded: false, template, fn, event, shared, parent: node, children: [],
    };
  });
  node.children = [...triggers, ...saved];
  if (node.children.length === 0) node.expanded = false;
  return node;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The node of a function, searched in a built tree (for reveal after the tree was rebuilt). */
export function findFunctionNode(roots: readonly TreeNode[], templateFile: string, logicalId: string): FunctionNode | undefined {
  for (const node of roots) {
    if (node.kind === 'function' && node.template.file === templateFile && node.fn.logicalId === logicalId) return node;
    if (node.kind === 'template') {
      const found = findFunctionNode(node.children, templateFile, logicalId);
      if (found) return found;
    }
  }
  return undefined;
}
