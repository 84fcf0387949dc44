import { registerRescore } from '../../../src/jobs/handlers/rescore-handler';
import { createJobRegistry } from '../../../src/jobs/job-registry';
import { createJobWorker } from '../../../src/jobs/job-worker';
import type { Store } from '../../../src/store/create-store';
import { storeAgreementPorts } from '../../../src/use-cases/agreements/store-ports';
import { domainEngine } from '../../../src/use-cases/rescore/domain-engine';
import { rescorePortal } from '../../../src/use-cases/rescore/rescore-portal';
import { fakeEngine } from './fake-engine';
import { rescoreDeps } from './rescore-deps';
import { activate, agreementWith, contacts } from './rescore-fixtures';

const NOW = Date.UTC(2026, 11, 10, 3); // 2026-12 in Asia/Tokyo
const now = () => NOW;

/** The rescore use case on a real store. */
export function rescoreContract(store: () => Store) {
  let n = 0;
  const portal = () => `rescore-${++n}`;

  it('qualifies every stored contact once and queues each one write with its non-empty properties', async () => {
    const p = portal();
    await store().contacts.upsertMany(
      p,
      contacts(25, (i) => ({ grade: i % 5 === 0 ? 'A1' : 'C3', score: i })),
      1,
    );
    const v = await activate(store(), p, agreementWith());
    const result = await rescorePortal(rescoreDeps(store(), fakeEngine), {
      portalId: p,
      agreementVersion: v,
      batchSize: 10,
      now,
    });
    expect(result).toMatchObject({ done: 25, total: 25, changed: 25, madeSalesReady: 5, finished: true });
    const outbox = await store().outbox.list(p);
    expect(outbox).toHaveLength(25);
    expect(outbox[0]).toMatchObject({
      revision: 1,
      properties: {
        lead_pact_tier: 'sales_ready',
        lead_pact_grade: 'A1',
        lead_pact_score: '0',
        lead_pact_reasons: 'en: A1 sales_ready',
        lead_pact_agreement_version: String(v),
        lead_pact_qualified_at: String(NOW),
        lead_pact_follow_up_due: String(NOW + 2 * 86_400_000),
        lead_pact_sla_status: 'on_track',
      },
    });
    expect(outbox[1]!.properties).not.toHaveProperty('lead_pact_qualified_at');
    const inTier = async (tier: string) =>
      (await store().qualifications.pageInTier(p, tier, null, 100)).map((q) => q.contactId);
    expect(await inTier('sales_ready')).toEqual(['c00000', 'c00005', 'c00010', 'c00015', 'c00020']);
    expect(await inTier('nurture')).toHaveLength(20);
  });

  it('writes only the changed properties of the contacts a new version changes, and nothing else', async () => {
    const p = portal();
    await store().contacts.upsertMany(
      p,
      contacts(6, (i) => ({ grade: i < 2 ? 'B1' : 'C3', score: 50 })),
      1,
    );
    const v1 = await activate(store(), p, agreementWith({ salesReady: ['A1', 'B1'] }));
    await rescorePortal(rescoreDeps(store(), fakeEngine), { portalId: p, agreementVersion: v1, now });
    const claimed = await store().outbox.claimDue(p, NOW, 100, 1000);
    await store().outbox.markSent(p, claimed, NOW);
    const before = await store().outbox.list(p);
    const v2 = await activate(store(), p, agreementWith({ salesReady: ['A1'] }));
    const result = await rescorePortal(rescoreDeps(store(), fakeEngine), {
      portalId: p,
      agreementVersion: v2,
      now: () => NOW + 1,
    });
    expect(result).toMatchObject({ done: 6, changed: 2 });
    const after = await store().outbox.list(p);
    expect(after.map((e) => e.revision)).toEqual([2, 2, 1, 1, 1, 1]);
    expect(after.slice(2)).toEqual(before.slice(2));
    expect(after[0]!.properties).toEqual({
      lead_pact_tier: 'nurture',
      lead_pact_route: 'marketing',
      lead_pact_reasons: 'en: B1 nurture',
      lead_pact_agreement_version: String(v2),
      lead_pact_qualified_at: '',
      lead_pact_follow_up_due: '',
      lead_pact_sla_status: '',
    });
  });

  it('gives capacity places to the highest scores and keeps the rest nurture for "capacity"', async () => {
    const p = portal();
    await store().contacts.upsertMany(
      p,
      contacts(10, (i) => ({ grade: 'A1', score: i * 10 })),
      1,
    );
    const v = await activate(store(), p, agreementWith({ capacity: 4 }));
    const result = await rescorePortal(rescoreDeps(store(), fakeEngine), {
      portalId: p,
      agreementVersion: v,
      now,
    });
    expect(result.madeSalesReady).toBe(4);
    const tiers = await Promise.all(
      contacts(10, () => ({ grade: '', score: 0 })).map((c) => store().qualifications.get(p, c.id)),
    );
    expect(tiers.map((q) => q!.tier)).toEqual([...Array(6).fill('nurture'), ...Array(4).fill('sales_ready')]);
    expect(tiers[0]).toMatchObject({ tierReason: 'capacity', reasons: 'en: A1 nurture (capacity)' });
    expect(await store().capacity.used(p, '2026-12')).toBe(4);
  });

  it('does not take a second place for a contact already sales_ready when it is rescored', async () => {
    const p = portal();
    await store().contacts.upsertMany(
      p,
      contacts(3, () => ({ grade: 'A1', score: 80 })),
      1,
    );
    const v1 = await activate(store(), p, agreementWith({ capacity: 3 }));
    await rescorePortal(rescoreDeps(store(), fakeEngine), { portalId: p, agreementVersion: v1, now });
    const v2 = await activate(store(), p, agreementWith({ capacity: 3, salesReady: ['A1', 'A2'] }));
    const result = await rescorePortal(rescoreDeps(store(), fakeEngine), {
      portalId: p,
      agreementVersion: v2,
      now: () => NOW + 5,
    });
    expect(result).toMatchObject({ madeSalesReady: 0, changed: 0 });
    expect(await store().capacity.used(p, '2026-12')).toBe(3);
    expect(await store().qualifications.get(p, 'c00000')).toMatchObject({
      tier: 'sales_ready',
      qualifiedAt: NOW,
    });
  });

  it('continues after the last committed batch when a stopped rescore is started again', async () => {
    const p = portal();
    await store().contacts.upsertMany(
      p,
      contacts(35, () => ({ grade: 'C3', score: 1 })),
      1,
    );
    const v = await activate(store(), p, agreementWith());
    const controller = new AbortController();
    const seen: number[] = [];
    const stopped = rescorePortal(rescoreDeps(store(), fakeEngine), {
      portalId: p,
      agreementVersion: v,
      batchSize: 10,
      now,
      signal: controller.signal,
      onProgress: (progress) => {
        seen.push(progress.done);
        if (progress.done === 20) controller.abort();
      },
    });
    await expect(stopped).rejects.toThrow();
    const resumed = await rescorePortal(rescoreDeps(store(), fakeEngine), {
      portalId: p,
      agreementVersion: v,
      batchSize: 10,
      now,
      onProgress: (progress) => void seen.push(progress.done),
    });
    expect(seen).toEqual([10, 20, 30, 35]);
    expect(resumed).toMatchObject({ done: 35, total: 35, changed: 35 });
    expect((await store().outbox.list(p)).every((e) => e.revision === 1)).toBe(true);
  });

  it('skips a version that is no longer active', async () => {
    const p = portal();
    const v1 = await activate(store(), p, agreementWith());
    await activate(store(), p, agreementWith());
    expect(
      await rescorePortal(rescoreDeps(store(), fakeEngine), { portalId: p, agreementVersion: v1, now }),
    ).toMatchObject({ skipped: 'not_active' });
  });

  it('runs as the job agreement approval enqueues, with its progress on the job', async () => {
    const p = portal();
    const woken: string[] = [];
    await store().contacts.upsertMany(
      p,
      contacts(30, () => ({ grade: 'A1', score: 90 })),
      1,
    );
    const v = await activate(store(), p, agreementWith());
    const lifecycle = storeAgreementPorts(store(), {
      userTeams: { teamIdsOf: async () => [] },
      clock: { now: () => Date.now() },
    });
    await lifecycle.jobs.enqueue(
      { type: 'rescore', portalId: p, version: v },
      { idempotencyKey: `rescore:${p}:${v}` },
    );
    const queued = await store().jobs.list({ type: 'rescore', portalId: p });
    expect(queued).toHaveLength(1);
    const id = queued[0]!.id;
    const worker = createJobWorker({
      leases: store().jobs,
      registry: registerRescore(createJobRegistry(), rescoreDeps(store(), fakeEngine), async (portalId) => {
        woken.push(portalId);
      }),
      pollMs: 10,
    });
    worker.start();
    for (let i = 0; i < 300 && (await store().jobs.get(id))?.status !== 'succeeded'; i++)
      await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect(await store().jobs.get(id)).toMatchObject({
      status: 'succeeded',
      progress: { done: 30, total: 30, finished: true },
      result: { done: 30, changed: 30 },
    });
    expect(woken).toEqual([p]);
  });

  it('hands a director of a 1,200-person company who asked for a quote to field sales with the real engine', async () => {
    const p = portal();
    const hot = {
      id: '1',
      properties: {
        jobtitle: 'Director of IT',
        recent_conversion_event_name: 'Get a quote (newsletter)',
        recent_conversion_date: String(NOW),
        email: 'a@corp.example',
      },
      company: { numberofemployees: '1200', industry: 'MACHINERY' },
    };
    const cold = { id: '2', properties: { jobtitle: 'Engineer', email: 'b@corp.example' }, company: null };
    await store().contacts.upsertMany(p, [hot, cold], 1);
    const v = await activate(store(), p, agreementWith());
    await rescorePortal(rescoreDeps(store(), domainEngine), { portalId: p, agreementVersion: v, now });
    const ready = await store().outbox.get(p, '1');
    expect(ready?.properties).toMatchObject({
      lead_pact_tier: 'sales_ready',
      lead_pact_grade: 'A1',
      lead_pact_stage: 'decision',
      lead_pact_route: 'field_sales',
      lead_pact_sla_status: 'on_track',
    });
    expect(Number(ready?.properties.lead_pact_follow_up_due)).toBeGreaterThan(NOW);
    expect(ready?.properties.lead_pact_reasons).toMatch(/quote/i);
    expect((await store().outbox.get(p, '2'))?.properties).toMatchObject({
      lead_pact_tier: 'nurture',
      lead_pact_route: 'marketing',
    });
  });
}
