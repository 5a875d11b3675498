// Local layers (AWS::Serverless::LayerVersion with ContentUri, AWS::Lambda::LayerVersion with Content) and a
// function's `Layers` list: references to local layers become their content folders, anything else stays remote.
import { layerContent } from './code';
import { build } from './properties';
import { ResourceContext, type TemplateContext } from './resourceContext';
import type { LayerModel } from './types';
import { isRecord } from './values';

const LAYER_TYPES: Record<string, 'ContentUri' | 'Content'> = {
  'AWS::Serverless::LayerVersion': 'ContentUri',
  'AWS::Lambda::LayerVersion': 'Content',
};

export interface TemplateLayers {
  /** Local layers, in template order. */
  local: LayerModel[];
  /** What `!Ref` of each layer resource resolves to (its made-up ARN) → the local layer, or undefined if remote. */
  byRef: Map<string, LayerModel | undefined>;
}

export function readLayers(template: TemplateContext, resources: Record<string, unknown>): TemplateLayers {
  const result: TemplateLayers = { local: [], byRef: new Map() };
  for (const [logicalId, resource] of Object.entries(resources)) {
    const key = isRecord(resource) && typeof resource.Type === 'string' ? LAYER_TYPES[resource.Type] : undefined;
    if (!key || !isRecord(resource)) continue;
    const properties = isRecord(resource.Properties) ? resource.Properties : {};
    const location = template.sourceMap.keyOf(resources, logicalId) ?? template.sourceMap.start();
    const context = new ResourceContext(template, logicalId, properties, [properties], location);
    const content = layerContent(context, key, resource.Metadata);
    const arn = template.resolver.ref(logicalId, undefined);
    if (!content.local) {
      if (typeof arn === 'string') result.byRef.set(arn, undefined);
      continue;
    }
    const layer: LayerModel = { logicalId, contentDir: content.codeDir, location };
    const runtimes = context.value('CompatibleRuntimes');
    if (Array.isArray(runtimes)) layer.compatibleRuntimes = runtimes.filter((runtime): runtime is string => typeof runtime === 'string');
    const layerBuild = build(context, resource.Metadata);
    if (layerBuild) layer.build = layerBuild;
    result.local.push(layer);
    if (typeof arn === 'string') result.byRef.set(arn, layer);
  }
  return result;
}

/** A function's `Layers`: local layers (by `!Ref` to a layer resource of this template) and remote ARNs. */
export function functionLayers(context: ResourceContext, layers: TemplateLayers): { local: LayerModel[]; remote: string[] } {
  const result = { local: [] as LayerModel[], remote: [] as string[] };
  const value = context.value('Layers');
  if (value === undefined) return result;
  if (!Array.isArray(value)) {
    context.warn(context.valueLocation('Layers'), `Layers of ${context.logicalId} is not a list`, 'it is ignored');
    return result;
  }
  for (const item of value) {
    if (typeof item !== 'string') continue;
    const local = layers.byRef.get(item);
    if (local) result.local.push(local);
    else result.remote.push(item);
  }
  return result;
}
