// What the result panel shows for one invoke, computed in plain Node so it can be tested without an editor:
// status, payload, REPORT figures as bars, estimated cost and classified log lines. The page (media/result.js)
// only lays this out.
import { estimateCost, formatUsd, type PricedArchitecture } from '../pricing';
import type { InvocationRecord } from './invocationRecord';
import { classifyLogLine, type LogLine } from './logLevels';

export interface ResultViewOptions {
  /** The function's Timeout; the duration bars are drawn against it when known. */
  timeoutSeconds?: number;
  /** Which buttons the panel can act on. */
  actions?: { rerun: boolean; openHandler: boolean };
}

export interface Bar {
  kind: 'init' | 'duration' | 'billed' | 'memory';
  label: string;
  /** The figure, formatted (`12.34 ms`, `74 MB of 128 MB`). */
  value: string;
  /** 0..1 of the scale (clamped). */
  fraction: number;
  /** Drawn in the error colour: the invoke timed out, or memory is nearly (or fully) used. */
  alert: boolean;
}

export interface ResultView {
  title: string;
  functionId: string;
  functionName: string;
  eventLabel: string;
  /** ISO time the invoke began. */
  startedAt: string;
  requestId: string;
  coldStart: boolean;
  streamed: boolean;
  status: { ok: boolean; text: string; message?: string };
  payload: { text: string; contentType: string; isJson: boolean; bytes: number };
  report: { timeBars: Bar[]; memoryBar: Bar; scaleLabel: string };
  cost: {
    perInvoke: string;
    perMillion: string;
    basis: string;
    /** Which prices: shown beside the heading. */
    priceNote: string;
    alternative: { architecture: PricedArchitecture; perMillion: string };
  };
  log: LogLine[];
  actions: { rerun: boolean; openHandler: boolean };
}

/** Memory use from which the bar turns red: close enough to the limit that the next invoke may run out. */
const MEMORY_ALERT = 0.9;

export function buildResultView(record: InvocationRecord, options: ResultViewOptions = {}): ResultView {
  const { result } = record;
  const payloadText = result.payload.toString('utf8');
  const parsed = parseJson(payloadText);
  return {
    title: `Lambda: ${record.functionId}`,
    functionId: record.functionId,
    functionName: record.functionName,
    eventLabel: record.eventLabel,
    startedAt: new Date(record.startedAt).toISOString(),
    requestId: result.requestId,
    coldStart: result.coldStart,
    streamed: result.streamed,
    status: statusOf(record, parsed),
    payload: {
      text: payloadText,
      contentType: result.contentType,
      isJson: parsed !== undefined,
      bytes: result.payload.length,
    },
    report: reportBars(record, options.timeoutSeconds),
    cost: costOf(record),
    log: result.logs.map(classifyLogLine),
    actions: options.actions ?? { rerun: false, openHandler: false },
  };
}

function statusOf(record: InvocationRecord, payload: unknown): ResultView['status'] {
  const { result } = record;
  if (!result.functionError) return { ok: true, text: 'Succeeded' };
  const document = isObject(payload) ? payload : {};
  const documentType = typeof document.errorType === 'string' ? document.errorType : undefined;
  const message = typeof document.errorMessage === 'string' ? document.errorMessage : undefined;
  const text = result.errorType ?? documentType ?? result.report.errorType ?? 'Unhandled';
  return message === undefined ? { ok: false, text } : { ok: false, text, message };
}

function reportBars(record: InvocationRecord, timeoutSeconds: number | undefined): ResultView['report'] {
  const { durationMs, initDurationMs, billedDurationMs, maxMemoryUsedMB, status } = record.result.report;
  const memorySizeMB = memoryOf(record);
  const timeoutMs = timeoutSeconds !== undefined && timeoutSeconds > 0 ? timeoutSeconds * 1000 : undefined;
  // Without a timeout the longest bar fills the track, so the others still read as proportions of it.
  const scaleMs = timeoutMs ?? Math.max(durationMs + (initDurationMs ?? 0), billedDurationMs, 1);
  const timeBar = (kind: Bar['kind'], label: string, ms: number, digits: number, alert = false): Bar =>
    ({ kind, label, value: `${formatMs(ms, digits)} ms`, fraction: clamp(ms / scaleMs), alert });
  const timeBars = [
    ...(initDurationMs !== undefined ? [timeBar('init', 'Init duration', initDurationMs, 2)] : []),
    timeBar('duration', 'Duration', durationMs, 2, status === 'timeout'),
    timeBar('billed', 'Billed duration', billedDurationMs, 0),
  ];
  const percent = Math.round((maxMemoryUsedMB / memorySizeMB) * 100);
  const memoryBar: Bar = {
    kind: 'memory',
    label: 'Memory used',
    value: `${maxMemoryUsedMB} MB of ${memorySizeMB} MB (${percent}%)`,
    fraction: clamp(maxMemoryUsedMB / memorySizeMB),
    alert: maxMemoryUsedMB / memorySizeMB >= MEMORY_ALERT,
  };
  const scaleLabel = timeoutMs !== undefined ? `against the ${formatSeconds(timeoutSeconds ?? 0)} timeout` : 'relative to the longest';
  return { timeBars, memoryBar, scaleLabel };
}

function costOf(record: InvocationRecord): ResultView['cost'] {
  const { billedDurationMs } = record.result.report;
  const memorySizeMB = memoryOf(record);
  const cost = estimateCost({ billedDurationMs, memorySizeMB, architecture: record.architecture });
  const otherArchitecture: PricedArchitecture = record.architecture === 'arm64' ? 'x86_64' : 'arm64';
  const other = estimateCost({ billedDurationMs, memorySizeMB, architecture: otherArchitecture });
  return {
    perInvoke: formatUsd(cost.perInvoke),
    perMillion: formatUsd(cost.perMillion),
    basis: `${memorySizeMB} MB · ${record.architecture} · ${formatMs(billedDurationMs, 0)} ms billed · ` +
      `${formatGbSeconds(cost.gbSeconds)} GB-s`,
    priceNote: 'us-east-1 list prices',
    alternative: { architecture: otherArchitecture, perMillion: formatUsd(other.perMillion) },
  };
}

/** The REPORT's Memory Size is what the environment ran with; the record's is the fallback. */
function memoryOf(record: InvocationRecord): number {
  return record.result.report.memorySizeMB > 0 ? record.result.report.memorySizeMB : record.memorySize;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clamp(fraction: number): number {
  return Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
}

function formatMs(ms: number, digits: number): string {
  return ms.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatSeconds(seconds: number): string {
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

function formatGbSeconds(gbSeconds: number): string {
  if (gbSeconds === 0) return '0';
  return gbSeconds >= 0.01 ? gbSeconds.toFixed(2) : gbSeconds.toPrecision(2);
}
