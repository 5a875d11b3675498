// One catalogue of the errors Lambda Workbench itself reports to a user (as opposed to the Lambda error
// documents a function produces). Each is one line naming what is wrong and what to do.

export const enum ErrorCode {
  /** Bad arguments, bad template, bad event: the function never ran (CLI exit 2). */
  Usage = 'Usage',
  /** The request was over Lambda's limits (CLI exit 2). */
  RequestTooLarge = 'RequestTooLarge',
  /** The runtime cannot be started here (CLI exit 2). */
  UnsupportedRuntime = 'UnsupportedRuntime',
}

export class WorkbenchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbenchError';
  }
}

export const SUPPORTED_RUNTIMES = [
  'nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'nodejs24.x',
  'python3.9', 'python3.10', 'python3.11', 'python3.12', 'python3.13', 'python3.14',
  'provided.al2023', 'provided.al2', 'provided',
] as const;

export const errors = {
  usage: (message: string) => new WorkbenchError(ErrorCode.Usage, message),
  requestTooLarge: (bytes: number) =>
    new WorkbenchError(
      ErrorCode.RequestTooLarge,
      `RequestEntityTooLargeException: Request must be smaller than 6291456 bytes for the InvokeFunction operation (the event is ${bytes} bytes) — make the event smaller`,
    ),
  unsupportedRuntime: (runtime: string | undefined, fn: string) =>
    new WorkbenchError(
      ErrorCode.UnsupportedRuntime,
      `Runtime '${runtime ?? '(none)'}' of ${fn} is not supported locally — use one of: ${SUPPORTED_RUNTIMES.join(', ')}`,
    ),
  missingHandler: (fn: string) => new WorkbenchError(ErrorCode.Usage, `${fn} has no Handler — set Handler (e.g. app.handler)`),
  codeDirMissing: (fn: string, dir: string) =>
    new WorkbenchError(ErrorCode.Usage, `The code folder of ${fn} does not exist (${dir}) — create it or fix CodeUri`),
  handlerFileMissing: (fn: string, handler: string, dir: string) =>
    new WorkbenchError(
      ErrorCode.Usage,
      `Handler '${handler}' of ${fn}: no file for module in ${dir} — create it or fix Handler`,
    ),
  badEnvKey: (fn: string, key: string) =>
    new WorkbenchError(
      ErrorCode.Usage,
      `Environment variable '${key}' of ${fn} is invalid — keys start with a letter, have at least 2 characters, and use only letters, digits and '_'`,
    ),
  reservedEnvKey: (fn: string, key: string) =>
    new WorkbenchError(ErrorCode.Usage, `Environment variable '${key}' of ${fn} is reserved by Lambda — rename it`),
  envTooLarge: (fn: string, bytes: number) =>
    new WorkbenchError(
      ErrorCode.Usage,
      `Environment variables of ${fn} total ${bytes} bytes, over Lambda's 4 KB (4096 bytes) limit — remove or shorten some`,
    ),
  debugUnsupported: (fn: string, runtime: string) =>
    new WorkbenchError(
      ErrorCode.UnsupportedRuntime,
      `${fn} uses ${runtime}: only Node.js and Python functions can be started under a debugger — a custom runtime's bootstrap has to start its own`,
    ),
  debuggerUnavailable: (fn: string, reason: string) =>
    new WorkbenchError(ErrorCode.UnsupportedRuntime, `Cannot debug ${fn}: ${reason}`),
  pythonNotFound: (runtime: string) =>
    new WorkbenchError(
      ErrorCode.UnsupportedRuntime,
      `No Python interpreter found for ${runtime} — install ${runtime} or python3, or set LAMBDA_WORKBENCH_${runtime.toUpperCase().replace(/[^A-Z0-9]/g, '_')} to its path`,
    ),
};
