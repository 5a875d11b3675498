// Finding a template in a folder and a function in a template, with errors that list what is there.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { TemplateError } from './errors';
import type { FunctionModel, TemplateModel } from './types';

const TEMPLATE_NAMES = ['template.yaml', 'template.yml', 'template.json'];

/** `template.yaml`, then `template.yml`, then `template.json` in `dir` (absolute path), or undefined. */
export function findTemplate(dir: string): string | undefined {
  for (const name of TEMPLATE_NAMES) {
    const file = path.resolve(dir, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** A function by logical id or FunctionName; with no id, the template's only function. Throws TemplateError. */
export function findFunction(model: TemplateModel, id?: string): FunctionModel {
  const names = model.functions.map((fn) => fn.logicalId).join(', ');
  if (model.functions.length === 0) {
    throw new TemplateError(model.file, 'The template has no functions', 'add an AWS::Serverless::Function (or AWS::Lambda::Function) resource');
  }
  if (id === undefined || id === '') {
    if (model.functions.length === 1) return model.functions[0];
    throw new TemplateError(model.file, `The template has several functions: ${names}`, 'name the one to use');
  }
  const found = model.functions.find((fn) => fn.logicalId === id) ?? model.functions.find((fn) => fn.functionName === id);
  if (found) return found;
  throw new TemplateError(model.file, `Function '${id}' not found in ${path.basename(model.file)}. Functions: ${names}`, 'use one of these logical ids (or a FunctionName)');
}
