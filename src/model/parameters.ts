// Parameter values: each parameter's Default, replaced by `--parameter-overrides`, checked against its constraints
// the way CloudFormation checks them at deploy time (AllowedValues, AllowedPattern, lengths, Number ranges).
import { TemplateError, templateWarning } from './errors';
import type { ParameterValue } from './resolver';
import type { SourceMap } from './sourceMap';
import type { SourceLocation, TemplateWarning } from './types';
import { isRecord, scalarText } from './values';

/** Parameters `cdk synth` adds for each asset (aws-cdk canonicalize-assets.ts). */
const CDK_ASSET_PARAMETER = /^AssetParameters[0-9a-fA-F]{64}(?:S3Bucket|S3VersionKey|ArtifactHash)[0-9a-fA-F]{8}$/;

export interface ParameterValues {
  /** Name → value for the resolver (lists for list types). */
  values: Map<string, ParameterValue>;
  /** Name → value as text (lists joined with commas), for TemplateModel.parameters. */
  text: Record<string, string>;
}

export function readParameters(
  section: unknown,
  overrides: Record<string, string>,
  sourceMap: SourceMap,
  warnings: TemplateWarning[],
): ParameterValues {
  const definitions = isRecord(section) ? section : {};
  const result: ParameterValues = { values: new Map(), text: {} };
  for (const name of Object.keys(definitions)) {
    const definition = isRecord(definitions[name]) ? definitions[name] : {};
    const type = typeof definition.Type === 'string' ? definition.Type : 'String';
    const overridden = Object.hasOwn(overrides, name);
    const text = overridden ? overrides[name] : defaultText(definition.Default);
    const where = sourceMap.keyOf(definitions, name) ?? sourceMap.start();
    if (text === undefined) {
      result.values.set(name, undefined);
      if (CDK_ASSET_PARAMETER.test(name)) continue; // only locates code in S3; the code is read from cdk.out instead
      warnings.push(templateWarning(where, `Parameter ${name} has no Default and no override`, `pass --parameter-overrides ${name}=<value>; references to it stay unresolved`));
      continue;
    }
    if (!overridden && type.startsWith('AWS::SSM::Parameter::Value<')) {
      warnings.push(templateWarning(where, `Parameter ${name} is read from SSM Parameter Store when deployed`, `locally it is the parameter name '${text}'; pass --parameter-overrides ${name}=<value> to set it`));
    }
    const isList = /^(CommaDelimitedList|List<)|Value<(List<|CommaDelimitedList)/.test(type);
    const items = isList ? text.split(',').map((item) => item.trim()) : [text];
    for (const item of items) checkConstraints(name, definition, type, item, overridden, where);
    result.values.set(name, isList ? items : text);
    result.text[name] = text;
  }
  for (const name of Object.keys(overrides)) {
    if (!Object.hasOwn(definitions, name) && !name.startsWith('AWS::')) {
      const known = Object.keys(definitions);
      throw new TemplateError(
        sourceMap.keyOf(sourceMap.root, 'Parameters') ?? sourceMap.file,
        `Unknown parameter '${name}' in --parameter-overrides; the template's parameters are: ${known.join(', ') || '(none)'}`,
        'fix the name or declare it under Parameters',
      );
    }
  }
  return result;
}

function defaultText(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map((item) => scalarText(item) ?? '').join(',');
  return scalarText(value);
}

/** CloudFormation's parameter constraints; a value that breaks one stops the load like a failed deploy would. */
function checkConstraints(name: string, definition: Record<string, unknown>, type: string, value: string, overridden: boolean, where: SourceLocation): void {
  const origin = overridden ? 'from --parameter-overrides' : 'its Default';
  const fix = overridden ? `pass a valid value: --parameter-overrides ${name}=<value>` : `fix the Default or pass --parameter-overrides ${name}=<value>`;
  const fail = (problem: string) => {
    const description = typeof definition.ConstraintDescription === 'string' ? ` (${definition.ConstraintDescription})` : '';
    throw new TemplateError(where, `Parameter ${name} is '${value}' (${origin}), which ${problem}${description}`, fix);
  };
  const allowed = definition.AllowedValues;
  if (Array.isArray(allowed) && allowed.length > 0) {
    const texts = allowed.map((item) => scalarText(item) ?? JSON.stringify(item));
    if (!texts.includes(value)) fail(`is not one of its AllowedValues: ${texts.join(', ')}`);
  }
  if (typeof definition.AllowedPattern === 'string') {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(`^(?:${definition.AllowedPattern})$`);
    } catch {
      pattern = undefined; // a Java-only pattern: CloudFormation checks it at deploy time
    }
    if (pattern && !pattern.test(value)) fail(`does not match its AllowedPattern ${definition.AllowedPattern}`);
  }
  const minLength = numberOf(definition.MinLength);
  const maxLength = numberOf(definition.MaxLength);
  if (minLength !== undefined && value.length < minLength) fail(`is shorter than its MinLength ${minLength}`);
  if (maxLength !== undefined && value.length > maxLength) fail(`is longer than its MaxLength ${maxLength}`);
  if (type === 'Number' || type === 'List<Number>') {
    const number = value.trim() === '' ? NaN : Number(value);
    if (Number.isNaN(number)) fail('is not a number');
    const minValue = numberOf(definition.MinValue);
    const maxValue = numberOf(definition.MaxValue);
    if (minValue !== undefined && number < minValue) fail(`is below its MinValue ${minValue}`);
    if (maxValue !== undefined && number > maxValue) fail(`is above its MaxValue ${maxValue}`);
  }
}

function numberOf(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isNaN(number) ? undefined : number;
}
