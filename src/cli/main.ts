// `lambda-workbench`: the command-line twin of the extension. The contract (DESIGN.md) is kept: payload on stdout,
// logs on stderr, exit 0 / 1 / 2.
import { WorkbenchError } from '../errors';
import { ExitCode, type CliCommand, type CliIO } from './io';
import { drainStdio, stderrIsTTY, writeFd } from './stdio';

const usage = `Usage: lambda-workbench <command> [options]

Build, invoke and package AWS Lambda functions locally, in a runtime that behaves like Lambda.

Commands:
  invoke [FUNCTION]     invoke a function once (payload on stdout, log on stderr)
  list                  list the functions of a SAM template
  events                list and generate sample events (events list | generate | for)
  new NAME --runtime R  create a function: handler code, template entry and a sample event
  package [FUNCTION...] zip functions and layers for upload, checked and invoked once

Run 'lambda-workbench <command> --help' for a command's options.
`;

// Each command's module (and what it imports) loads only when that command runs: a cold invoke pays for nothing else.
/* eslint-disable @typescript-eslint/no-require-imports */
const commands: Record<string, () => CliCommand> = {
  invoke: () => (require('./invoke') as typeof import('./invoke')).invokeCommand,
  list: () => (require('./list') as typeof import('./list')).listCommand,
  events: () => (require('./events') as typeof import('./events')).eventsCommand,
  new: () => (require('./new') as typeof import('./new')).newCommand,
  package: () => (require('./package') as typeof import('./package')).packageCommand,
};
/* eslint-enable @typescript-eslint/no-require-imports */

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage);
    return name ? ExitCode.Success : ExitCode.Usage;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${process.env.LAMBDA_WORKBENCH_VERSION ?? '0.1.0'}\n`);
    return ExitCode.Success;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`lambda-workbench: unknown command '${name}' — use one of: ${Object.keys(commands).join(', ')}\n`);
    return ExitCode.Usage;
  }
  try {
    return await command()(args, io);
  } catch (error) {
    io.stderr(`lambda-workbench: ${describeError(error)}\n`);
    return ExitCode.Usage;
  }
}

function describeError(error: unknown): string {
  if (error instanceof WorkbenchError) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return `${(error as Error).message} — see --help`;
  return `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

function processIO(): CliIO {
  return {
    stdout: (text) => writeFd(1, text),
    stderr: (text) => writeFd(2, text),
    cwd: process.cwd(),
    env: process.env,
    // Asked when first needed (it loads node:tty), by then the function's process is on its way.
    get stderrIsTTY() {
      const value = stderrIsTTY();
      Object.defineProperty(this, 'stderrIsTTY', { value });
      return value;
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

/** The bin's entry (dist/cli.js loads this bundle and calls it). */
export function runFromCommandLine(): void {
  // Leave through process.exit, so the runner's exit hook ends every environment (even a frozen one).
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => process.exit(code));
  }
  void main(process.argv.slice(2), processIO()).then((code) => {
    // Leave as soon as stdout and stderr have drained, rather than when the last handle (a server, a timer) closes.
    process.exitCode = code;
    drainStdio(() => process.exit(code));
  });
}
