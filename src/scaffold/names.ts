// The names a new function brings along, all derived from its logical id so they read as one family:
// OrdersFunction → folder `orders/`, route `/orders`, queue `OrdersQueue`, ...

export interface ScaffoldNames {
  /** The function's logical id, e.g. `OrdersFunction`. */
  logicalId: string;
  /** The logical id without a trailing `Function`, e.g. `Orders`. */
  base: string;
  /** `orders`: the code folder and the route. */
  kebab: string;
}

export function scaffoldNames(logicalId: string): ScaffoldNames {
  const stripped = logicalId.replace(/Function$/, '');
  const base = stripped === '' ? logicalId : stripped;
  return { logicalId, base, kebab: kebabCase(base) };
}

/** `OrdersAPIHandler2` → `orders-api-handler2`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}
