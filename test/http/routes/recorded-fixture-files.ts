import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_DIRS, type Recorded } from './recorded-fixture';

// What every recorded-fixtures test does with the answers it records: store them as the UI tests' fixture files on
// RECORD_FIXTURES=1, and otherwise fail when the server no longer answers what the stored files say.

const ROOT = path.resolve(__dirname, '../../..');
const fileOf = (r: Recorded) => path.join(ROOT, FIXTURE_DIRS[r.area], `${r.name}.json`);
const stored = (r: Recorded) => ({ status: r.status, body: r.body });

/**
 * Records the answers before the file's tests (filling the returned list) and, on RECORD_FIXTURES=1, writes them
 * as fixture files formatted as CI's prettier --check expects.
 */
export function recordBeforeAll(record: () => Promise<Recorded[]>): Recorded[] {
  const recorded: Recorded[] = [];
  beforeAll(async () => {
    recorded.push(...(await record()));
    if (process.env.RECORD_FIXTURES === '1') {
      for (const r of recorded) {
        mkdirSync(path.dirname(fileOf(r)), { recursive: true });
        writeFileSync(fileOf(r), `${JSON.stringify(stored(r), null, 2)}\n`);
      }
      execFileSync(path.join(ROOT, 'node_modules/.bin/prettier'), ['--write', ...recorded.map(fileOf)], {
        stdio: 'ignore',
      });
    }
  }, 60_000);
  return recorded;
}

/** Each recorded answer is stored, and the same status and body as its fixture file. */
export function expectAsStored(recorded: readonly Recorded[]): void {
  for (const r of recorded) {
    expect(existsSync(fileOf(r))).toBe(true);
    expect({ name: r.name, ...stored(r) }).toEqual({
      name: r.name,
      ...JSON.parse(readFileSync(fileOf(r), 'utf8')),
    });
  }
}
