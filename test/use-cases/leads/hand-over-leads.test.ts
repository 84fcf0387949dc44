import type { Agreement } from '../../../src/domain/agreement-schema';
import { parseAgreement } from '../../../src/domain/parse-agreement';
import { handOverLeads, leadName } from '../../../src/use-cases/leads/hand-over-leads';
import { LEAD_SYNC_JOB } from '../../../src/use-cases/leads/lead-sync-jobs';
import type { StoredQualification } from '../../../src/use-cases/ports/qualifications';
import { rescorePortal } from '../../../src/use-cases/rescore/rescore-portal';
import { fakeEngine } from '../rescore/fake-engine';
import { inMemoryRescore } from '../rescore/in-memory-rescore';
import { agreementWith, contacts } from '../rescore/rescore-fixtures';
import { inMemoryLeads, recordingJobs } from './in-memory-leads';

const DEC_10 = Date.UTC(2026, 11, 10, 3);
const DEC_20 = Date.UTC(2026, 11, 20, 3);
const PEOPLE = [
  { firstname: 'Aiko', lastname: 'Sato', email: 'aiko@example.jp', hubspot_owner_id: '55' },
  { firstname: '', lastname: '', email: 'ken@example.jp' },
  { firstname: '健', lastname: '田中', email: 'tanaka@example.jp', hubspot_owner_id: '56' },
];

function agreement(over: { capacity?: number; createLeads?: boolean; leadOwners?: unknown } = {}): Agreement {
  const body = agreementWith({ capacity: over.capacity ?? 1000 });
  const handoff = body.handoff as Record<string, unknown>;
  if (over.createLeads !== undefined) handoff.createLeads = over.createLeads;
  if (over.leadOwners !== undefined) handoff.leadOwners = over.leadOwners;
  const parsed = parseAgreement(body);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}

/** Ten contacts, even ones A1 (sales-ready, better the higher the index), odd ones C3; the first three named. */
function world(body: Agreement) {
  const all = contacts(10, (i) => ({ grade: i % 2 === 0 ? 'A1' : 'C3', score: 10 + i })).map((c, i) => ({
    ...c,
    properties: { ...c.properties, ...(PEOPLE[i] ?? {}) },
    company: i === 0 ? { hs_object_id: '9001', name: 'Sato Kogyo' } : null,
  }));
  return inMemoryRescore(all, body);
}

const rescore = (w: ReturnType<typeof world>, version: number, now: number) =>
  rescorePortal(
    { store: w.store, pages: w.pages, engine: fakeEngine },
    { portalId: 'p', agreementVersion: version, batchSize: 4, now: () => now },
  );

describe('handing sales-ready contacts over as HubSpot Leads', () => {
  it('opens one Lead per contact that takes a place within capacity, named, owned and explained', async () => {
    const w = world(
      agreement({ capacity: 3, createLeads: true, leadOwners: { inside_sales: { teamId: '7' } } }),
    );
    const result = await rescore(w, 1, DEC_10);
    expect(result.madeSalesReady).toBe(3);
    const rows = w.leads.rows();
    // Capacity 3, pages of 4: both A1 contacts of the first page, then the better A1 of the second (c00006).
    expect(rows.map((r) => [r.contactId, r.name, r.handoffAt, r.wanted, r.status])).toEqual([
      ['c00000', 'Aiko Sato · A1', DEC_10, 'open', 'pending'],
      ['c00002', '健 田中 · A1', DEC_10, 'open', 'pending'],
      ['c00006', 'Contact c00006 · A1', DEC_10, 'open', 'pending'],
    ]);
    // The route names a team: the sync picks its member; the contact's owner stays the fallback.
    expect(rows[0]).toMatchObject({ teamId: '7', ownerId: '55', route: 'inside_sales', grade: 'A1' });
    expect(rows[2]).toMatchObject({ teamId: '7', ownerId: null });
    expect(rows[0]!.reasons).toBe('en: A1 sales_ready');
    // The Leads go to HubSpot through one lead-sync job per instant.
    expect(w.queue.enqueued.map((j) => [j.type, j.portalId])).toEqual([[LEAD_SYNC_JOB, 'p']]);
  });

  it('hands nothing over and queues nothing when the agreement does not create Leads', async () => {
    for (const body of [agreement({ capacity: 3 }), agreement({ capacity: 3, createLeads: false })]) {
      const w = world(body);
      expect((await rescore(w, 1, DEC_10)).madeSalesReady).toBe(3);
      expect(w.leads.rows()).toEqual([]);
      expect(w.queue.enqueued).toEqual([]);
    }
  });

  it('disqualifies the Lead of a contact a stricter agreement takes out, and a later handoff gets a new Lead', async () => {
    const body = agreement({ createLeads: true });
    const w = world(body);
    await rescore(w, 1, DEC_10);
    expect(w.leads.rows()).toHaveLength(5);
    body.handoff.salesReady = ['A2'];
    await rescore(w, 2, DEC_10 + 1000);
    expect(w.leads.rows().map((r) => [r.wanted, r.reason])).toEqual(
      Array(5).fill(['disqualified', 'nurture']),
    );
    expect(w.leads.rows()[0]!.reasonNote).toBe('en: A1 nurture');
    // Rescoring the same way again changes nothing: no Lead is disqualified twice.
    const before = w.leads.rows().map((r) => r.revision);
    await rescore(w, 3, DEC_10 + 2000);
    expect(w.leads.rows().map((r) => r.revision)).toEqual(before);
    body.handoff.salesReady = ['A1'];
    await rescore(w, 4, DEC_20);
    const byContact = (id: string) => w.leads.rows().filter((r) => r.contactId === id);
    expect(byContact('c00000').map((r) => [r.handoffAt, r.wanted])).toEqual([
      [DEC_10, 'disqualified'],
      [DEC_20, 'open'],
    ]);
    expect(w.leads.rows().filter((r) => r.wanted === 'open')).toHaveLength(5);
  });

  it('takes the name from first and last name, else the email; the owner from the route, else the contact', async () => {
    const w = world(agreement({ createLeads: true, leadOwners: { marketing: { ownerId: '1' } } }));
    await rescore(w, 1, DEC_10);
    const [aiko, tanaka] = w.leads.rows();
    expect(aiko).toMatchObject({ contactId: 'c00000', name: 'Aiko Sato · A1', ownerId: '55', teamId: null });
    expect(aiko!.companyId).toBe('9001');
    expect(tanaka).toMatchObject({ name: '健 田中 · A1', ownerId: '56', companyId: null });
    expect(leadName({ id: '2', properties: PEOPLE[1]! }, '2', 'B1')).toBe('ken@example.jp · B1');
  });

  describe('on the card and by the SLA', () => {
    const sales = (contactId: string, qualifiedAt: number): StoredQualification => ({
      contactId,
      tier: 'sales_ready',
      grade: 'B1',
      score: 70,
      stage: 'decision',
      route: 'field_sales',
      tierReason: null,
      reasons: 'Clicked “get a quote”',
      agreementVersion: 1,
      qualifiedAt,
      followUpDue: null,
      slaStatus: 'on_track',
      recycledAt: null,
      capacityMonth: '2026-12',
      criteria: null,
    });
    function tx() {
      const leads = inMemoryLeads();
      const queue = recordingJobs();
      return {
        tx: { leads: leads.leads, jobs: queue.jobs, contacts: { get: async () => undefined } },
        leads,
        queue,
      };
    }
    const on = agreement({ createLeads: true, leadOwners: { field_sales: { ownerId: '101' } } });

    it('opens a handoff once however often it is reported', async () => {
      const { tx: t, leads, queue } = tx();
      const handed = { kind: 'handed_over' as const, qualification: sales('1', DEC_10) };
      expect(await handOverLeads(t, 'p', on, [handed], DEC_10)).toBe(1);
      expect(await handOverLeads(t, 'p', on, [handed], DEC_10 + 5)).toBe(0);
      // Still open: a new sales-ready verdict of the same contact does not open a second Lead.
      const again = { kind: 'handed_over' as const, qualification: sales('1', DEC_20) };
      expect(await handOverLeads(t, 'p', on, [again], DEC_20)).toBe(0);
      expect(leads.rows()).toEqual([expect.objectContaining({ handoffAt: DEC_10, ownerId: '101' })]);
      expect(queue.enqueued).toHaveLength(1);
    });

    it('moves an accepted Lead on, and disqualifies a rejected one with the rep’s words', async () => {
      const { tx: t, leads } = tx();
      await handOverLeads(t, 'p', on, [{ kind: 'handed_over', qualification: sales('1', DEC_10) }], DEC_10);
      await handOverLeads(t, 'p', on, [{ kind: 'handed_over', qualification: sales('2', DEC_10) }], DEC_10);
      expect(await handOverLeads(t, 'p', on, [{ kind: 'accepted', contactId: '1' }], DEC_10 + 1)).toBe(1);
      const rejected = {
        kind: 'left' as const,
        contactId: '2',
        reason: 'rejected' as const,
        note: 'Student',
      };
      expect(await handOverLeads(t, 'p', on, [rejected], DEC_10 + 2)).toBe(1);
      expect(leads.rows().map((r) => [r.contactId, r.wanted, r.reason, r.reasonNote])).toEqual([
        ['1', 'accepted', null, null],
        ['2', 'disqualified', 'rejected', 'Student'],
      ]);
      // Recycled by the SLA later, the accepted Lead is disqualified too; the rejected one is not touched again.
      const recycle = (id: string) => ({
        kind: 'left' as const,
        contactId: id,
        reason: 'sla_no_progress' as const,
        note: null,
      });
      expect(await handOverLeads(t, 'p', on, [recycle('1'), recycle('2')], DEC_20)).toBe(1);
      expect(leads.rows().map((r) => [r.wanted, r.reason])).toEqual([
        ['disqualified', 'sla_no_progress'],
        ['disqualified', 'rejected'],
      ]);
    });

    it('touches nothing with createLeads off, even a Lead opened while it was on', async () => {
      const { tx: t, leads, queue } = tx();
      await handOverLeads(t, 'p', on, [{ kind: 'handed_over', qualification: sales('1', DEC_10) }], DEC_10);
      const off = agreement();
      const changes = [
        { kind: 'left' as const, contactId: '1', reason: 'rejected' as const, note: null },
        { kind: 'handed_over' as const, qualification: sales('2', DEC_10) },
      ];
      expect(await handOverLeads(t, 'p', off, changes, DEC_20)).toBe(0);
      expect(leads.rows()).toEqual([
        expect.objectContaining({ contactId: '1', wanted: 'open', revision: 1 }),
      ]);
      expect(queue.enqueued).toHaveLength(1);
    });
  });
});
