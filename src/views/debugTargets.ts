// What the editor's debugging starts from, as plain data: which functions a handler file belongs to, the `lambda`
// launch configuration for a function (and a tree node), launch configurations made absolute, and the invoke
// record the result panel shows for a debug run. Plain Node (no `vscode`), so it is tested without an editor.
import path from 'node:path';
import { DEBUG_TYPE } from '../contributions';
import type { FunctionModel, TemplateModel } from '../model/types';
import type { InvokeResult, ReportFigures } from '../runner/types';
import type { LambdaResultBody } from '../debug/lambdaSession';
import type { LambdaLaunchArguments } from '../debug/launchArgs';
import { CHILD_TYPE_FIELD } from '../debug/attachConfig';
import { locateHandler } from './handlerLocator';
import type { InvocationRecord } from './invocationRecord';

export interface FunctionTarget {
  template: TemplateModel;
  fn: FunctionModel;
}

/** A `lambda` launch configuration (what launch.json holds, or what 🐞 starts). */
export interface LambdaDebugConfiguration extends LambdaLaunchArguments {
  type: string;
  request: string;
  name: string;
  /** For the editor's own bookkeeping: what the result panel calls the event. */
  eventLabel?: string;
}

/** The event a debug run sends: a saved file, or the event itself. */
export type DebugEvent = { label: string; file: string } | { label: string; event: unknown };

export const DEBUGGABLE_RUNTIME = /^(nodejs|python)/;

/**
 * The picked event as a debug configuration carries it: a saved event by its file, which the adapter reads, as the
 * event itself it would pass through VS Code's variable substitution (a `${env:…}` or `${command:…}` in an event's
 * text would be replaced, or run); a generated one inline.
 */
export function debugEventOf(picked: { label: string; text: string; file?: string }): DebugEvent {
  return picked.file ? { label: picked.label, file: picked.file } : { label: picked.label, event: JSON.parse(picked.text) as unknown };
}

/** The handler's file and line of each Zip function (Node.js or Python) whose handler can be found on disk. */
export function handlerPlaces(targets: readonly FunctionTarget[]): (FunctionTarget & { file: string; line: number; exact: boolean })[] {
  return targets.flatMap((target) => {
    const { fn } = target;
    if (fn.packageType === 'Image' || fn.inlineCode !== undefined || !DEBUGGABLE_RUNTIME.test(fn.runtime ?? '')) return [];
    try {
      const place = locateHandler(fn);
      return [{ ...target, file: place.file, line: place.line, exact: place.exact }];
    } catch {
      return []; // no handler file (yet): nothing to debug from a file
    }
  });
}

/** The functions whose handler is `file` (several functions may share one handler). */
export function functionsOfHandlerFile(targets: readonly FunctionTarget[], file: string): FunctionTarget[] {
  const wanted = path.resolve(file);
  return handlerPlaces(targets).filter((place) => path.resolve(place.file) === wanted).map(({ template, fn }) => ({ template, fn }));
}

const NODE_SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** Whether `file` is JavaScript or TypeScript in the code folder (or a layer) of a Node.js function. */
export function isNodeFunctionSource(targets: readonly FunctionTarget[], file: string): boolean {
  if (!NODE_SOURCE.test(file)) return false;
  const wanted = path.resolve(file);
  const inside = (dir: string) => {
    const rel = path.relative(dir, wanted);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  return targets.some(({ fn }) => fn.packageType !== 'Image' && fn.inlineCode === undefined && /^nodejs/.test(fn.runtime ?? '')
    && [fn.codeDir, ...fn.layers.map((layer) => layer.contentDir)].some(inside));
}

/** Whether a `lambda` launch configuration (absolute paths) debugs a Node.js function. */
export function launchesNodeFunction(targets: readonly FunctionTarget[], config: LambdaDebugConfiguration): boolean {
  if (typeof config.template !== 'string') return /^nodejs/.test(String(config.runtime ?? ''));
  const template = path.resolve(config.template);
  return targets.some(({ template: t, fn }) => path.resolve(t.file) === template && /^nodejs/.test(fn.runtime ?? '')
    && (config.functionId === undefined || config.functionId === fn.logicalId || config.functionId === fn.functionName));
}

/** The launch configuration that debugs `fn` of `template` with `event`. */
export function debugConfigurationFor(target: FunctionTarget, event?: DebugEvent): LambdaDebugConfiguration {
  const { template, fn } = target;
  const config: LambdaDebugConfiguration = {
    type: DEBUG_TYPE,
    request: 'launch',
    name: event ? `Debug ${fn.logicalId} · ${event.label}` : `Debug ${fn.logicalId}`,
    template: template.file,
    functionId: fn.logicalId,
    cwd: template.dir,
  };
  if (event && 'file' in event) config.eventFile = event.file;
  else if (event) config.event = event.event;
  if (event) config.eventLabel = event.label;
  return config;
}

/**
 * The configurations offered in launch.json's "Add Configuration" and the Run view's dynamic list: one per
 * debuggable function, with `${workspaceFolder}`-relative paths when the template is inside `folder`.
 */
export function initialConfigurations(targets: readonly FunctionTarget[], folder?: string): LambdaDebugConfiguration[] {
  const relative = (file: string) => {
    if (!folder) return file;
    const rel = path.relative(folder, file);
    return rel.startsWith('..') || path.isAbsolute(rel) ? file : `\${workspaceFolder}/${rel.split(path.sep).join('/')}`;
  };
  return targets.filter(({ fn }) => fn.packageType !== 'Image' && DEBUGGABLE_RUNTIME.test(fn.runtime ?? '')).map(({ template, fn }) => ({
    type: DEBUG_TYPE,
    request: 'launch',
    name: `Debug ${fn.logicalId}`,
    template: relative(template.file),
    functionId: fn.logicalId,
  }));
}

/**
 * A configuration with absolute paths: the adapter runs inside the editor, whose working folder is not the
 * workspace. `template` and `cwd` start from `folder`; `cwd` defaults to the template's folder (where relative
 * event files are looked for), else `folder`; `codeDir` starts from `cwd`.
 */
export function absoluteConfiguration(config: LambdaDebugConfiguration, folder: string): LambdaDebugConfiguration {
  const resolved: LambdaDebugConfiguration = { ...config };
  if (typeof resolved.template === 'string') resolved.template = path.resolve(folder, resolved.template);
  if (typeof resolved.cwd === 'string') resolved.cwd = path.resolve(folder, resolved.cwd);
  else resolved.cwd = resolved.template ? path.dirname(resolved.template) : folder;
  if (typeof resolved.codeDir === 'string') resolved.codeDir = path.resolve(resolved.cwd, resolved.codeDir);
  return resolved;
}

/**
 * The child session the adapter asks for (DAP `startDebugging`, a js-debug or debugpy attach) arrives as a `lambda`
 * configuration: VS Code gives reverse-requested sessions the parent's type. The adapter marks each child
 * configuration with the debugger it is for (CHILD_TYPE_FIELD); that type is given back here, without the marker, and
 * VS Code then resolves the session with that debugger. Undefined for anything without the marker.
 */
export function childSessionConfiguration<T extends { type: string }>(config: T): T | undefined {
  const { [CHILD_TYPE_FIELD]: childType, ...rest } = config as T & { [CHILD_TYPE_FIELD]?: unknown };
  if (typeof childType !== 'string' || childType === '' || childType === DEBUG_TYPE) return undefined;
  return { ...rest, type: childType } as unknown as T;
}

const REPORT_FIELDS = {
  billedDurationMs: /Billed Duration: (\d+) ms/,
  memorySizeMB: /Memory Size: (\d+) MB/,
  maxMemoryUsedMB: /Max Memory Used: (\d+) MB/,
  initDurationMs: /Init Duration: ([\d.]+) ms/,
} as const;

/** What an invoke record says about the function that ran. */
type RecordSubject = Pick<InvocationRecord, 'functionId' | 'functionName' | 'templateFile' | 'memorySize' | 'architecture'>;

/** The invoke record of a finished debug run (the adapter's RESULT_EVENT body), for the result panel and history. */
export function recordOfDebugResult(body: LambdaResultBody, target: FunctionTarget, id: string, startedAt: number,
  event: { label: string; text: string }): InvocationRecord {
  const { fn, template } = target;
  const subject = { functionId: fn.logicalId, functionName: fn.functionName, templateFile: template.file, memorySize: fn.memorySize, architecture: fn.architecture };
  return recordOf(body, subject, id, startedAt, event);
}

/**
 * The record of a debug run without a template (handler + runtime + codeDir): the function is called by its handler,
 * its memory and architecture are the ones the adapter ran it with, and it has no template file ('').
 */
export function recordOfTemplatelessDebugResult(body: LambdaResultBody, handler: string, id: string, startedAt: number,
  event: { label: string; text: string }): InvocationRecord {
  const subject = { functionId: handler, functionName: body.functionName, templateFile: '', memorySize: body.memorySize, architecture: body.architecture };
  return recordOf(body, subject, id, startedAt, event);
}

/** The event of a `lambda` launch configuration (absolute paths), as the result panel shows it. */
export function eventOfDebugConfiguration(config: LambdaDebugConfiguration, readFile: (file: string) => string): { label: string; text: string } {
  const base = config.cwd ?? (typeof config.template === 'string' ? path.dirname(config.template) : process.cwd());
  const text = config.event !== undefined ? JSON.stringify(config.event)
    : config.eventFile !== undefined ? readFile(path.resolve(base, config.eventFile)) : '{}';
  const label = config.eventLabel ?? (config.eventFile !== undefined ? path.basename(config.eventFile, '.json') : config.event !== undefined ? 'event' : '{}');
  return { label, text };
}

function recordOf(body: LambdaResultBody, subject: RecordSubject, id: string, startedAt: number, event: { label: string; text: string }): InvocationRecord {
  const report = body.logs.find((line) => line.startsWith('REPORT RequestId:')) ?? '';
  const figure = (key: keyof typeof REPORT_FIELDS) => {
    const match = REPORT_FIELDS[key].exec(report);
    return match ? Number(match[1]) : undefined;
  };
  const status: ReportFigures['status'] = !body.functionError ? 'success' : /timed out/i.test(report) ? 'timeout' : 'error';
  const figures: ReportFigures = {
    durationMs: body.durationMs,
    billedDurationMs: figure('billedDurationMs') ?? Math.ceil(body.durationMs),
    memorySizeMB: figure('memorySizeMB') ?? subject.memorySize,
    maxMemoryUsedMB: figure('maxMemoryUsedMB') ?? 0,
    status,
  };
  const init = figure('initDurationMs');
  if (init !== undefined) figures.initDurationMs = init;
  if (body.errorType) figures.errorType = body.errorType;
  const result: InvokeResult = {
    requestId: body.requestId,
    payload: Buffer.from(body.payload, 'utf8'),
    contentType: 'application/json',
    logs: body.logs,
    report: figures,
    coldStart: init !== undefined,
    streamed: false,
    pausedMs: body.pausedMs,
  };
  if (body.functionError) result.functionError = 'Unhandled';
  if (body.errorType) result.errorType = body.errorType;
  return { id, ...subject, eventLabel: event.label, event: event.text, startedAt, result };
}
