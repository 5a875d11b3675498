// Readers for a function's settings, each with Lambda's default and range, failing with a one-line error that
// names the property, the function and the limit.
import type { ResourceContext } from './resourceContext';
import type { Architecture, BuildModel, FunctionUrlModel, LoggingConfig } from './types';
import { isRecord, scalarText, Unresolved } from './values';

interface Range {
  min: number;
  max: number;
  fallback: number;
  unit: string;
}

const MEMORY: Range = { min: 128, max: 10240, fallback: 128, unit: 'MB' };
const TIMEOUT: Range = { min: 1, max: 900, fallback: 3, unit: 'seconds' };
const EPHEMERAL_STORAGE: Range = { min: 512, max: 10240, fallback: 512, unit: 'MB' };
const APPLICATION_LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];
const SYSTEM_LOG_LEVELS = ['DEBUG', 'INFO', 'WARN'];

export function memorySize(context: ResourceContext): number {
  return wholeNumber(context, 'MemorySize', context.value('MemorySize'), MEMORY);
}

export function timeout(context: ResourceContext): number {
  return wholeNumber(context, 'Timeout', context.value('Timeout'), TIMEOUT);
}

export function ephemeralStorage(context: ResourceContext): number {
  const storage = context.value('EphemeralStorage');
  return wholeNumber(context, 'EphemeralStorage.Size', isRecord(storage) ? storage.Size : undefined, EPHEMERAL_STORAGE);
}

function wholeNumber(context: ResourceContext, name: string, value: unknown, range: Range): number {
  if (value === undefined || value === null) return range.fallback;
  const text = scalarText(value);
  const number = text === undefined || text.trim() === '' ? NaN : Number(text);
  if (!Number.isInteger(number) || number < range.min || number > range.max) {
    context.fail(
      context.valueLocation(name.split('.')[0]),
      `${name} ${text ?? JSON.stringify(value)} of ${context.logicalId} is not a whole number from ${range.min} to ${range.max} (${range.unit})`,
      `set ${name} to a whole number of ${range.unit} from ${range.min} to ${range.max}`,
    );
  }
  return number;
}

export function architecture(context: ResourceContext): Architecture {
  const value = context.value('Architectures');
  // Missing, or every item a reference without a local value (already warned about): Lambda's default.
  if (value === undefined || (Array.isArray(value) && value.length === 0 && isNonEmptyList(context.properties.Architectures))) return 'x86_64';
  const only: unknown = Array.isArray(value) && value.length === 1 ? value[0] : undefined;
  if (only !== 'x86_64' && only !== 'arm64') {
    context.fail(context.valueLocation('Architectures'), `Architectures of ${context.logicalId} is ${JSON.stringify(value)}`, 'set Architectures to [x86_64] or [arm64]');
  }
  return only;
}

function isNonEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

export function logging(context: ResourceContext): LoggingConfig {
  const config = context.value('LoggingConfig');
  if (!isRecord(config)) return { logFormat: 'Text' };
  const where = context.valueLocation('LoggingConfig');
  const logFormat = config.LogFormat ?? 'Text';
  if (logFormat !== 'Text' && logFormat !== 'JSON') {
    context.fail(where, `LoggingConfig.LogFormat of ${context.logicalId} is ${JSON.stringify(logFormat)}`, 'set LogFormat to Text or JSON');
  }
  const result: LoggingConfig = { logFormat };
  const applicationLogLevel = level(context, config, 'ApplicationLogLevel', APPLICATION_LOG_LEVELS);
  const systemLogLevel = level(context, config, 'SystemLogLevel', SYSTEM_LOG_LEVELS);
  if (applicationLogLevel) result.applicationLogLevel = applicationLogLevel;
  if (systemLogLevel) result.systemLogLevel = systemLogLevel;
  if (typeof config.LogGroup === 'string') result.logGroup = config.LogGroup;
  return result;
}

function level(context: ResourceContext, config: Record<string, unknown>, key: string, allowed: string[]): string | undefined {
  const value = config[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    context.fail(context.valueLocation('LoggingConfig'), `LoggingConfig.${key} of ${context.logicalId} is ${JSON.stringify(value)}`, `set it to one of ${allowed.join(', ')}`);
  }
  return value;
}

/** Environment.Variables as strings, the way CloudFormation passes them (numbers and booleans as text). */
export function environment(context: ResourceContext): Record<string, string> {
  const { resolver } = context.template;
  const settled = (value: unknown, what: string): unknown => {
    if (!(value instanceof Unresolved)) return value;
    context.warnUnresolved(value, what, 'it is set to an empty string, as sam local does; set it with --env-vars');
    return undefined;
  };
  const environment = settled(resolver.resolve(context.properties.Environment), 'Environment');
  const variables = isRecord(environment) ? settled(environment.Variables, 'Environment.Variables') : undefined;
  const result: Record<string, string> = {};
  if (!isRecord(variables)) return result;
  for (const [name, value] of Object.entries(variables)) {
    const text = typeof value === 'number' ? writtenNumber(context, name) ?? String(value) : scalarText(settled(value, `Environment variable ${name}`));
    if (text === undefined && value !== null && !(value instanceof Unresolved)) {
      context.warn(context.valueLocation('Environment'), `Environment variable ${name} of ${context.logicalId} is not a single value`, 'it is set to an empty string, as sam local does');
    }
    result[name] = text ?? '';
  }
  return result;
}

/** An environment value written as a number keeps its text as written (`1.0` stays `1.0`, as sam local gives it). */
function writtenNumber(context: ResourceContext, name: string): string | undefined {
  for (const source of context.sources) {
    const environment = source.Environment;
    const variables = isRecord(environment) ? environment.Variables : undefined;
    if (isRecord(variables) && Object.hasOwn(variables, name)) return context.template.sourceMap.numberText(variables, name);
  }
  return undefined;
}

export function functionUrl(context: ResourceContext, config: unknown): FunctionUrlModel | undefined {
  if (!isRecord(config)) return undefined;
  const where = context.valueLocation('FunctionUrlConfig');
  const authType = config.AuthType;
  if (authType !== 'NONE' && authType !== 'AWS_IAM') {
    context.fail(where, `FunctionUrlConfig.AuthType of ${context.logicalId} is ${JSON.stringify(authType) ?? 'missing'}`, 'set AuthType to NONE or AWS_IAM');
  }
  const invokeMode = config.InvokeMode ?? 'BUFFERED';
  if (invokeMode !== 'BUFFERED' && invokeMode !== 'RESPONSE_STREAM') {
    context.fail(where, `FunctionUrlConfig.InvokeMode of ${context.logicalId} is ${JSON.stringify(invokeMode)}`, 'set InvokeMode to BUFFERED or RESPONSE_STREAM');
  }
  const result: FunctionUrlModel = { authType, invokeMode };
  if (isRecord(config.Cors)) result.cors = config.Cors;
  return result;
}

/** `Metadata.BuildMethod` / `BuildProperties` (e.g. esbuild for TypeScript), as `sam build` reads them. */
export function build(context: ResourceContext, metadata: unknown): BuildModel | undefined {
  if (!isRecord(metadata) || metadata.BuildMethod === undefined) return undefined;
  const method = context.resolve(metadata.BuildMethod, 'Metadata.BuildMethod', 'the build method is left out');
  if (typeof method !== 'string') return undefined;
  const properties = context.resolveKeeping(metadata.BuildProperties, 'Metadata.BuildProperties');
  return { method, properties: isRecord(properties) ? properties : {} };
}

/** A string property, or undefined (with a warning when it is there but not a string). */
export function stringProperty(context: ResourceContext, key: string): string | undefined {
  const value = context.value(key);
  if (value === undefined || value === null) return undefined;
  const text = scalarText(value);
  if (text === undefined) context.warn(context.valueLocation(key), `${key} of ${context.logicalId} is not a string`, 'it is ignored');
  return text;
}
