// Errors and warnings of the model, each one line: `<file>:<line>:<col>: <what is wrong> — <what to do>`.
import { ErrorCode, WorkbenchError } from '../errors';
import type { SourceLocation, TemplateWarning } from './types';

/** A template that cannot be used: bad YAML, missing Handler, CodeUri that does not exist, ... */
export class TemplateError extends WorkbenchError {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;

  /**
   * @param where the template file, or a place in it
   * @param problem what is wrong, e.g. `HelloFunction has no Handler`
   * @param fix what to do about it, e.g. `add Handler (e.g. app.handler) under Properties`
   */
  constructor(where: string | SourceLocation, problem: string, fix?: string) {
    const location = typeof where === 'string' ? { file: where } : where;
    super(ErrorCode.Usage, formatMessage(location, problem, fix));
    this.name = 'TemplateError';
    this.file = location.file;
    if (typeof where !== 'string') {
      this.line = where.line;
      this.column = where.column;
    }
  }
}

/** A finding that does not stop the template from loading. */
export function templateWarning(location: SourceLocation | undefined, problem: string, consequence?: string): TemplateWarning {
  return { message: oneLine(consequence ? `${problem} — ${consequence}` : problem), location };
}

function formatMessage(location: { file: string; line?: number; column?: number }, problem: string, fix?: string): string {
  const at = location.line === undefined ? location.file : `${location.file}:${location.line}:${location.column ?? 1}`;
  return oneLine(`${at}: ${problem}${fix ? ` — ${fix}` : ''}`);
}

/** Messages are always one line, whatever the values quoted in them contain. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
