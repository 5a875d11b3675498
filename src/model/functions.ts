// One FunctionModel per AWS::Serverless::Function (with Globals.Function merged in) or AWS::Lambda::Function.
import { lambdaFunctionCode, serverlessFunctionCode, type CodeLocation } from './code';
import { readEvents } from './events';
import { applyIgnoreGlobals, mergeGlobalProperty, type FunctionGlobals } from './globals';
import { functionLayers, type TemplateLayers } from './layers';
import * as read from './properties';
import { ResourceContext, type TemplateContext } from './resourceContext';
import type { FunctionModel, FunctionUrlModel } from './types';
import { describeIntrinsic, isRecord, scalarText, Unresolved } from './values';

export const FUNCTION_TYPES = ['AWS::Serverless::Function', 'AWS::Lambda::Function'] as const;
type FunctionType = (typeof FUNCTION_TYPES)[number];

export function isFunctionType(type: unknown): type is FunctionType {
  return type === FUNCTION_TYPES[0] || type === FUNCTION_TYPES[1];
}

export interface FunctionInput {
  logicalId: string;
  resource: Record<string, unknown>;
  /** Globals.Function (only for AWS::Serverless::Function). */
  globals: FunctionGlobals;
  /** All resources of the template, to find AWS::Lambda::Url resources of an AWS::Lambda::Function. */
  resources: Record<string, unknown>;
  layers: TemplateLayers;
}

export function readFunction(template: TemplateContext, input: FunctionInput): FunctionModel {
  const { logicalId, resource } = input;
  const resourceType = resource.Type as FunctionType;
  const own = isRecord(resource.Properties) ? resource.Properties : {};
  const serverless = resourceType === 'AWS::Serverless::Function';
  const globals = serverless ? applyIgnoreGlobals(input.globals.values, resource.IgnoreGlobals) : {};
  const properties: Record<string, unknown> = { ...globals };
  for (const [key, value] of Object.entries(own)) properties[key] = mergeGlobalProperty(key, globals[key], value);
  const location = template.sourceMap.keyOf(input.resources, logicalId) ?? template.sourceMap.start();
  const context = new ResourceContext(template, logicalId, properties, [own, serverless ? input.globals.section : {}], location);

  const code = serverless ? serverlessFunctionCode(context, resource.Metadata) : lambdaFunctionCode(context, resource.Metadata);
  const layers = functionLayers(context, input.layers);
  const model: FunctionModel = {
    logicalId,
    functionName: read.stringProperty(context, 'FunctionName') || logicalId,
    resourceType,
    packageType: code.packageType,
    codeDir: code.codeDir,
    memorySize: read.memorySize(context),
    timeout: read.timeout(context),
    environment: read.environment(context),
    architecture: read.architecture(context),
    ephemeralStorage: read.ephemeralStorage(context),
    logging: read.logging(context),
    layers: layers.local,
    remoteLayers: layers.remote,
    events: serverless ? readEvents(context) : [],
    location,
  };
  addCodeDetails(context, model, code);
  const functionUrl = serverless ? read.functionUrl(context, context.value('FunctionUrlConfig')) : lambdaUrl(context, input.resources);
  if (functionUrl) model.functionUrl = functionUrl;
  const build = read.build(context, resource.Metadata);
  if (build) model.build = build;
  const description = read.stringProperty(context, 'Description');
  if (description) model.description = description;
  return model;
}

/** Handler and Runtime (required for Zip packages), inline code and image URI. */
function addCodeDetails(context: ResourceContext, model: FunctionModel, code: CodeLocation): void {
  if (code.inlineCode !== undefined) model.inlineCode = code.inlineCode;
  if (code.imageUri !== undefined) model.imageUri = code.imageUri;
  if (code.packageType === 'Image') return;
  model.handler = requiredString(context, 'Handler', 'app.handler');
  model.runtime = requiredString(context, 'Runtime', 'nodejs20.x or python3.12');
  model.handlerLocation = context.ownKeyLocation('Handler'); // the resource when inherited from Globals
}

/** A property a Zip function cannot run without; a reference without a local value says what would give it one. */
function requiredString(context: ResourceContext, key: string, example: string): string {
  const value = context.template.resolver.resolve(context.properties[key]);
  if (value instanceof Unresolved) {
    context.fail(context.valueLocation(key), `${key} of ${context.logicalId} (${describeIntrinsic(value.original)}) cannot be resolved locally (${value.reason})`, value.fix ?? `set ${key} to a value, e.g. ${example}`);
  }
  const text = scalarText(value);
  if (!text) context.fail(context.location, `${context.logicalId} has no ${key}`, `add ${key} (e.g. ${example}) under its Properties or Globals.Function`);
  return text;
}

/** The AWS::Lambda::Url resource whose TargetFunctionArn points at this AWS::Lambda::Function, if any. */
function lambdaUrl(context: ResourceContext, resources: Record<string, unknown>): FunctionUrlModel | undefined {
  for (const [id, resource] of Object.entries(resources)) {
    if (!isRecord(resource) || resource.Type !== 'AWS::Lambda::Url' || !isRecord(resource.Properties)) continue;
    if (targetOf(resource.Properties.TargetFunctionArn) !== context.logicalId) continue;
    const urlContext = new ResourceContext(context.template, context.logicalId, { FunctionUrlConfig: resource.Properties }, [{}], context.template.sourceMap.keyOf(resources, id) ?? context.location);
    return read.functionUrl(urlContext, urlContext.value('FunctionUrlConfig'));
  }
  return undefined;
}

/** The logical id in `!Ref Fn`, `!GetAtt Fn.Arn` or `!GetAtt [Fn, Arn]`. */
function targetOf(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value.Ref === 'string') return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return Array.isArray(getAtt) && typeof getAtt[0] === 'string' ? getAtt[0] : undefined;
}
