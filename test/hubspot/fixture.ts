import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A recorded HubSpot-shaped body from test/fixtures/hubspot/. */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'hubspot', `${name}.json`), 'utf8')) as T;
}
