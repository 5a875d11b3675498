// The argument object of `lambdaWorkbench.invoke` when another extension or a test calls it:
// `{ template: Uri, functionId: string, event?: unknown, eventFile?: Uri, silent?: boolean }`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCode, WorkbenchError } from '../errors';

export interface InvokeRequest {
  templateFile: string;
  functionId: string;
  /** The event as JSON text (from `event`, which is any JSON value). */
  event?: string;
  eventFile?: string;
  /** No UI: no pickers, no progress, no result panel. */
  silent: boolean;
}

const USAGE = 'pass { template: Uri, functionId: string, event?: unknown, eventFile?: Uri, silent?: boolean }';

function fail(problem: string): never {
  throw new WorkbenchError(ErrorCode.Usage, `lambdaWorkbench.invoke: ${problem} — ${USAGE}`);
}

/** True for an argument shaped like the API object (as opposed to a tree item). */
export function isInvokeRequest(arg: unknown): arg is Record<string, unknown> {
  return typeof arg === 'object' && arg !== null && 'functionId' in arg && !('kind' in arg);
}

export function parseInvokeRequest(arg: Record<string, unknown>): InvokeRequest {
  const templateFile = filePath(arg.template, 'template');
  if (templateFile === undefined) fail("'template' is missing");
  if (typeof arg.functionId !== 'string' || arg.functionId === '') fail("'functionId' must be the function's logical id");
  if (arg.event !== undefined && arg.eventFile !== undefined) fail("give 'event' or 'eventFile', not both");
  let event: string | undefined;
  if (arg.event !== undefined) {
    try {
      event = JSON.stringify(arg.event);
    } catch (error) {
      fail(`'event' cannot be written as JSON (${(error as Error).message})`);
    }
  }
  return { templateFile, functionId: arg.functionId, event, eventFile: filePath(arg.eventFile, 'eventFile'), silent: arg.silent === true };
}

/** A file from a Uri (anything with an `fsPath`), a `file:` URL or a path. */
function filePath(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return path.resolve(value.startsWith('file:') ? fileURLToPath(value) : value);
  if (typeof value === 'object' && typeof (value as { fsPath?: unknown }).fsPath === 'string') {
    return (value as { fsPath: string }).fsPath;
  }
  return fail(`'${name}' must be a file Uri`);
}
