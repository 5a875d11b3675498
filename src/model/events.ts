// A function's `Events`: every entry kept with its type and resolved properties (unknown types too), for the
// trigger tree and for generating sample events.
import type { ResourceContext } from './resourceContext';
import type { TriggerModel } from './types';
import { isRecord } from './values';

export function readEvents(context: ResourceContext): TriggerModel[] {
  const raw = context.properties.Events;
  if (raw === undefined || raw === null) return [];
  const { sourceMap } = context.template;
  // Events is normally a map; if it is itself an intrinsic (e.g. `!If`), resolve it whole (its entries lose their lines).
  const events = isRecord(raw) && !Object.keys(raw).some((key) => key === 'Ref' || key.startsWith('Fn::')) ? raw : context.value('Events');
  if (!isRecord(events)) {
    context.warn(context.valueLocation('Events'), `Events of ${context.logicalId} is not a map of events`, 'its events are ignored');
    return [];
  }
  const triggers: TriggerModel[] = [];
  for (const [id, event] of Object.entries(events)) {
    const location = sourceMap.keyOf(events, id) ?? context.keyLocation('Events');
    const resolved = context.resolveKeeping(event, `Event ${id}`);
    if (!isRecord(resolved) || typeof resolved.Type !== 'string') {
      context.warn(location, `Event ${id} of ${context.logicalId} has no Type`, 'it is ignored; set Type (Api, S3, SQS, Schedule, ...)');
      continue;
    }
    const properties = isRecord(resolved.Properties) ? resolved.Properties : {};
    triggers.push({ id, type: resolved.Type, properties, location });
  }
  return triggers;
}
