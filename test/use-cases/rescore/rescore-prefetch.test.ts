import fs from 'node:fs';
import path from 'node:path';
import { rescoreContacts } from '../../../bench/rescore-data';
import { createStore, type Store } from '../../../src/store/create-store';
import { domainEngine } from '../../../src/use-cases/rescore/domain-engine';
import { rescoreCheckpoint, rescorePortal } from '../../../src/use-cases/rescore/rescore-portal';
import { useStore } from '../../store/store-contract';
import { tempSqlite, type TestDatabase } from '../../store/test-databases';
import { fakeEngine } from './fake-engine';
import { rescoreDeps, testReadAhead } from './rescore-deps';
import { activate, agreementWith, contacts } from './rescore-fixtures';
import { withDatabase } from './stored-rows';

jest.setTimeout(60_000);
const NOW = Date.UTC(2026, 11, 10, 3);
const N = 1_500;

let database: TestDatabase;
const store = useStore(async () => (database = tempSqlite()));
const readAhead = (engine: 'fake' | 'domain') => testReadAhead(database.options.dataDir, engine);

/** Everything a rescore leaves behind for a portal, without the portal id. */
async function outcome(s: Store, portal: string) {
  const { qualifications, history } = await withDatabase(database, async (db) => ({
    qualifications: await db
      .selectFrom('qualifications')
      .selectAll()
      .where('portal_id', '=', portal)
      .orderBy('contact_id')
      .execute(),
    history: await db
      .selectFrom('qualification_history')
      .select(['contact_id', 'tier', 'grade', 'score', 'reasons', 'at'])
      .where('portal_id', '=', portal)
      .orderBy('id')
      .execute(),
  }));
  return {
    qualifications: qualifications.map(({ portal_id: _p, ...row }) => row),
    history,
    outbox: await s.outbox.list(portal, undefined, N),
    capacity: await s.capacity.used(portal, '2026-12'),
  };
}

/** Two agreement versions (the second changes a band), each rescored; returns both results. */
async function rescoreTwice(portal: string, prefetch: boolean) {
  await store().contacts.upsertMany(portal, rescoreContacts(0, N, NOW), 1);
  const results = [];
  for (const points of [25, 30]) {
    const body = agreementWith({ capacity: 40, salesReady: ['A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'C2'] }) as {
      fit: { rules: { bands?: { min: number; points: number }[] }[] };
    };
    const bands = body.fit.rules[0]!.bands!;
    bands.splice(0, bands.length, ...bands.map((b) => (b.min === 100 ? { ...b, points } : b)));
    const version = await activate(store(), portal, body);
    results.push(
      await rescorePortal(rescoreDeps(store(), domainEngine, prefetch ? readAhead('domain') : undefined), {
        portalId: portal,
        agreementVersion: version,
        batchSize: 100,
        now: () => NOW,
      }),
    );
  }
  return results;
}

describe('a rescore that scores the next page in a worker thread (SQLite)', () => {
  it('leaves the same qualifications, history, capacity and outbox as a rescore in one thread', async () => {
    const sequential = await rescoreTwice('seq', false);
    const pipelined = await rescoreTwice('pre', true);
    expect(pipelined).toEqual(sequential);
    expect(sequential[1]).toMatchObject({ done: N, finished: true });
    expect(sequential[1]!.changed).toBeGreaterThan(0);
    expect(sequential[1]!.changed).toBeLessThan(N);
    const expected = await outcome(store(), 'seq');
    expect(expected.capacity).toBe(40);
    expect(await outcome(store(), 'pre')).toEqual(expected);
  });

  it('keeps the write-ahead log from growing with the number of pages written', async () => {
    const portal = 'wal-bounded';
    await store().contacts.upsertMany(portal, rescoreContacts(0, N, NOW), 1);
    const version = await activate(store(), portal, agreementWith());
    const wal = path.join(database.options.dataDir, 'lead-pact.sqlite-wal');
    const sizes: number[] = [];
    await rescorePortal(rescoreDeps(store(), domainEngine, readAhead('domain')), {
      portalId: portal,
      agreementVersion: version,
      batchSize: 100,
      now: () => NOW,
      onProgress: async () => void sizes.push(fs.statSync(wal).size),
    });
    // 15 pages, each committing every contact: a log never copied into the database would grow ~15-fold.
    expect(sizes.length).toBeGreaterThanOrEqual(15);
    expect(Math.max(...sizes)).toBeLessThan(3 * sizes[0]!);
  });

  it('qualifies a contact on its new snapshot when another process changes it while its page is read ahead', async () => {
    const portal = 'changed-meanwhile';
    await store().contacts.upsertMany(
      portal,
      contacts(300, () => ({ grade: 'C3', score: 1 })),
      1,
    );
    const version = await activate(store(), portal, agreementWith());
    const other = await createStore(database.options);
    await rescorePortal(rescoreDeps(store(), fakeEngine, readAhead('fake')), {
      portalId: portal,
      agreementVersion: version,
      batchSize: 100,
      now: () => NOW,
      onProgress: async (progress) => {
        // Page 2 (c00100..c00199) has been read ahead by now; this commit comes from another connection.
        if (progress.done === 100) {
          await other.contacts.upsertMany(
            portal,
            contacts(150, () => ({ grade: 'A1', score: 90 })).slice(120),
            2,
          );
        }
      },
    });
    await other.close();
    expect(await store().qualifications.get(portal, 'c00119')).toMatchObject({ grade: 'C3' });
    expect(await store().qualifications.get(portal, 'c00120')).toMatchObject({
      grade: 'A1',
      tier: 'sales_ready',
    });
    expect(await store().qualifications.get(portal, 'c00149')).toMatchObject({
      grade: 'A1',
      tier: 'sales_ready',
    });
    expect((await store().outbox.get(portal, 'c00149'))?.properties).toMatchObject({ lead_pact_grade: 'A1' });
  });

  it('stops with an error naming the worker when it cannot start, and a run without it then does the work', async () => {
    const portal = 'broken-worker';
    await store().contacts.upsertMany(
      portal,
      contacts(300, () => ({ grade: 'C3', score: 1 })),
      1,
    );
    const version = await activate(store(), portal, agreementWith());
    const request = { portalId: portal, agreementVersion: version, batchSize: 100 };
    const broken = {
      ...readAhead('fake'),
      scorer: { module: path.join(__dirname, 'no-such-engine'), name: 'engine' },
    };
    await expect(rescorePortal(rescoreDeps(store(), fakeEngine, broken), request)).rejects.toThrow(
      /Rescore page worker failed: .*no-such-engine/,
    );
    expect(await store().checkpoints.get(portal, rescoreCheckpoint(version))).toBeUndefined();
    expect(await rescorePortal(rescoreDeps(store(), fakeEngine), request)).toMatchObject({
      done: 300,
      changed: 300,
    });
  });
});
