// The template a command works on, from its -t and --parameter-overrides flags (SAM's defaults and syntax).
import path from 'node:path';
import { errors } from '../errors';
import { findTemplate, loadTemplate, parseParameterOverrides, type TemplateModel } from '../model';
import type { CliIO } from './io';

export interface TemplateArgs {
  template?: string;
  'parameter-overrides'?: string[];
}

/** `-t FILE`, else ./template.yaml, then ./template.yml; a one-line error (exit 2) when there is none. */
export function templateFileFrom(values: TemplateArgs, io: CliIO, alternative = ''): string {
  const file = values.template ? path.resolve(io.cwd, values.template) : findTemplate(io.cwd);
  if (!file) throw errors.usage(`No template.yaml or template.yml in ${io.cwd} — pass -t TEMPLATE${alternative}`);
  return file;
}

export function loadTemplateFrom(values: TemplateArgs, io: CliIO, options: { region?: string; accountId?: string; alternative?: string } = {}): TemplateModel {
  const parameterOverrides = Object.assign({}, ...(values['parameter-overrides'] ?? []).map((text) => parseParameterOverrides(text))) as Record<string, string>;
  return loadTemplate(templateFileFrom(values, io, options.alternative), { parameterOverrides, region: options.region, accountId: options.accountId });
}
