// What reading one resource (a function or a layer) needs: its properties (for functions, after Globals), where each
// was written, the resolver, and a place for warnings. Property readers ask it for resolved values and locations.
import { TemplateError, templateWarning } from './errors';
import type { Resolver } from './resolver';
import type { SourceMap } from './sourceMap';
import type { SourceLocation, TemplateWarning } from './types';
import { describeIntrinsic, NO_VALUE, settle, Unresolved } from './values';

export interface TemplateContext {
  file: string;
  dir: string;
  sourceMap: SourceMap;
  resolver: Resolver;
  warnings: TemplateWarning[];
}

export class ResourceContext {
  constructor(
    readonly template: TemplateContext,
    readonly logicalId: string,
    /** The properties after Globals were merged in. */
    readonly properties: Record<string, unknown>,
    /** Where the properties were written, most specific first: the resource's Properties, then Globals.Function. */
    readonly sources: Record<string, unknown>[],
    /** Where the resource is declared. */
    readonly location: SourceLocation,
  ) {}

  /** Where the value of a property is written (its own, else from Globals, else the resource). */
  valueLocation(key: string): SourceLocation {
    for (const source of this.sources) {
      if (Object.hasOwn(source, key)) return this.template.sourceMap.valueOf(source, key) ?? this.location;
    }
    return this.location;
  }

  /** Where the resource's own property `key` is written, else where the resource is. */
  ownKeyLocation(key: string): SourceLocation {
    const own = this.sources[0];
    return (own && Object.hasOwn(own, key) ? this.template.sourceMap.keyOf(own, key) : undefined) ?? this.location;
  }

  /** Where a property's key is written (its own, else from Globals, else the resource). */
  keyLocation(key: string): SourceLocation {
    for (const source of this.sources) {
      if (Object.hasOwn(source, key)) return this.template.sourceMap.keyOf(source, key) ?? this.location;
    }
    return this.location;
  }

  /**
   * A property, resolved. Anything inside that has no local value is left out with a warning;
   * undefined when the property is absent or AWS::NoValue.
   */
  value(key: string): unknown {
    return this.resolve(this.properties[key], key, 'it is left out');
  }

  /** Resolve a value of this resource; what has no local value is left out, with a warning. */
  resolve(raw: unknown, what: string, consequence: string): unknown {
    if (raw === undefined) return undefined;
    return settle(this.template.resolver.resolve(raw), (unresolved) => {
      this.warnUnresolved(unresolved, what, consequence);
      return NO_VALUE;
    });
  }

  /** Resolve, keeping whatever has no local value in its template form (for event properties and the like). */
  resolveKeeping(raw: unknown, what: string): unknown {
    if (raw === undefined) return undefined;
    return settle(this.template.resolver.resolve(raw), (unresolved) => {
      this.warnUnresolved(unresolved, what, 'it is kept as written');
      return unresolved.original;
    });
  }

  warnUnresolved(unresolved: Unresolved, what: string, consequence: string): void {
    const where = this.template.sourceMap.of(unresolved.original) ?? this.location;
    this.warn(where, `${what} of ${this.logicalId}: ${describeIntrinsic(unresolved.original)} cannot be resolved locally (${unresolved.reason})`, consequence);
  }

  warn(where: SourceLocation | undefined, problem: string, consequence?: string): void {
    this.template.warnings.push(templateWarning(where ?? this.location, problem, consequence));
  }

  fail(where: SourceLocation, problem: string, fix: string): never {
    throw new TemplateError(where, problem, fix);
  }
}
