import { parseAgreement } from '../../../src/domain/parse-agreement';
import { rescoreCheckpoint, rescorePortal } from '../../../src/use-cases/rescore/rescore-portal';
import { fakeEngine } from './fake-engine';
import { inMemoryRescore } from './in-memory-rescore';
import { agreementWith, contacts } from './rescore-fixtures';

const NOW = Date.UTC(2026, 11, 10, 3);

function world(n: number, capacity: number) {
  const parsed = parseAgreement(agreementWith({ capacity }));
  if (!parsed.success) throw new Error('the example agreement does not parse');
  const all = contacts(n, (i) => ({ grade: i % 2 === 0 ? 'A1' : 'C3', score: i }));
  return inMemoryRescore(all, parsed.data);
}

describe('a rescore, page by page from its page source (in memory)', () => {
  it('writes each page with where the run is, reports progress after each page and closes the source', async () => {
    const { store, pages, state } = world(25, 4);
    const seen: number[] = [];
    const result = await rescorePortal(
      { store, pages, engine: fakeEngine },
      {
        portalId: 'p',
        agreementVersion: 3,
        batchSize: 10,
        now: () => NOW,
        onProgress: (p) => void seen.push(p.done),
      },
    );
    expect(seen).toEqual([10, 20, 25]);
    expect(result).toEqual({
      after: 'c00024',
      done: 25,
      total: 25,
      changed: 25,
      madeSalesReady: 4,
      finished: true,
    });
    expect(state.checkpoints.get(rescoreCheckpoint(3))).toEqual(result);
    expect(state.outbox.map((w) => w.contactId)).toHaveLength(25);
    expect([...state.qualifications.values()].filter((q) => q.tier === 'sales_ready')).toHaveLength(4);
    expect(state.closed).toBe(1);
  });

  it('closes the source when a page fails, and a second run continues after the last page written', async () => {
    const { store, pages, state } = world(25, 100);
    state.failWrite = 2;
    const request = { portalId: 'p', agreementVersion: 3, batchSize: 10, now: () => NOW };
    await expect(rescorePortal({ store, pages, engine: fakeEngine }, request)).rejects.toThrow(
      'write failed',
    );
    expect(state.closed).toBe(1);
    expect(state.checkpoints.get(rescoreCheckpoint(3))).toMatchObject({ after: 'c00009', done: 10 });
    state.failWrite = 0;
    const result = await rescorePortal({ store, pages, engine: fakeEngine }, request);
    expect(result).toMatchObject({ done: 25, changed: 25, finished: true });
    expect(state.outbox).toHaveLength(25);
    expect(state.closed).toBe(2);
  });

  it('opens no pages when the run already finished', async () => {
    const { store, pages, state } = world(5, 100);
    const request = { portalId: 'p', agreementVersion: 3, now: () => NOW };
    await rescorePortal({ store, pages, engine: fakeEngine }, request);
    expect(await rescorePortal({ store, pages, engine: fakeEngine }, request)).toMatchObject({
      done: 5,
      finished: true,
    });
    expect(state.closed).toBe(1);
  });
});
