// The invoke commands: ▶ on a function, trigger or saved event, `lambdaWorkbench.invoke` called by other
// extensions and tests, Run Again and Show Result. Each invoke streams its log lines into the output channel, shows
// progress (cancellable), is remembered in Recent Invocations and opens the result panel — none of which a
// `silent` call does, except the log.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import * as vscode from 'vscode';
import type { EventOptions } from '../events/context';
import { readEventFile } from '../events/savedEvents';
import { findFunction } from '../model/find';
import type { FunctionModel, TemplateModel } from '../model/types';
import type { ReportFigures } from '../runner/types';
import { ErrorCode, WorkbenchError } from '../errors';
import { pickEvent, type PickedEvent } from './eventPicker';
import type { InvocationHistory } from './invocationHistory';
import type { InvocationRecord } from './invocationRecord';
import { isInvokeRequest, parseInvokeRequest } from './invokeRequest';
import { formatDuration, invocationStatus, logLineForDisplay } from './labels';
import { core } from './lazyCore';
import { withInvokeProgress } from './progress';
import { ResultPanel } from './resultPanel';
import { loadOptionsFrom, type WorkbenchSettings } from './settings';
import type { Services } from './services';
import type { TreeNode } from './treeModel';
import { ensureTrusted } from './trust';

/** What `lambdaWorkbench.invoke` returns: the payload (parsed when it is JSON), the error flag and the REPORT. */
export interface InvokeResponse {
  payload: unknown;
  functionError?: string;
  report: ReportFigures;
}

export interface InvokeControllerDeps {
  extensionUri: vscode.Uri;
  services: Services;
  history: InvocationHistory;
  output: vscode.OutputChannel;
  settings: () => WorkbenchSettings;
  /** Opens a function's handler (the result panel's button). */
  openHandler: (fn: FunctionModel) => Promise<void>;
}

export interface InvokeTarget {
  template: TemplateModel;
  fn: FunctionModel;
}

export class InvokeController {
  constructor(private readonly deps: InvokeControllerDeps) {}

  /** `lambdaWorkbench.invoke`: a tree node, the API argument object, or nothing (pick a function). */
  async invoke(arg?: unknown): Promise<InvokeResponse | undefined> {
    const silent = isInvokeRequest(arg) && arg.silent === true;
    try {
      if (!ensureTrusted('Invoke', silent)) return undefined;
      const chosen = await this.choose(arg);
      return chosen && (await this.run(chosen.target, chosen.event, silent));
    } catch (error) {
      return this.fail(error, silent);
    }
  }

  /** Invokes a function with a given event (New Function's first run). */
  async invokeWith(target: InvokeTarget, event: PickedEvent): Promise<InvokeResponse | undefined> {
    try {
      if (!ensureTrusted('Invoke')) return undefined;
      return await this.run(target, event, false);
    } catch (error) {
      return this.fail(error, false);
    }
  }

  /** `lambdaWorkbench.rerun`: the same function with the same event (a record, its id, or the latest). */
  async rerun(arg?: unknown): Promise<InvokeResponse | undefined> {
    try {
      if (!ensureTrusted('Run Again')) return undefined;
      const record = this.recordOf(arg);
      const target = this.freshTarget(record.templateFile, record.functionId);
      return await this.run(target, { label: record.eventLabel, text: record.event }, false);
    } catch (error) {
      return this.fail(error, false);
    }
  }

  /** `lambdaWorkbench.showResult`: reopens a recent invoke's result panel. */
  showResult(arg?: unknown): void {
    try {
      this.showPanel(this.recordOf(arg));
    } catch (error) {
      this.fail(error, false);
    }
  }

  /**
   * The function a command argument names: a tree node, a recent invoke, the API object `{ template, functionId }`,
   * or nothing (then the user picks one).
   */
  async targetOf(arg: unknown): Promise<InvokeTarget | undefined> {
    if (arg === undefined) return this.pickFunction();
    if (isTreeNode(arg) && 'fn' in arg) return arg;
    if (isInvokeRequest(arg)) {
      const request = parseInvokeRequest(arg);
      return this.freshTarget(request.templateFile, request.functionId);
    }
    const record = this.recordOf(arg);
    return this.freshTarget(record.templateFile, record.functionId);
  }

  /** The template and function of a record or request, read from disk now (the catalog may lag behind a save). */
  freshTarget(templateFile: string, functionId: string): InvokeTarget {
    const template = core().loadTemplate(templateFile, loadOptionsFrom(this.deps.settings()));
    return { template, fn: findFunction(template, functionId) };
  }

  private eventOptions(): EventOptions {
    const { region, accountId } = this.deps.settings();
    return { region, accountId };
  }

  private async choose(arg: unknown): Promise<{ target: InvokeTarget; event: PickedEvent } | undefined> {
    if (arg === undefined) {
      const target = await this.pickFunction();
      const event = target && (await pickEvent(target.template, target.fn, this.eventOptions()));
      return target && event && { target, event };
    }
    if (isInvokeRequest(arg)) {
      const request = parseInvokeRequest(arg);
      const target = this.freshTarget(request.templateFile, request.functionId);
      let event: PickedEvent | undefined;
      if (request.event !== undefined) event = { label: 'event from caller', text: request.event };
      else if (request.eventFile !== undefined) {
        event = { label: path.basename(request.eventFile, '.json'), text: readEventFile(request.eventFile).toString('utf8') };
      } else if (request.silent) event = { label: '{}', text: '{}' };
      else event = await pickEvent(target.template, target.fn, this.eventOptions());
      return event && { target, event };
    }
    const node = isTreeNode(arg) ? arg : undefined;
    switch (node?.kind) {
      case 'function': {
        const event = await pickEvent(node.template, node.fn, this.eventOptions());
        return event && { target: node, event };
      }
      case 'trigger':
        return { target: node, event: { label: node.label, text: core().triggerEventText(node.template, node.fn, node.trigger, this.eventOptions()) } };
      case 'savedEvent':
        return { target: node, event: { label: node.event.name, text: readEventFile(node.event.file).toString('utf8') } };
      default:
        throw new WorkbenchError(ErrorCode.Usage, 'lambdaWorkbench.invoke: nothing to invoke — pick a function, trigger or saved event in the Lambda view');
    }
  }

  private async pickFunction(): Promise<InvokeTarget | undefined> {
    const targets = this.deps.services.catalog.functions();
    if (targets.length === 0) {
      void vscode.window.showInformationMessage('No Lambda function in this workspace: open a folder with a SAM template, or run "Lambda: New Function…"');
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      targets.map((target) => ({
        label: target.fn.logicalId,
        description: `${target.fn.runtime ?? target.fn.packageType} · ${vscode.workspace.asRelativePath(target.template.file)}`,
        target,
      })),
      { title: 'Invoke', placeHolder: 'Pick the function to invoke', matchOnDescription: true },
    );
    return picked?.target;
  }

  private async run(target: InvokeTarget, event: PickedEvent, silent: boolean): Promise<InvokeResponse> {
    const { fn, template } = target;
    const { output, services, history } = this.deps;
    output.appendLine(`▶ ${fn.logicalId} · ${event.label}`);
    if (!silent) output.show(true);
    const startedAt = Date.now();
    const invoke = (signal?: AbortSignal) =>
      services.invokeService.invoke(fn, event.text, { signal, onLog: (line) => output.appendLine(logLineForDisplay(line)) });
    const result = silent ? await invoke() : await withInvokeProgress(`Invoking ${fn.logicalId}`, invoke);
    output.appendLine(`${fn.logicalId} · ${invocationStatus(result)} · ${formatDuration(result.report.durationMs)} · ${result.coldStart ? 'cold start' : 'warm'}\n`);
    const record: InvocationRecord = {
      id: randomUUID(),
      functionId: fn.logicalId,
      functionName: fn.functionName,
      templateFile: template.file,
      eventLabel: event.label,
      event: event.text,
      startedAt,
      result,
      memorySize: fn.memorySize,
      architecture: fn.architecture,
    };
    history.add(record);
    if (!silent) this.showPanel(record, fn.timeout);
    return responseOf(result.payload, result.functionError, result.report);
  }

  private showPanel(record: InvocationRecord, timeoutSeconds?: number): void {
    const timeout = timeoutSeconds ?? this.deps.services.catalog.get(record.templateFile)?.model?.functions.find((fn) => fn.logicalId === record.functionId)?.timeout;
    ResultPanel.show(this.deps.extensionUri, record, {
      rerun: (shown) => this.rerun(shown),
      openHandler: (shown) => this.deps.openHandler(this.freshTarget(shown.templateFile, shown.functionId).fn),
    }, { timeoutSeconds: timeout });
  }

  private recordOf(arg: unknown): InvocationRecord {
    const { history } = this.deps;
    const id = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null && 'id' in arg ? String(arg.id) : undefined;
    const record = id === undefined ? history.list()[0] : history.get(id);
    if (!record) throw new WorkbenchError(ErrorCode.Usage, id === undefined ? 'No invoke yet — invoke a function first (▶ in the Lambda view)' : 'That invoke is no longer in Recent Invocations — invoke the function again');
    return record;
  }

  /** Silent callers get the error thrown; users get it as a message (and in the output channel). */
  private fail(error: unknown, silent: boolean): undefined {
    if (silent) throw error instanceof Error ? error : new Error(String(error));
    const message = error instanceof Error ? error.message : String(error);
    this.deps.output.appendLine(`✖ ${message}`);
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
}

function isTreeNode(arg: unknown): arg is TreeNode {
  return typeof arg === 'object' && arg !== null && 'kind' in arg && 'id' in arg;
}

function responseOf(payload: Buffer, functionError: string | undefined, report: ReportFigures): InvokeResponse {
  const text = payload.toString('utf8');
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (a streamed or plain-text response): the string as is.
  }
  return functionError ? { payload: parsed, functionError, report } : { payload: parsed, report };
}
