import { isAppError } from '../../domain/app-error';

/** A message safe to show a user: AppError messages as they are, anything else generic. */
export function errorMessage(error: unknown): string {
  return isAppError(error) ? error.message : 'an unexpected error occurred';
}
