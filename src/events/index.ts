// Sample events: SAM's generate-event catalogue, events generated from a template's triggers, and event files on disk.
// Plain Node: no `vscode` here (the CLI, the runner's callers and the extension all use it).
export { EventsError } from './errors';
export { catalogueEntry, eventTypes, generateEvent, listEvents } from './catalogue';
export type { CatalogueEntry, CatalogueParam, ParamEncoding } from './catalogue';
export { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from './context';
export type { EventOptions } from './context';
export {
  eventForTrigger, eventForFunctionUrl, eventsForFunction, FUNCTION_URL_EVENT, SUPPORTED_TRIGGER_TYPES,
} from './triggers';
export type { FunctionEvent } from './triggers';
export { functionEventsDir, listSavedEvents, readEventFile } from './savedEvents';
export type { SavedEvent } from './savedEvents';
export { findJsonSyntaxError } from '../util/jsonSyntax';
