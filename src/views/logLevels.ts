// The level of each line of an invoke's log, so the result panel can colour it. The formats are Lambda's own
// (spec §3): platform lines (TEXT and JSON), Node's `<ts>\t<id>\tLEVEL\t…`, Python's `[LEVEL]\t…`, and JSON
// application records with `level` (Python's invocation-error record says `log_level`).

export type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'platform' | 'plain';

export interface LogLine {
  level: LogLevel;
  /** The line as written, with `\r` (Lambda's in-record line break) shown as a new line. */
  text: string;
}

const LEVEL_WORDS: Readonly<Record<string, LogLevel>> = {
  FATAL: 'error',
  CRITICAL: 'error',
  ERROR: 'error',
  WARN: 'warn',
  WARNING: 'warn',
  INFO: 'info',
  DEBUG: 'debug',
  TRACE: 'debug',
};

const TEXT_PLATFORM = /^(?:(?:START|END|REPORT) RequestId: |INIT_(?:START|REPORT|RUNTIME_DONE)\b|EXTENSION\t|TELEMETRY\t)/;
/** `<ISO> <id> Task timed out after 3.00 seconds`, and the two lines of a runtime crash. */
const TEXT_PLATFORM_ERROR = /^(?:\S+ \S+ Task timed out after |RequestId: \S+ Error: |Runtime\.\w+$)/;
/** Node: `<timestamp>\t<requestId>\tLEVEL\t<message>`. */
const NODE_TEXT = /^[^\t]*\t[^\t]*\t([A-Z]+)\t/;
/** Python: `[LEVEL]\t<timestamp>\t…`, or `[ERROR] Type: message` for an invocation error. */
const PYTHON_TEXT = /^\[([A-Z]+)\][\t ]/;

export function classifyLogLine(line: string): LogLine {
  return { level: levelOf(line), text: line.replace(/\r\n?/g, '\n') };
}

export function levelOf(line: string): LogLevel {
  if (line.startsWith('{')) {
    const level = jsonLevel(line);
    if (level) return level;
  }
  if (TEXT_PLATFORM.test(line)) return 'platform';
  if (TEXT_PLATFORM_ERROR.test(line)) return 'error';
  const word = NODE_TEXT.exec(line)?.[1] ?? PYTHON_TEXT.exec(line)?.[1];
  return (word && LEVEL_WORDS[word]) || 'plain';
}

function jsonLevel(line: string): LogLevel | undefined {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const { type, level, log_level: logLevel } = record as Record<string, unknown>;
  if (typeof type === 'string' && type.startsWith('platform.')) return 'platform';
  const word = typeof level === 'string' ? level : typeof logLevel === 'string' ? logLevel : undefined;
  return word === undefined ? undefined : LEVEL_WORDS[word.toUpperCase()];
}
