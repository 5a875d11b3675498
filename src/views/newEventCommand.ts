// "New Event from Trigger": writes the trigger's generated event to `events/<FunctionId>/<name>.json` (a free
// name: nothing is overwritten) and opens it, so it can be edited and then invoked from the tree.
import * as vscode from 'vscode';
import type { EventOptions } from '../events/context';
import { functionEventsDir } from '../events/savedEvents';
import { eventFileBaseName, writeNewEventFile } from './eventFiles';
import { core } from './lazyCore';
import type { TriggerNode } from './treeModel';

/** Returns the file written. */
export async function newEventFromTrigger(node: TriggerNode, options: EventOptions): Promise<string> {
  const { triggerEventText, FUNCTION_URL_EVENT } = core();
  const text = triggerEventText(node.template, node.fn, node.trigger, options);
  const file = writeNewEventFile(functionEventsDir(node.template, node.fn), eventFileBaseName(node.trigger?.id ?? FUNCTION_URL_EVENT), text);
  await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
  return file;
}
