// The adapter carrying the DAP conversation with debugpy itself, for editors without a Python debugger (code-server
// has none): it connects to the environment's debugpy as a client, hands over the editor's breakpoints, and from then
// on forwards the editor's requests (threads, stack, variables, stepping, evaluate, ...) and debugpy's events.
import type { DebugProtocol } from '@vscode/debugprotocol';
import { debugpyAttachArguments } from './attachConfig';
import { type BreakpointStore, isPythonSource, withIds } from './breakpointStore';
import { DapSocket } from './dapSocket';
import type { DebugEndpoint } from '../runner/types';

/** Requests answered by debugpy once it is connected. */
const FORWARDED = new Set([
  'threads', 'stackTrace', 'scopes', 'variables', 'setVariable', 'setExpression', 'source', 'evaluate', 'completions',
  'continue', 'next', 'stepIn', 'stepOut', 'pause', 'exceptionInfo', 'modules', 'loadedSources', 'stepInTargets',
]);
/**
 * Requests that let the function run on. Its environment ends with its invoke, so debugpy can be gone before it
 * answers one of these: the function did run on, and the editor is told so rather than shown an error.
 */
const RESUMING = new Set(['continue', 'next', 'stepIn', 'stepOut']);
/** debugpy's events the editor needs; the session's own life (initialized, process, terminated, exited) is ours. */
const RELAYED_EVENTS = new Set(['stopped', 'continued', 'thread', 'module', 'loadedSource', 'invalidated', 'output']);

export interface ProxyHost {
  sendEvent(event: DebugProtocol.Event): void;
  /** The editor's initialize arguments (line/column numbering is passed through unchanged). */
  clientArgs: DebugProtocol.InitializeRequestArguments;
  store: BreakpointStore;
  /** Resolves when the editor has sent configurationDone. */
  configured: Promise<void>;
}

export class PythonProxy {
  private ready = false;
  private exceptionFilterDefaults: string[] = [];

  private constructor(
    private readonly socket: DapSocket,
    private readonly host: ProxyHost,
  ) {}

  /** Connects, configures debugpy with the editor's breakpoints, and lets the function run. */
  static async attach(host: ProxyHost, endpoint: DebugEndpoint, justMyCode: boolean, onClose: () => void): Promise<PythonProxy> {
    const relay: { to?: PythonProxy } = {};
    const socket = await DapSocket.connect(endpoint.host, endpoint.port, (event) => relay.to?.relay(event), onClose);
    const proxy = (relay.to = new PythonProxy(socket, host));
    await proxy.handshake(endpoint, justMyCode);
    return proxy;
  }

  static forwards(command: string): boolean {
    return FORWARDED.has(command) || command === 'setBreakpoints' || command === 'setExceptionBreakpoints';
  }

  /** The answer to one of the editor's requests (`forwards(request.command)` is true). */
  async answer(request: DebugProtocol.Request): Promise<DebugProtocol.Response> {
    if (request.command === 'setBreakpoints') return this.setBreakpoints(request);
    if (request.command === 'setExceptionBreakpoints') {
      this.host.store.exceptionFilters = request.arguments as DebugProtocol.SetExceptionBreakpointsArguments;
      return asAnswer(request, await this.socket.request('setExceptionBreakpoints', request.arguments));
    }
    const response = await this.socket.request(request.command, request.arguments);
    if (!response.success && this.socket.isClosed && RESUMING.has(request.command)) {
      return { ...responseTo(request), success: true, body: request.command === 'continue' ? { allThreadsContinued: true } : undefined };
    }
    return asAnswer(request, response);
  }

  close(): void {
    this.socket.close();
  }

  private async handshake(endpoint: DebugEndpoint, justMyCode: boolean): Promise<void> {
    const client = this.host.clientArgs;
    const initialized = await this.socket.request('initialize', {
      clientID: 'lambda-workbench',
      clientName: 'Lambda Workbench',
      adapterID: 'debugpy',
      pathFormat: 'path',
      linesStartAt1: client.linesStartAt1 ?? true,
      columnsStartAt1: client.columnsStartAt1 ?? true,
      supportsVariableType: client.supportsVariableType,
      supportsVariablePaging: client.supportsVariablePaging,
      supportsInvalidatedEvent: client.supportsInvalidatedEvent,
      supportsRunInTerminalRequest: false,
    });
    if (!initialized.success) throw new Error(`debugpy refused to initialize: ${initialized.message}`);
    const capabilities = (initialized.body ?? {}) as DebugProtocol.Capabilities;
    this.exceptionFilterDefaults = (capabilities.exceptionBreakpointFilters ?? []).filter((f) => f.default).map((f) => f.filter);
    // What the editor may now ask of this session: debugpy's abilities (the session's own life stays the adapter's).
    this.host.sendEvent(capabilitiesEvent(capabilities));
    const attached = this.socket.request('attach', debugpyAttachArguments(endpoint, justMyCode));
    await this.host.configured;
    for (const entry of this.host.store.pythonSources()) {
      const response = await this.socket.request('setBreakpoints', entry.args);
      const verdicts = (response.body as DebugProtocol.SetBreakpointsResponse['body'] | undefined)?.breakpoints;
      for (const breakpoint of withIds(entry, verdicts, response.success ? undefined : response.message)) {
        this.host.sendEvent(event('breakpoint', { reason: 'changed', breakpoint }));
      }
    }
    await this.socket.request('setExceptionBreakpoints', this.host.store.exceptionFilters ?? { filters: this.exceptionFilterDefaults });
    const done = await this.socket.request('configurationDone');
    if (!done.success) throw new Error(`debugpy refused the configuration: ${done.message}`);
    const attach = await attached;
    if (!attach.success) throw new Error(`debugpy refused to attach: ${attach.message}`);
    this.ready = true;
  }

  private async setBreakpoints(request: DebugProtocol.Request): Promise<DebugProtocol.Response> {
    const args = request.arguments as DebugProtocol.SetBreakpointsArguments;
    const entry = this.host.store.set(args);
    let breakpoints: DebugProtocol.Breakpoint[];
    if (this.ready && isPythonSource(args.source)) {
      const response = await this.socket.request('setBreakpoints', args);
      const verdicts = (response.body as DebugProtocol.SetBreakpointsResponse['body'] | undefined)?.breakpoints;
      breakpoints = withIds(entry, verdicts, response.success ? undefined : response.message);
    } else {
      breakpoints = withIds(entry);
    }
    return { ...responseTo(request), success: true, body: { breakpoints } };
  }

  private relay(message: DebugProtocol.Event): void {
    if (!RELAYED_EVENTS.has(message.event)) return;
    // The function's own stdout/stderr already arrive as its log lines.
    const category = (message.body as { category?: string } | undefined)?.category;
    if (message.event === 'output' && (category === 'stdout' || category === 'stderr' || category === 'telemetry')) return;
    this.host.sendEvent(event(message.event, message.body));
  }
}

/** Before debugpy is connected: the editor's breakpoints are kept and reported unverified. */
export function answerBeforeConnected(request: DebugProtocol.Request, store: BreakpointStore): DebugProtocol.Response {
  if (request.command === 'setBreakpoints') {
    const entry = store.set(request.arguments as DebugProtocol.SetBreakpointsArguments);
    return { ...responseTo(request), success: true, body: { breakpoints: withIds(entry) } };
  }
  if (request.command === 'setExceptionBreakpoints') {
    store.exceptionFilters = request.arguments as DebugProtocol.SetExceptionBreakpointsArguments;
    return { ...responseTo(request), success: true };
  }
  if (request.command === 'threads') return { ...responseTo(request), success: true, body: { threads: [] } };
  return { ...responseTo(request), success: false, message: 'The function is not stopped in a debugger' };
}

function capabilitiesEvent(capabilities: DebugProtocol.Capabilities): DebugProtocol.Event {
  const {
    supportsConditionalBreakpoints, supportsHitConditionalBreakpoints, supportsLogPoints, supportsEvaluateForHovers,
    supportsSetVariable, supportsSetExpression, supportsCompletionsRequest, supportsExceptionInfoRequest,
    supportsValueFormattingOptions, supportsStepInTargetsRequest, supportsModulesRequest, supportsLoadedSourcesRequest,
    exceptionBreakpointFilters, supportsExceptionOptions, supportsExceptionFilterOptions, completionTriggerCharacters,
  } = capabilities;
  return event('capabilities', {
    capabilities: {
      supportsConditionalBreakpoints, supportsHitConditionalBreakpoints, supportsLogPoints, supportsEvaluateForHovers,
      supportsSetVariable, supportsSetExpression, supportsCompletionsRequest, supportsExceptionInfoRequest,
      supportsValueFormattingOptions, supportsStepInTargetsRequest, supportsModulesRequest, supportsLoadedSourcesRequest,
      exceptionBreakpointFilters, supportsExceptionOptions, supportsExceptionFilterOptions, completionTriggerCharacters,
    },
  });
}

function event(name: string, body: unknown): DebugProtocol.Event {
  return { seq: 0, type: 'event', event: name, body };
}

function responseTo(request: DebugProtocol.Request): Omit<DebugProtocol.Response, 'success'> {
  return { seq: 0, type: 'response', request_seq: request.seq, command: request.command };
}

/** debugpy's response, re-addressed to the editor's request. */
function asAnswer(request: DebugProtocol.Request, response: DebugProtocol.Response): DebugProtocol.Response {
  return { ...responseTo(request), success: response.success, message: response.message, body: response.body as unknown };
}
