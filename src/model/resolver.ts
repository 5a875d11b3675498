// Resolves CloudFormation intrinsics against what a local template knows: parameter values, pseudo parameters,
// resources (their made-up names and ARNs), Mappings and Conditions. What has no local value comes back as an
// Unresolved marker instead of failing, so one `!ImportValue` never stops a template from loading.
import { FUNCTIONS } from './intrinsics';
import { attributeValue, nameProperty, refValue, type AwsEnvironment } from './resources';
import { findUnresolved, intrinsicName, isRecord, NO_VALUE, Unresolved } from './values';

/** A parameter's value: a string, a list for list types, or undefined when it has neither Default nor override. */
export type ParameterValue = string | string[] | undefined;

export interface ResolverInput {
  env: AwsEnvironment;
  /** `AWS::Region`, `AWS::StackName`, ... → value. */
  pseudo: Record<string, unknown>;
  parameters: Map<string, ParameterValue>;
  /** Logical id → resource (`{Type, Properties}`) as written. */
  resources: Record<string, unknown>;
  mappings: Record<string, unknown>;
  conditions: Record<string, unknown>;
}

export class Resolver {
  private readonly conditionValues = new Map<string, boolean | Unresolved>();
  private readonly evaluating = new Set<string>();
  private readonly names = new Map<string, string>();
  private readonly naming = new Set<string>();

  constructor(readonly input: ResolverInput) {}

  /** Resolve every intrinsic inside `value`. May return NO_VALUE, an Unresolved, or values holding Unresolved items. */
  resolve(value: unknown): unknown {
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (const item of value) {
        const resolved = this.resolve(item);
        if (resolved !== NO_VALUE) items.push(resolved);
      }
      return items;
    }
    if (!isRecord(value)) return value;
    const name = intrinsicName(value);
    if (name) return FUNCTIONS[name](value[name], this, value);
    const result: Record<string, unknown> = {};
    for (const key in value) {
      const resolved = this.resolve(value[key]);
      if (resolved !== NO_VALUE) result[key] = resolved;
    }
    return result;
  }

  /** Resolve, and if anything inside stays unresolved, give one Unresolved for `original` with the inner reason. */
  resolveFully(value: unknown, original: unknown): unknown {
    const resolved = this.resolve(value);
    const inner = findUnresolved(resolved);
    return inner ? inner.within(original) : resolved;
  }

  ref(name: string, original: unknown): unknown {
    const { pseudo, parameters, resources } = this.input;
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (Object.hasOwn(pseudo, name)) return pseudo[name];
    if (parameters.has(name)) {
      const value = parameters.get(name);
      return value ?? new Unresolved(original, `parameter ${name} has no Default and no override`, `pass --parameter-overrides ${name}=<value>`);
    }
    const resource = resources[name];
    if (isRecord(resource)) return refValue(resourceType(resource), this.resourceName(name), this.input.env);
    return new Unresolved(original, `no parameter or resource is named ${name}`);
  }

  getAtt(logicalId: string, attribute: string, original: unknown): unknown {
    const resource = this.input.resources[logicalId];
    if (!isRecord(resource)) return new Unresolved(original, `no resource is named ${logicalId}`);
    const type = resourceType(resource);
    const value = attributeValue(type, attribute, this.resourceName(logicalId), this.input.env);
    return value ?? new Unresolved(original, `attribute ${attribute} of ${type} ${logicalId} has no local value`);
  }

  /** The resource's name: its name property (FunctionName, QueueName, ...) when that resolves to a string, else its logical id. */
  resourceName(logicalId: string): string {
    const known = this.names.get(logicalId);
    if (known !== undefined) return known;
    let name = logicalId;
    const resource = this.input.resources[logicalId];
    const property = isRecord(resource) ? nameProperty(resourceType(resource)) : undefined;
    const properties = isRecord(resource) ? resource.Properties : undefined;
    if (property && isRecord(properties) && properties[property] !== undefined && !this.naming.has(logicalId)) {
      this.naming.add(logicalId); // a name that refers to itself falls back to the logical id
      const resolved = this.resolve(properties[property]);
      this.naming.delete(logicalId);
      if (typeof resolved === 'string' && resolved !== '') name = resolved;
    }
    this.names.set(logicalId, name);
    return name;
  }

  /** The value of a named condition of the Conditions section. */
  condition(name: string, original: unknown): boolean | Unresolved {
    const known = this.conditionValues.get(name);
    if (known !== undefined) return known;
    const definition = this.input.conditions[name];
    if (definition === undefined) return new Unresolved(original, `no condition is named ${name}`);
    if (this.evaluating.has(name)) return new Unresolved(original, `condition ${name} refers to itself`);
    this.evaluating.add(name);
    const value = this.conditionValue(definition);
    this.evaluating.delete(name);
    this.conditionValues.set(name, value);
    return value;
  }

  /** Evaluate a condition expression: `{Condition: Name}`, `!Equals`, `!And`, `!Or`, `!Not`, or a boolean. */
  conditionValue(expression: unknown): boolean | Unresolved {
    if (isRecord(expression) && Object.keys(expression).length === 1 && typeof expression.Condition === 'string') {
      return this.condition(expression.Condition, expression);
    }
    const value = this.resolve(expression);
    if (value instanceof Unresolved || typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    return new Unresolved(expression, `${JSON.stringify(value)} is not a condition`);
  }
}

export function resourceType(resource: Record<string, unknown>): string {
  return typeof resource.Type === 'string' ? resource.Type : '';
}
