// What a CLI command gets from the outside world, so commands can be called from tests without a process.
export interface CliIO {
  /** The invoke payload and machine-readable output. */
  stdout: (text: string | Buffer) => void;
  /** Logs, warnings and one-line errors. */
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Standard input (for `-e -`). */
  readStdin: () => Promise<Buffer>;
  /** Whether stderr is a terminal (to colour and to show `\r` in multi-line log records as new lines). */
  stderrIsTTY: boolean;
}

/** A CLI command: takes its own arguments (after the command name) and returns the exit code. */
export type CliCommand = (args: string[], io: CliIO) => Promise<number>;

/** Exit codes of the command-line contract (DESIGN.md): 0 success, 1 function error, 2 the function never ran. */
export const enum ExitCode {
  Success = 0,
  FunctionError = 1,
  Usage = 2,
}
