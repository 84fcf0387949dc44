import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { contactFromObject, type ContactRow } from './contact-row';

/** Streams contacts from JSON Lines (one `{id, properties, company?}` per line); blank lines are skipped. */
export async function* readJsonlContacts(input: Readable): AsyncGenerator<ContactRow> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const trimmed = line === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
    if (trimmed === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      yield { line, problem: 'not valid JSON' };
      continue;
    }
    yield contactFromObject(value, line);
  }
}
