// `lambda-workbench invoke`: one invoke, as `sam local invoke` does it — the payload on stdout, the log on stderr,
// exit 0 (success), 1 (function error) or 2 (the function never ran).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { errors } from '../errors';
import { findFunction } from '../model';
import { loadTemplateFrom } from './templateArgs';
import { Runner } from '../runner';
import type { DebugEndpoint, RunnableFunction } from '../runner/types';
import { readEnvVarsFile } from './envVarsFile';
import { checkHandlerFile } from './handlerCheck';
import { checkEventJson, readEventFile } from './eventInput';
import { ExitCode, type CliCommand, type CliIO } from './io';

export const invokeHelp = `Usage: lambda-workbench invoke [FUNCTION] [options]
       lambda-workbench invoke --handler FILE.EXPORT --runtime RUNTIME [--code-dir DIR] [options]

Invokes a function once in the local Lambda runtime. The payload goes to stdout, exactly as
Lambda's Invoke API returns it; the log (INIT_START, START, the function's output, END, REPORT)
goes to stderr. Exit code: 0 success, 1 function error, 2 the function never ran.

  FUNCTION                     logical id or FunctionName (optional when the template has one function)
  -t, --template FILE          SAM template (default ./template.yaml, then ./template.yml)
  -e, --event FILE             event file, or - for standard input (default {})
      --event-json JSON        the event as a string
      --env-vars FILE          SAM's format: {"FunctionId": {"KEY": "value"}, "Parameters": {...}}
      --parameter-overrides P  template parameters: 'Key=Value Key2=Value2'
      --log-format text|json   overrides LoggingConfig.LogFormat
  -d, --debug-port N           start under the Node.js inspector or debugpy on 127.0.0.1:N (0: a free port)
                               and wait for a debugger; time stopped in it does not count against the timeout
      --region REGION          default AWS_REGION, AWS_DEFAULT_REGION, then us-east-1
      --account-id ID          default 123456789012
  Without a template:
      --handler FILE.EXPORT    e.g. app.handler
      --runtime RUNTIME        e.g. nodejs22.x, python3.12, provided.al2023
      --code-dir DIR           default .
      --timeout S              default 3
      --memory MB              default 128
  -h, --help
`;

export const invokeCommand: CliCommand = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      template: { type: 'string', short: 't' },
      event: { type: 'string', short: 'e' },
      'event-json': { type: 'string' },
      'env-vars': { type: 'string' },
      'parameter-overrides': { type: 'string', multiple: true },
      'log-format': { type: 'string' },
      'debug-port': { type: 'string', short: 'd' },
      region: { type: 'string' },
      'account-id': { type: 'string' },
      handler: { type: 'string' },
      runtime: { type: 'string' },
      'code-dir': { type: 'string' },
      timeout: { type: 'string' },
      memory: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(invokeHelp);
    return ExitCode.Success;
  }
  if (positionals.length > 1) throw errors.usage(`invoke takes one FUNCTION, got ${positionals.length}: ${positionals.join(' ')} — see lambda-workbench invoke --help`);
  if (values.event !== undefined && values['event-json'] !== undefined) throw errors.usage('Give the event with -e or --event-json, not both');
  const logFormat = parseLogFormat(values['log-format']);
  const debugPort = values['debug-port'] === undefined ? undefined : parseNumber(values['debug-port'], '--debug-port', 0, 0, 65535);
  const region = values.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const accountId = values['account-id'] ?? '123456789012';

  let fn: RunnableFunction;
  let ids: string[];
  if (values.handler !== undefined || values.runtime !== undefined) {
    if (!values.handler || !values.runtime) throw errors.usage('--handler and --runtime go together — give both, or use a template');
    if (positionals.length) throw errors.usage('FUNCTION names a template function; with --handler leave it out');
    fn = {
      functionName: 'function',
      codeDir: path.resolve(io.cwd, values['code-dir'] ?? '.'),
      handler: values.handler,
      runtime: values.runtime,
      timeout: parseNumber(values.timeout, '--timeout', 3, 1, 900),
      memorySize: parseNumber(values.memory, '--memory', 128, 128, 10240),
      environment: {},
      architecture: 'x86_64',
      ephemeralStorage: 512,
      logging: { logFormat: 'Text' },
      layers: [],
    };
    ids = ['function'];
  } else {
    const model = loadTemplateFrom(values, io, { region, accountId, alternative: ', or --handler and --runtime' });
    const found = findFunction(model, positionals[0]);
    fn = found;
    ids = [found.logicalId, found.functionName];
  }

  checkHandlerFile(fn);
  const event = await readEvent(values.event, values['event-json'], io);
  const envOverrides = values['env-vars'] ? readEnvVarsFile(path.resolve(io.cwd, values['env-vars']), ids) : undefined;
  const showLine = (line: string) => (line.includes('\r') && io.stderrIsTTY ? line.replace(/\r/g, '\n') : line);
  const runner = new Runner({
    region,
    accountId,
    logFormat,
    envOverrides,
    runtimeBinaries: {},
    // The CLI ends its environments on every way out (exit hook, signals below), so needs no watchdog.
    watchdog: false,
    // One invoke: the environment's process goes while the result is written out.
    singleUse: true,
    // A cold process: the function's starts before the modules that child_process.spawn needs have loaded.
    spawnEarly: true,
    onWarning: (message) => io.stderr(`lambda-workbench: warning: ${message}\n`),
  });
  try {
    const result = await runner.invoke(fn, event, {
      onLog: (line) => io.stderr(`${showLine(line)}\n`),
      debug: debugPort === undefined ? undefined : { port: debugPort, onListening: (endpoint) => io.stderr(howToAttach(endpoint)) },
    });
    io.stdout(result.payload);
    if (io.stderrIsTTY && !result.payload.toString('latin1').endsWith('\n')) io.stderr('\n');
    return result.functionError ? ExitCode.FunctionError : ExitCode.Success;
  } finally {
    // Waits for the killed environment to be reaped: an exit before that leaves a zombie wherever init does not reap.
    await runner.dispose();
  }
};

/** What `sam local invoke -d` prints, for our two debuggers. */
function howToAttach(endpoint: DebugEndpoint): string {
  const where = `${endpoint.host}:${endpoint.port}`;
  const attach = endpoint.protocol === 'inspector'
    ? `attach with VS Code's "Attach to Node Process" (or a "node" attach configuration on port ${endpoint.port}), or chrome://inspect`
    : `attach with VS Code's "Python Debugger: Remote Attach" (host ${endpoint.host}, port ${endpoint.port}) — Python: ${endpoint.interpreter}`;
  return `Debugger listening on ${where} (${endpoint.debugger}) — ${attach}. The function waits for it; time stopped in the debugger does not count against the timeout.\n`;
}

async function readEvent(file: string | undefined, json: string | undefined, io: CliIO): Promise<Buffer> {
  let bytes: Buffer;
  let source: string;
  if (json !== undefined) {
    bytes = Buffer.from(json);
    source = '--event-json';
  } else if (file === '-') {
    bytes = await io.readStdin();
    source = '<stdin>';
  } else if (file !== undefined) {
    source = path.resolve(io.cwd, file);
    bytes = readEventFile(source);
  } else {
    return Buffer.from('{}');
  }
  if (bytes.length > 6_291_456) throw errors.requestTooLarge(bytes.length);
  checkEventJson(bytes, source);
  return bytes;
}

function parseLogFormat(value: string | undefined): 'Text' | 'JSON' | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (lower === 'text') return 'Text';
  if (lower === 'json') return 'JSON';
  throw errors.usage(`--log-format must be text or json, not '${value}'`);
}

function parseNumber(value: string | undefined, flag: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw errors.usage(`${flag} must be a whole number from ${min} to ${max}, not '${value}'`);
  return n;
}
