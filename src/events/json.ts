// Editing generated events, which are plain JSON values.

export type JsonObject = Record<string, unknown>;

/** `value` as an object to edit; catalogue templates are objects where these helpers are used. */
export function asObject(value: unknown): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('internal: expected a JSON object');
  return value as JsonObject;
}

/** The object at `obj[key]`. */
export function child(obj: JsonObject, key: string): JsonObject {
  return asObject(obj[key]);
}

/** The first element of the array at `obj[key]`, as an object. */
export function firstOf(obj: JsonObject, key: string): JsonObject {
  const list = obj[key];
  if (!Array.isArray(list)) throw new Error(`internal: expected an array at ${key}`);
  return asObject(list[0]);
}

/** A deep copy (events are built by copying a sample record N times). */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
