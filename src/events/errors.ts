// The one error type of the events area: a one-line message meant for the user, as is.
import { ErrorCode, WorkbenchError } from '../errors';

/** Bad input to event generation (unknown service/type/parameter, unsupported trigger, invalid event file). */
export class EventsError extends WorkbenchError {
  constructor(message: string) {
    super(ErrorCode.Usage, message);
    this.name = 'EventsError';
  }
}
