import type { Agreement } from '../../domain/agreement-schema';
import { parseAgreement } from '../../domain/parse-agreement';
import { AppError } from '../../domain/app-error';
import { readJsonFile } from './read-json-file';

/** Reads and parses an agreement file; every problem becomes one `file: path: message` line of an AppError. */
export async function loadAgreement(file: string): Promise<Agreement> {
  const parsed = parseAgreement(await readJsonFile(file));
  if (parsed.success) return parsed.data;
  const message = parsed.errors.map((e) => `${file}: ${e.path || '(root)'}: ${e.message}`).join('\n');
  throw new AppError('invalid_input', message, parsed.errors);
}
