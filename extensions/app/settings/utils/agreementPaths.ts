import type { ErrorDetail } from '@lead-pact/contracts';

/** A path into the agreement document, e.g. `['fit', 'rules', 1, 'bands', 0, 'min']`. */
export type DocPath = readonly (string | number)[];

const IDENTIFIER = /^[A-Za-z0-9_-]+$/;

/** The server's way of writing a path (`fit.rules[1].bands[0].min`); test/extensions checks it matches the domain's. */
export function formatPath(path: DocPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out === '' ? '(root)' : out;
}

/** Server validation details keyed by path (a leading `agreement.` from the request wrapper is dropped). */
export function errorsByPath(details: readonly ErrorDetail[]): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const { path, message } of details) {
    const key = path.replace(/^agreement\.?/, '') || '(root)';
    byPath.set(key, [...(byPath.get(key) ?? []), message]);
  }
  return byPath;
}

/** A copy of `doc` with the value at `path` replaced (or removed when `value` is undefined); never mutates. */
export function setIn<T>(doc: T, path: DocPath, value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return value as T;
  if (typeof head === 'number') {
    const list = Array.isArray(doc) ? [...doc] : [];
    if (rest.length === 0 && value === undefined) list.splice(head, 1);
    else list[head] = setIn(list[head], rest, value);
    return list as T;
  }
  const record = { ...((doc ?? {}) as Record<string, unknown>) };
  if (rest.length === 0 && value === undefined) delete record[head];
  else record[head] = setIn(record[head], rest, value);
  return record as T;
}

/** The value at `path`, or undefined. */
export function getIn(doc: unknown, path: DocPath): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    doc,
  );
}
