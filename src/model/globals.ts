// `Globals.Function`, merged into each AWS::Serverless::Function the way the SAM translator merges it:
// maps are merged key by key, lists are concatenated (globals first; Architectures is replaced), scalars and
// intrinsics are replaced.
import { templateWarning } from './errors';
import type { SourceMap } from './sourceMap';
import type { TemplateWarning } from './types';
import { isRecord } from './values';

/** The properties SAM accepts under Globals.Function (samtranslator/plugins/globals/globals.py). */
const FUNCTION_GLOBALS = new Set([
  'Handler', 'Runtime', 'CodeUri', 'DeadLetterQueue', 'Description', 'MemorySize', 'Timeout', 'VpcConfig',
  'Environment', 'Tags', 'PropagateTags', 'Tracing', 'KmsKeyArn', 'AutoPublishAlias', 'AutoPublishAliasAllProperties',
  'Layers', 'DeploymentPreference', 'RolePath', 'PermissionsBoundary', 'ReservedConcurrentExecutions',
  'ProvisionedConcurrencyConfig', 'AssumeRolePolicyDocument', 'EventInvokeConfig', 'FileSystemConfigs',
  'CodeSigningConfigArn', 'Architectures', 'SnapStart', 'EphemeralStorage', 'FunctionUrlConfig',
  'RuntimeManagementConfig', 'LoggingConfig', 'RecursiveLoop', 'SourceKMSKeyArn', 'TenancyConfig', 'DurableConfig',
  'CapacityProviderConfig', 'FunctionScalingConfig', 'PublishToLatestPublished', 'VersionDeletionPolicy',
]);

export interface FunctionGlobals {
  /** The properties SAM takes from Globals.Function. */
  values: Record<string, unknown>;
  /** The Globals.Function section as written (for source locations). */
  section: Record<string, unknown>;
}

/** Globals.Function with the properties SAM does not take from Globals left out (each one warned about once). */
export function functionGlobals(globals: unknown, sourceMap: SourceMap, warnings: TemplateWarning[]): FunctionGlobals {
  const section = isRecord(globals) && isRecord(globals.Function) ? globals.Function : {};
  const accepted: Record<string, unknown> = {};
  for (const key of Object.keys(section)) {
    if (FUNCTION_GLOBALS.has(key)) {
      accepted[key] = section[key];
    } else {
      warnings.push(templateWarning(sourceMap.keyOf(section, key), `Globals.Function.${key} is not a property SAM takes from Globals`, `it is ignored; set it on each function`));
    }
  }
  return { values: accepted, section };
}

/** The globals a function receives after its `IgnoreGlobals` attribute (`'*'` or a list of property names). */
export function applyIgnoreGlobals(globals: Record<string, unknown>, ignore: unknown): Record<string, unknown> {
  if (ignore === '*') return {};
  if (!Array.isArray(ignore)) return globals;
  const kept = { ...globals };
  for (const key of ignore) if (typeof key === 'string') delete kept[key];
  return kept;
}

/**
 * Lists that a function's own value replaces instead of extending: a function has exactly one architecture
 * (aws/serverless-application-model#3939 fixed the concatenation for Architectures).
 */
const REPLACED_LISTS = new Set(['Architectures']);

/** Merge one top-level property of Globals.Function with the function's own value. */
export function mergeGlobalProperty(key: string, global: unknown, local: unknown): unknown {
  return REPLACED_LISTS.has(key) && local !== undefined ? local : mergeGlobal(global, local);
}

/** SAM's merge of a global value with a function's own value (the function's wins). */
export function mergeGlobal(global: unknown, local: unknown): unknown {
  if (local === undefined) return global;
  const globalKind = kindOf(global);
  if (globalKind !== kindOf(local) || globalKind === 'scalar') return local;
  if (globalKind === 'list') return [...(global as unknown[]), ...(local as unknown[])];
  const merged: Record<string, unknown> = { ...(global as Record<string, unknown>) };
  for (const [key, value] of Object.entries(local as Record<string, unknown>)) {
    merged[key] = Object.hasOwn(merged, key) ? mergeGlobal(merged[key], value) : value;
  }
  return merged;
}

/** Intrinsics count as scalars: they resolve to one value when deployed. */
function kindOf(value: unknown): 'map' | 'list' | 'scalar' {
  if (Array.isArray(value)) return 'list';
  if (!isRecord(value)) return 'scalar';
  const keys = Object.keys(value);
  const intrinsic = keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
  return intrinsic ? 'scalar' : 'map';
}
