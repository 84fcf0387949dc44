import { AppError } from '../../domain/app-error';
import { contactFromObject, type ContactRow } from './contact-row';
import { readJsonFile } from './read-json-file';

/**
 * Contacts from a JSON array of `{id, properties, company?}` (or `{results: [...]}` as the list API returns).
 * The file is read whole (use JSONL or CSV for large files); `line` is the item's 1-based position in the array.
 */
export async function* readJsonContacts(file: string): AsyncGenerator<ContactRow> {
  const value = await readJsonFile(file);
  const items = Array.isArray(value) ? value : (value as { results?: unknown } | null)?.results;
  if (!Array.isArray(items)) {
    throw new AppError('invalid_input', `${file}: expected a JSON array of contacts ({id, properties})`);
  }
  for (let i = 0; i < items.length; i++) yield contactFromObject(items[i], i + 1);
}
