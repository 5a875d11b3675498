// "Which event?" when a function is invoked: its saved events, events generated from its triggers, or `{}`.
import path from 'node:path';
import * as vscode from 'vscode';
import type { EventOptions } from '../events/context';
import type { FunctionModel, TemplateModel } from '../model/types';
import type { EventChoice } from './eventChoices';
import { core } from './lazyCore';

/** The event an invoke sends, and what to call it in the Recent Invocations view. */
export interface PickedEvent {
  label: string;
  text: string;
  /** The event file, for a saved event. */
  file?: string;
}

interface ChoiceItem extends vscode.QuickPickItem {
  choice?: EventChoice;
}

const ICONS: Record<EventChoice['kind'], string> = { saved: '$(json)', generated: '$(zap)', empty: '$(circle-outline)' };
const SECTIONS: Record<EventChoice['kind'], string | undefined> = { saved: 'Saved events', generated: 'From triggers', empty: undefined };

/** Asks for an event; undefined when the user cancels. A function with nothing to offer but `{}` gets `{}` at once. */
export async function pickEvent(template: TemplateModel, fn: FunctionModel, options: EventOptions): Promise<PickedEvent | undefined> {
  const choices = core().eventChoices(template, fn, options);
  if (choices.length === 1) return { label: choices[0].label, text: choices[0].text(), file: choices[0].file };
  const items: ChoiceItem[] = [];
  let section: string | undefined;
  for (const choice of choices) {
    if (SECTIONS[choice.kind] !== section) {
      section = SECTIONS[choice.kind];
      items.push({ label: section ?? '', kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({
      label: `${choice.error ? '$(warning)' : ICONS[choice.kind]} ${choice.label}`,
      description: choice.file ? path.relative(template.dir, choice.file) : choice.description,
      detail: choice.error,
      choice,
    });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: `Invoke ${fn.logicalId}`,
    placeHolder: 'Pick the event to send',
    matchOnDescription: true,
  });
  if (!picked?.choice) return undefined;
  return { label: picked.choice.label, text: picked.choice.text(), file: picked.choice.file };
}
