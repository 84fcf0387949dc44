import { AppError } from '../../domain/app-error';

/** A stored enumeration value checked against its set; anything else is corrupt data, named by column. */
export function storedValue<T extends string>(values: readonly T[], value: string, column: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new AppError('internal', `Stored ${column} has an unexpected value`, [
    { path: column, message: `unexpected value "${value}"` },
  ]);
}
