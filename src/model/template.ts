// Entry points: read a SAM/CloudFormation template (YAML or JSON) into a TemplateModel for local use.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TemplateError } from './errors';
import { isFunctionType, readFunction } from './functions';
import { functionGlobals } from './globals';
import { readLayers } from './layers';
import { readParameters } from './parameters';
import { Resolver } from './resolver';
import type { AwsEnvironment } from './resources';
import type { TemplateContext } from './resourceContext';
import type { LoadOptions, TemplateModel, TemplateWarning } from './types';
import { isRecord } from './values';
import { parseTemplateSource } from './yamlTags';

const DEFAULT_REGION = 'us-east-1';
const DEFAULT_ACCOUNT = '123456789012';
/** `sam local` deploys nothing; it calls the stack "local" (samcli intrinsics_symbol_table.py). */
const STACK_NAME = 'local';
const STACK_ID_SUFFIX = '51af3dc0-da77-11e4-872e-1234567db123';
const PSEUDO_PARAMETERS = ['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix'];

/** Read and resolve a template file. Synchronous: it is on the cold-invoke path. Throws TemplateError. */
export function loadTemplate(file: string, options: LoadOptions = {}): TemplateModel {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new TemplateError(absolute, 'Template not found', 'check the path, or pass -t TEMPLATE');
    if (code === 'EISDIR') throw new TemplateError(absolute, 'This is a folder, not a template', 'pass the template file, e.g. template.yaml');
    throw new TemplateError(absolute, `Cannot read the template (${code ?? String(error)})`, 'check that the file is readable');
  }
  return parseTemplateText(text, absolute, options);
}

/** Resolve a template from its text (e.g. an unsaved editor buffer); `file` places it (CodeUri is relative to it). */
export function parseTemplateText(text: string, file: string, options: LoadOptions = {}): TemplateModel {
  const absolute = path.resolve(file);
  const dir = path.dirname(absolute);
  const warnings: TemplateWarning[] = [];
  const { value: root, sourceMap } = parseTemplateSource(text.replace(/^\uFEFF/, ''), absolute, warnings);
  if (!isRecord(root)) {
    throw new TemplateError(sourceMap.start(), 'The template is not a map of sections (Parameters, Resources, ...)', 'write a SAM or CloudFormation template with a Resources section');
  }
  const resources = root.Resources;
  if (!isRecord(resources) || Object.keys(resources).length === 0) {
    const where = sourceMap.keyOf(root, 'Resources') ?? absolute;
    throw new TemplateError(where, 'The template has no Resources', 'add a Resources section with at least one AWS::Serverless::Function');
  }

  const overrides = options.parameterOverrides ?? {};
  const pseudo = pseudoParameters(options, overrides, absolute);
  const parameters = readParameters(root.Parameters, overrides, sourceMap, warnings);
  const env: AwsEnvironment = {
    region: pseudo['AWS::Region'] as string,
    accountId: pseudo['AWS::AccountId'] as string,
    partition: pseudo['AWS::Partition'] as string,
    urlSuffix: pseudo['AWS::URLSuffix'] as string,
  };
  const resolver = new Resolver({
    env,
    pseudo,
    parameters: parameters.values,
    resources: withImplicitResources(resources),
    mappings: isRecord(root.Mappings) ? root.Mappings : {},
    conditions: isRecord(root.Conditions) ? root.Conditions : {},
  });
  const template: TemplateContext = { file: absolute, dir, sourceMap, resolver, warnings };

  const layers = readLayers(template, resources);
  const globals = functionGlobals(root.Globals, sourceMap, warnings);
  const functions = Object.entries(resources)
    .filter(([, resource]) => isRecord(resource) && isFunctionType(resource.Type))
    .map(([logicalId, resource]) => readFunction(template, { logicalId, resource: resource as Record<string, unknown>, globals, resources, layers }));
  return { file: absolute, dir, parameters: parameters.text, functions, layers: layers.local, warnings };
}

/** Pseudo parameters as `sam local` sets them, with region/account from the options and `AWS::*` overrides. */
function pseudoParameters(options: LoadOptions, overrides: Record<string, string>, file: string): Record<string, unknown> {
  for (const name of Object.keys(overrides)) {
    if (name.startsWith('AWS::') && !PSEUDO_PARAMETERS.includes(name)) {
      throw new TemplateError(file, `Unknown pseudo parameter '${name}' in --parameter-overrides`, `use one of ${PSEUDO_PARAMETERS.join(', ')}`);
    }
  }
  const region = overrides['AWS::Region'] ?? options.region ?? DEFAULT_REGION;
  const accountId = overrides['AWS::AccountId'] ?? options.accountId ?? DEFAULT_ACCOUNT;
  const partition = overrides['AWS::Partition'] ?? partitionOf(region);
  const stackName = overrides['AWS::StackName'] ?? STACK_NAME;
  return {
    'AWS::Region': region,
    'AWS::AccountId': accountId,
    'AWS::Partition': partition,
    'AWS::URLSuffix': overrides['AWS::URLSuffix'] ?? (region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'),
    'AWS::StackName': stackName,
    'AWS::StackId': overrides['AWS::StackId'] ?? `arn:${partition}:cloudformation:${region}:${accountId}:stack/${stackName}/${STACK_ID_SUFFIX}`,
    'AWS::NotificationARNs': overrides['AWS::NotificationARNs']?.split(',') ?? [],
  };
}

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** Resources SAM creates behind the scenes, so `!Ref ServerlessRestApi` or `!GetAtt MyFunctionRole.Arn` resolve. */
function withImplicitResources(resources: Record<string, unknown>): Record<string, unknown> {
  const all: Record<string, unknown> = {
    ServerlessRestApi: { Type: 'AWS::ApiGateway::RestApi' },
    ServerlessHttpApi: { Type: 'AWS::ApiGatewayV2::Api' },
  };
  for (const [id, resource] of Object.entries(resources)) {
    if (isRecord(resource) && resource.Type === 'AWS::Serverless::Function' && !(isRecord(resource.Properties) && 'Role' in resource.Properties)) {
      all[`${id}Role`] = { Type: 'AWS::IAM::Role' };
    }
  }
  return Object.assign(all, resources);
}
