import type { z } from 'zod';
import { AppError } from '../../domain/app-error';

/** `["fit", "rules", 1, "min"]` -> `fit.rules[1].min`, the path style of parseAgreement. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Parses a request body or query with its contract schema; anything wrong is a 400 naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  throw new AppError('invalid_input', `The ${what} is not valid.`, details);
}
