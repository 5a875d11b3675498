// A new function in a SAM template: its code folder, its entries in template.yaml (or a new template), and a sample
// event for its trigger. Everything is worked out and checked first; only then is anything written.
import fs from 'node:fs';
import path from 'node:path';
import { errors } from '../errors';
import { eventForTrigger } from '../events';
import { findFunction, loadTemplate } from '../model';
import { handlerCode, type HandlerCode } from './code';
import { scaffoldNames, type ScaffoldNames } from './names';
import { checkOptions, type NewFunctionOptions, type NewFunctionResult } from './options';
import { describeFunction, functionResources, type FunctionResources } from './resources';
import { addResources, newTemplateText, parseForEdit, takenLogicalIds } from './templateText';
import { FileTransaction } from './writer';

/** A file written along with the function when it does not exist yet (a new project's README and .gitignore). */
export interface ExtraFile {
  file: string;
  content: string;
}

interface Plan {
  names: ScaffoldNames;
  code: HandlerCode;
  entries: FunctionResources;
  codeDir: string;
  templateFile: string;
  templateText: string;
  templateCreated: boolean;
  eventFile: string;
}

/** Adds a function to `options.templateFile` (creating it when missing). Throws WorkbenchError, writing nothing. */
export function newFunction(options: NewFunctionOptions): NewFunctionResult {
  return createFunction(options);
}

export function createFunction(options: NewFunctionOptions, extras: ExtraFile[] = []): NewFunctionResult {
  const plan = planFunction(options);
  const transaction = new FileTransaction();
  try {
    for (const file of plan.code.files) transaction.create(path.join(plan.codeDir, file.path), file.content, file.executable);
    if (plan.templateCreated) transaction.create(plan.templateFile, plan.templateText);
    else transaction.replace(plan.templateFile, plan.templateText);
    transaction.create(plan.eventFile, `${JSON.stringify(sampleEvent(plan), null, 2)}\n`);
    for (const extra of extras) transaction.create(extra.file, extra.content);
  } catch (error) {
    transaction.rollback();
    throw error;
  }
  return {
    logicalId: plan.names.logicalId,
    codeDir: plan.codeDir,
    handlerFile: path.join(plan.codeDir, plan.code.handlerFile),
    handlerLine: plan.code.handlerLine,
    eventFile: plan.eventFile,
    templateFile: plan.templateFile,
    templateCreated: plan.templateCreated,
    filesWritten: [...transaction.written],
  };
}

function planFunction(options: NewFunctionOptions): Plan {
  const checked = checkOptions(options);
  const templateFile = path.resolve(checked.templateFile);
  const dir = path.dirname(templateFile);
  const names = scaffoldNames(checked.name);
  const summary = describeFunction(names, checked.trigger);
  const code = handlerCode({ names, runtime: checked.runtime, trigger: checked.trigger, summary }, checked.language);
  const entries = functionResources({ names, runtime: checked.runtime, handler: code.handler, metadata: code.metadata, trigger: checked.trigger });
  const shown = (file: string) => path.relative(dir, file) || file;

  const existing = readTemplate(templateFile);
  let templateText: string;
  if (existing === undefined) {
    templateText = newTemplateText(`${path.basename(dir)}: a serverless application made with Lambda Workbench.`, entries.resources, entries.summary);
  } else {
    const taken = takenLogicalIds(parseForEdit(existing, templateFile));
    for (const id of Object.keys(entries.resources)) {
      if (!taken.has(id)) continue;
      const what = id === names.logicalId ? 'A resource' : `The ${names.logicalId} trigger needs ${id}, but a resource`;
      throw errors.usage(`${what} named ${id} already exists in ${path.basename(templateFile)} — nothing was written; choose another function name`);
    }
    templateText = addResources(existing, templateFile, entries.resources, entries.summary);
  }

  const codeDir = path.join(dir, names.kebab);
  const handlerFile = path.join(codeDir, code.handlerFile);
  if (fs.existsSync(handlerFile)) {
    throw errors.usage(`${shown(handlerFile)} already exists — nothing was written; choose another function name, or move it away`);
  }
  if (fs.existsSync(codeDir)) {
    throw errors.usage(`The folder ${shown(codeDir)}${path.sep} already exists — nothing was written; choose another function name, or move it away`);
  }
  const eventFile = path.join(dir, 'events', names.logicalId, `${entries.eventName}.json`);
  if (fs.existsSync(eventFile)) {
    throw errors.usage(`The event file ${shown(eventFile)} already exists — nothing was written; choose another function name, or move it away`);
  }
  return { names, code, entries, codeDir, templateFile, templateText, templateCreated: existing === undefined, eventFile };
}

function readTemplate(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') throw errors.usage(`${file} is a folder, not a template — pass the template file, e.g. template.yaml`);
    throw errors.usage(`Cannot read ${file} (${code ?? String(error)}) — check that it is readable`);
  }
}

/** The event the trigger would deliver, generated from the template as just written (bucket, queue, route). */
function sampleEvent(plan: Plan): unknown {
  const triggerId = plan.entries.triggerId;
  if (triggerId === undefined) return { name: 'Lambda' };
  const model = loadTemplate(plan.templateFile);
  const fn = findFunction(model, plan.names.logicalId);
  const trigger = fn.events.find((event) => event.id === triggerId);
  if (!trigger) throw errors.usage(`${plan.templateFile}: ${plan.names.logicalId} has no trigger ${triggerId} after writing — please report this`);
  return eventForTrigger(fn, trigger, model);
}
