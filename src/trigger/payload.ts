/**
 * Webhook payloads are untrusted JSON of any shape (tests and `kubrick route` feed thin or broken
 * ones), so every read goes through these accessors, which return undefined instead of throwing.
 */
export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

export function field(value: unknown, key: string): unknown {
  const object = asObject(value);
  return object && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

export function stringField(value: unknown, key: string): string | undefined {
  const found = field(value, key);
  return typeof found === 'string' ? found : undefined;
}

export function numberField(value: unknown, key: string): number | undefined {
  const found = field(value, key);
  return typeof found === 'number' && Number.isFinite(found) ? found : undefined;
}

export function objectField(value: unknown, key: string): JsonObject | undefined {
  return asObject(field(value, key));
}
