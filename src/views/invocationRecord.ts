// One invoke as the editor remembers it: what ran, with which event, and what came back. The result panel shows
// it, the "Recent Invocations" view lists it, and "Run Again" replays it.
import type { InvokeResult } from '../runner/types';

export interface InvocationRecord {
  id: string;
  /** The template's logical id. */
  functionId: string;
  /** The name inside the environment (FunctionName, else the logical id). */
  functionName: string;
  templateFile: string;
  /** What the event was, for people: a saved event's name, a trigger's label, or `{}`. */
  eventLabel: string;
  /** The event's JSON text, as sent. */
  event: string;
  /** Date.now() when the invoke began. */
  startedAt: number;
  result: InvokeResult;
  memorySize: number;
  architecture: 'x86_64' | 'arm64';
}
