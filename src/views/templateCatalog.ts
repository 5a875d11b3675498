// The workspace's templates, loaded and kept up to date file by file. Plain Node: the extension feeds it file paths
// (from findFiles and file watchers) and reads entries back for the tree, the Problems panel and invokes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TemplateError } from '../model/errors';
import { parseTemplateText } from '../model/template';
import type { FunctionModel, LoadOptions, TemplateModel } from '../model/types';
import { isInside } from './paths';
import type { TemplateEntry, TemplateProblem } from './treeModel';

/**
 * Whether a `template.yaml` is a CloudFormation/SAM template at all (and not some other tool's file of that name):
 * it must have a top-level `Resources`, `AWSTemplateFormatVersion` or `Transform` key.
 */
export function looksLikeTemplate(text: string): boolean {
  return /^(?:AWSTemplateFormatVersion|Resources|Transform)\s*:/m.test(text) ||
    /^\s*\{[\s\S]*"(?:AWSTemplateFormatVersion|Resources)"\s*:/.test(text);
}

export interface LoadChange {
  /** What was known before this load (undefined for a new file). */
  previous?: TemplateEntry;
  /** What is known now (undefined when the file is gone or is not a template). */
  current?: TemplateEntry;
  /** True when the file's text is what was loaded last time (a save without changes, a second watcher event). */
  unchanged: boolean;
}

export class TemplateCatalog {
  private readonly entries = new Map<string, TemplateEntry>();
  /** The text each entry was parsed from. */
  private readonly texts = new Map<string, string>();

  /**
   * @param loadOptions region/account for resolving templates, read at each load (settings may change)
   * @param labelOf the path shown for a template (workspace-relative)
   */
  constructor(
    private readonly loadOptions: () => LoadOptions,
    private readonly labelOf: (file: string) => string = (file) => file,
  ) {}

  /**
   * (Re)reads one template file; an unchanged text is not parsed again unless `force` (settings changed). A file
   * that is gone or is not a template leaves the catalog.
   */
  load(file: string, force = false): LoadChange {
    const absolute = path.resolve(file);
    const previous = this.entries.get(absolute);
    let text: string;
    try {
      text = readFileSync(absolute, 'utf8');
    } catch {
      this.remove(absolute);
      return { previous, unchanged: previous === undefined };
    }
    if (!looksLikeTemplate(text)) {
      this.remove(absolute);
      return { previous, unchanged: previous === undefined };
    }
    if (previous && !force && this.texts.get(absolute) === text) return { previous, current: previous, unchanged: true };
    const current: TemplateEntry = { file: absolute, label: this.labelOf(absolute) };
    try {
      current.model = parseTemplateText(text, absolute, this.loadOptions());
    } catch (error) {
      current.error = problemOf(error, absolute);
    }
    this.entries.set(absolute, current);
    this.texts.set(absolute, text);
    return { previous, current, unchanged: false };
  }

  /** Replaces the whole catalog with these files, all parsed again (a full scan). */
  loadAll(files: readonly string[]): void {
    const wanted = new Set(files.map((file) => path.resolve(file)));
    for (const file of [...this.entries.keys()]) if (!wanted.has(file)) this.remove(file);
    for (const file of wanted) this.load(file, true);
  }

  remove(file: string): TemplateEntry | undefined {
    const absolute = path.resolve(file);
    const previous = this.entries.get(absolute);
    this.entries.delete(absolute);
    this.texts.delete(absolute);
    return previous;
  }

  get(file: string): TemplateEntry | undefined {
    return this.entries.get(path.resolve(file));
  }

  list(): TemplateEntry[] {
    return [...this.entries.values()];
  }

  /** Every loaded function, with its template. */
  functions(): { template: TemplateModel; fn: FunctionModel }[] {
    return this.list().flatMap((entry) => (entry.model ? entry.model.functions.map((fn) => ({ template: entry.model!, fn })) : []));
  }

  /**
   * The functions whose code a change to `file` affects: it is inside their code folder or one of their layers.
   * Saved events and build output (`events/`, `.aws-sam/` beside the template) are not code, even with `CodeUri: .`.
   */
  functionsAffectedBy(file: string): FunctionModel[] {
    const absolute = path.resolve(file);
    return this.functions()
      .filter(({ template }) => !['events', '.aws-sam'].some((dir) => isInside(absolute, path.join(template.dir, dir))))
      .map(({ fn }) => fn)
      .filter((fn) => !fn.inlineCode && [fn.codeDir, ...fn.layers.map((layer) => layer.contentDir)].some((dir) => isInside(absolute, dir)));
  }
}

/** A load failure as a placed, one-line problem. */
export function problemOf(error: unknown, file: string): TemplateProblem {
  if (error instanceof TemplateError) {
    return { message: error.message, file: error.file, line: error.line, column: error.column };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: `${file}: ${message.split('\n')[0]}`, file };
}
