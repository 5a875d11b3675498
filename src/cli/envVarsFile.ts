// SAM's --env-vars file: {"FunctionLogicalId": {"KEY": "value"}, "Parameters": {"KEY": "value"}}.
import fs from 'node:fs';
import { errors } from '../errors';
import { findJsonSyntaxError, lineAndColumn } from '../util/jsonSyntax';

/** The variables for one function: `Parameters` (every function) overlaid by the function's own section. */
export function readEnvVarsFile(file: string, ids: string[]): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw errors.usage(`Environment variables file ${file} cannot be read — check the path given to --env-vars`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const problem = findJsonSyntaxError(text);
    const where = problem && lineAndColumn(text, problem.offset);
    throw errors.usage(`${file}${where ? `:${where.line}:${where.column}` : ''}: invalid JSON in --env-vars file — fix it (format: {"FunctionId": {"KEY": "value"}})`);
  }
  if (!isObject(parsed)) throw errors.usage(`${file}: --env-vars must hold a JSON object like {"FunctionId": {"KEY": "value"}}`);
  const result: Record<string, string> = {};
  for (const section of ['Parameters', ...ids]) {
    const vars = parsed[section];
    if (vars === undefined) continue;
    if (!isObject(vars)) throw errors.usage(`${file}: "${section}" must be an object of variables`);
    for (const [key, value] of Object.entries(vars)) result[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
