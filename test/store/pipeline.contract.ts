import type { TestDatabase } from './test-databases';
import { freshPortal, useStore } from './store-contract';

/** Webhook inbox, outbox, capacity and the shared request budget. */
export function pipelineContract(make: () => Promise<TestDatabase>) {
  const store = useStore(make);

  it('stores each webhook event once however often HubSpot delivers it', async () => {
    const portal = freshPortal();
    const event = (n: number) => ({
      eventId: `${n}`,
      portalId: Number(portal),
      occurredAt: n,
      kind: 'created' as const,
      contactId: `${50 + n}`,
    });
    const events = [1, 2, 2, 3].map((n) => ({ portalId: portal, eventId: `${n}`, payload: event(n) }));
    expect(await store().inbox.add(events, 1)).toBe(3);
    expect(await store().inbox.add(events, 2)).toBe(0);
    const waiting = await store().inbox.pending(portal, 1000);
    expect(waiting.map((e) => e.event)).toEqual([event(1), event(2), event(3)]);
    await store().inbox.markProcessed(
      waiting.map((e) => e.id),
      3,
    );
    expect(await store().inbox.pending(portal, 1000)).toEqual([]);
  });

  it('merges a second write into a pending one and replaces one already sent', async () => {
    const portal = freshPortal();
    await store().outbox.enqueueMany(
      portal,
      [{ contactId: '1', properties: { lead_pact_tier: 'nurture', lead_pact_score: '30' } }],
      1,
    );
    await store().outbox.enqueueMany(portal, [{ contactId: '1', properties: { lead_pact_score: '35' } }], 2);
    expect(await store().outbox.get(portal, '1')).toMatchObject({
      status: 'pending',
      revision: 2,
      properties: { lead_pact_tier: 'nurture', lead_pact_score: '35' },
    });
    const [claimed] = await store().outbox.claimDue(portal, 3, 100, 60_000);
    await store().outbox.markSent(portal, [{ contactId: '1', revision: claimed!.revision }], 4);
    await store().outbox.enqueueMany(portal, [{ contactId: '1', properties: { lead_pact_grade: 'A1' } }], 5);
    expect(await store().outbox.get(portal, '1')).toMatchObject({
      status: 'pending',
      properties: { lead_pact_grade: 'A1' },
    });
  });

  it('hides claimed writes from a second writer until the claim expires', async () => {
    const portal = freshPortal();
    await store().outbox.enqueueMany(
      portal,
      ['1', '2', '3'].map((contactId) => ({ contactId, properties: { a: contactId } })),
      1,
    );
    const [first, second] = await Promise.all([
      store().outbox.claimDue(portal, 2, 2, 1000),
      store().outbox.claimDue(portal, 2, 2, 1000),
    ]);
    const claimed = [...first!, ...second!].map((e) => e.contactId).sort();
    expect(claimed).toEqual(['1', '2', '3']);
    expect(await store().outbox.claimDue(portal, 500, 10, 1000)).toEqual([]);
    expect(await store().outbox.claimDue(portal, 1002, 10, 1000)).toHaveLength(3);
  });

  it('keeps a write that arrived during a send pending instead of marking it sent', async () => {
    const portal = freshPortal();
    await store().outbox.enqueueMany(portal, [{ contactId: '1', properties: { a: '1' } }], 1);
    const [claimed] = await store().outbox.claimDue(portal, 1, 10, 60_000);
    await store().outbox.enqueueMany(portal, [{ contactId: '1', properties: { b: '2' } }], 2);
    await store().outbox.markSent(portal, [{ contactId: '1', revision: claimed!.revision }], 3);
    expect(await store().outbox.get(portal, '1')).toMatchObject({
      status: 'pending',
      nextAttemptAt: 3,
      properties: { a: '1', b: '2' },
    });
  });

  it('records a rejection with HubSpot message and counts rows per status', async () => {
    const portal = freshPortal();
    await store().outbox.enqueueMany(
      portal,
      ['1', '2'].map((contactId) => ({ contactId, properties: { a: '1' } })),
      1,
    );
    await store().outbox.markRejected(portal, '1', 1, 'Object not found', 2);
    await store().outbox.retryLater(portal, ['2'], 99, 'HTTP 503');
    expect(await store().outbox.get(portal, '1')).toMatchObject({
      status: 'rejected',
      message: 'Object not found',
    });
    expect(await store().outbox.get(portal, '2')).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: 99,
    });
    expect(await store().outbox.counts(portal)).toEqual({ pending: 1, sent: 0, rejected: 1 });
  });

  it('never lets 40 concurrent capacity takes exceed the monthly capacity', async () => {
    const portal = freshPortal();
    const one = { capacity: 25, routes: [{ route: 'field_sales' as const, n: 1, capacity: null }] };
    const takes = await Promise.all(
      Array.from({ length: 40 }, () => store().capacity.tryTakePlaces(portal, '2026-12', one)),
    );
    expect(takes.filter(Boolean)).toHaveLength(25);
    expect(await store().capacity.used(portal, '2026-12')).toBe(25);
    const tooMany = { capacity: 25, routes: [{ route: 'inside_sales' as const, n: 26, capacity: null }] };
    expect(await store().capacity.tryTakePlaces(portal, '2027-01', tooMany)).toBe(false);
    expect(await store().capacity.used(portal, '2027-01')).toBe(0);
  });

  it('grants requests up to the limit in a rolling 10-second window, then says how long to wait', async () => {
    const portal = freshPortal();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => store().rateBudget.reserveRequests(portal, 10, 1_000)),
    );
    expect(answers.filter((a) => a.granted)).toHaveLength(10);
    expect(answers.find((a) => !a.granted)?.waitMs).toBe(10_000);
    expect((await store().rateBudget.reserveRequests(portal, 10, 10_999)).granted).toBe(false);
    expect((await store().rateBudget.reserveRequests(portal, 10, 11_000)).granted).toBe(true);
  });

  it('refuses every request of a paused portal until the pause ends', async () => {
    const portal = freshPortal();
    await store().rateBudget.pauseUntil(portal, 5_000, 1_000);
    expect(await store().rateBudget.reserveRequests(portal, 10, 2_000)).toEqual({
      granted: false,
      waitMs: 3_000,
    });
    expect((await store().rateBudget.reserveRequests(portal, 10, 5_000)).granted).toBe(true);
    expect(await store().rateBudget.status(portal, 5_000)).toEqual({ inWindow: 1, pausedUntil: null });
  });
}
