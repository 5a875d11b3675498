// The events a function can be invoked with, in the order the picker offers them: its saved event files, an event
// generated from each of its triggers, and `{}`. Plain Node; the picker in eventPicker.ts only shows these.
import { EventsError } from '../events/errors';
import type { EventOptions } from '../events/context';
import { listSavedEvents, readEventFile } from '../events/savedEvents';
import { eventForFunctionUrl, eventForTrigger, eventsForFunction } from '../events/triggers';
import type { FunctionModel, TemplateModel, TriggerModel } from '../model/types';
import { FUNCTION_URL_LABEL, triggerLabel } from './labels';

export interface EventChoice {
  kind: 'saved' | 'generated' | 'empty';
  /** What the picker and the Recent Invocations view call this event. */
  label: string;
  description: string;
  /** The event file, for saved events. */
  file?: string;
  /** Why no event could be generated for this trigger (then `text()` throws it). */
  error?: string;
  /** The event's JSON text (read or generated when called). */
  text: () => string;
}

export const EMPTY_EVENT_LABEL = '{}';

export function eventChoices(template: TemplateModel, fn: FunctionModel, options: EventOptions = {}): EventChoice[] {
  const saved: EventChoice[] = listSavedEvents(template, fn).map((event) => ({
    kind: 'saved',
    label: event.name,
    description: 'saved event',
    file: event.file,
    text: () => readEventFile(event.file).toString('utf8'),
  }));
  const generated: EventChoice[] = eventsForFunction(fn, template, options).map((generatedEvent) => ({
    kind: 'generated',
    label: generatedEvent.trigger ? generatedLabel(generatedEvent.name, generatedEvent.trigger) : FUNCTION_URL_LABEL,
    description: 'generated from trigger',
    error: generatedEvent.error,
    text: () => {
      if (generatedEvent.error) throw new EventsError(generatedEvent.error);
      return eventText(generatedEvent.event);
    },
  }));
  const empty: EventChoice = { kind: 'empty', label: EMPTY_EVENT_LABEL, description: 'empty event', text: () => '{}' };
  return [...saved, ...generated, empty];
}

/** A Cognito trigger with several `Trigger`s yields one event each (`<id>.<Trigger>`); name which one. */
function generatedLabel(name: string, trigger: TriggerModel): string {
  const label = triggerLabel(trigger);
  return name === trigger.id ? label : `${name.slice(trigger.id.length + 1)} · ${label}`;
}

/** The event a trigger (or, with no trigger, the function URL) delivers, as JSON text. Throws EventsError. */
export function triggerEventText(template: TemplateModel, fn: FunctionModel, trigger: TriggerModel | undefined,
  options: EventOptions = {}): string {
  return eventText(trigger ? eventForTrigger(fn, trigger, template, options) : eventForFunctionUrl(fn, template, options));
}

export function eventText(event: unknown): string {
  return `${JSON.stringify(event, null, 2)}\n`;
}
