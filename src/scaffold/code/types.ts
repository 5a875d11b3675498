// What a runtime's code generator is asked for, and what it produces: the files of the code folder and where the
// handler is.
import type { ScaffoldNames } from '../names';
import type { ScaffoldRuntime, TriggerKind } from '../options';

export interface CodeRequest {
  names: ScaffoldNames;
  runtime: ScaffoldRuntime;
  trigger: TriggerKind;
  /** One line saying what the function does, for the file's first comment. */
  summary: string;
}

export interface CodeFile {
  /** Relative to the code folder. */
  path: string;
  content: string;
  /** Written with mode 0755 (a custom runtime's bootstrap). */
  executable?: boolean;
}

export interface HandlerCode {
  files: CodeFile[];
  /** The template's Handler, e.g. `app.handler`. */
  handler: string;
  /** The file (relative to the code folder) that holds the handler function. */
  handlerFile: string;
  /** 1-based line of the handler function in handlerFile. */
  handlerLine: number;
  /** `Metadata` for the function resource (how `sam build` builds it), when it needs one. */
  metadata?: Record<string, unknown>;
}

/** The 1-based line of the first line of `content` that starts with `marker`. */
export function lineOf(content: string, marker: string): number {
  const index = content.split('\n').findIndex((line) => line.startsWith(marker));
  return index + 1;
}
