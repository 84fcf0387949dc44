/** A JSON object read without trusting its shape. */
export type Loose = Record<string, unknown>;

/** `value` when it is a plain object, else an empty one: checks of an unparsed document never throw. */
export function record(value: unknown): Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : {};
}

/** `value` when it is an array, else an empty one. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
