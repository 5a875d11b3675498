// Errors that stop a whole `package` run before anything is built (CLI exit 2). Problems of one package are
// findings on its result instead, so the other packages are still built and reported.
import { ErrorCode, WorkbenchError } from '../errors';

export class PackageError extends WorkbenchError {
  constructor(message: string) {
    super(ErrorCode.Usage, message);
    this.name = 'PackageError';
  }
}

/** A problem of one package that stops it from being built; becomes an error finding on its result. */
export class BuildFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildFailure';
  }
}
