import type { z } from 'zod';
import { AppError } from '../domain/app-error';

/** Serialises a value for a JSON text column. */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Parses a JSON text column with its zod schema; a corrupt value is an internal error naming the column. */
export function fromJson<T>(schema: z.ZodType<T>, text: string, column: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new AppError(
      'internal',
      `Stored ${column} is not valid JSON`,
      [{ path: column, message: 'invalid JSON' }],
      {
        cause,
      },
    );
  }
  return fromJsonValue(schema, raw, column);
}

/** Checks a JSON column the driver already parsed (PostgreSQL json) with its zod schema, like `fromJson`. */
export function fromJsonValue<T>(schema: z.ZodType<T>, raw: unknown, column: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      path: [column, ...i.path].join('.'),
      message: i.message,
    }));
    throw new AppError('internal', `Stored ${column} has an unexpected shape`, details);
  }
  return parsed.data;
}
