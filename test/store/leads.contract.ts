import type { NewLeadHandoff } from '../../src/use-cases/ports/leads';
import type { TestDatabase } from './test-databases';
import { freshPortal, useStore } from './store-contract';

/** The handed-over Leads and their outbox (migration 009). */
export function leadsContract(make: () => Promise<TestDatabase>) {
  const store = useStore(make);
  const handoff = (contactId: string, handoffAt: number, ownerId: string | null = '101'): NewLeadHandoff => ({
    contactId,
    handoffAt,
    name: `Aiko Sato · A1`,
    ownerId,
    teamId: null,
    companyId: '900',
    grade: 'A1',
    route: 'field_sales',
    reasons: 'Company size 1000+ (40); clicked “get a quote”',
  });

  it('opens one Lead per handoff and never a second open one for the same contact', async () => {
    const portal = freshPortal();
    const leads = store().leads;
    expect(await leads.open(portal, handoff('1', 1000), 1)).toBe(true);
    expect(await leads.open(portal, handoff('1', 1000), 2)).toBe(false);
    // A later handoff while the first Lead is still open records nothing.
    expect(await leads.open(portal, handoff('1', 5000), 3)).toBe(false);
    expect(await leads.latest(portal, '1')).toMatchObject({
      handoffAt: 1000,
      wanted: 'open',
      status: 'pending',
      leadId: null,
      name: 'Aiko Sato · A1',
      ownerId: '101',
      companyId: '900',
      reasons: 'Company size 1000+ (40); clicked “get a quote”',
    });
    // Disqualified, the contact may come back later with a new Lead.
    expect(await leads.close(portal, '1', 'disqualified', 'sla_no_touch', null, 10)).toBe(true);
    expect(await leads.openFor(portal, '1')).toBeUndefined();
    expect(await leads.open(portal, handoff('1', 5000), 11)).toBe(true);
    expect(await leads.latest(portal, '1')).toMatchObject({ handoffAt: 5000, wanted: 'open' });
    expect(await leads.openFor(portal, '1')).toMatchObject({ handoffAt: 5000 });
  });

  it('lets only one of many concurrent handoffs of a contact open a Lead', async () => {
    const portal = freshPortal();
    const opened = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store().transaction((tx) => tx.leads.open(portal, handoff('7', 1000 + i), 1)),
      ),
    );
    expect(opened.filter(Boolean)).toHaveLength(1);
    expect(await store().leads.counts(portal)).toEqual({ pending: 1, synced: 0, rejected: 0 });
  });

  it('accepts an open Lead once, then still lets it be disqualified, with the reason and note', async () => {
    const portal = freshPortal();
    const leads = store().leads;
    expect(await leads.close(portal, '2', 'accepted', null, null, 1)).toBe(false);
    await leads.open(portal, handoff('2', 1000), 1);
    expect(await leads.close(portal, '2', 'accepted', null, null, 2)).toBe(true);
    expect(await leads.close(portal, '2', 'accepted', null, null, 3)).toBe(false);
    expect(await leads.latest(portal, '2')).toMatchObject({
      wanted: 'accepted',
      revision: 2,
      status: 'pending',
    });
    expect(await leads.close(portal, '2', 'disqualified', 'rejected', 'Too small for field sales', 4)).toBe(
      true,
    );
    expect(await leads.latest(portal, '2')).toMatchObject({
      wanted: 'disqualified',
      reason: 'rejected',
      reasonNote: 'Too small for field sales',
      revision: 3,
    });
    expect(await leads.close(portal, '2', 'disqualified', 'sla_no_touch', null, 5)).toBe(false);
  });

  it('hands due rows to one worker at a time and keeps a change made during the sync pending', async () => {
    const portal = freshPortal();
    const leads = store().leads;
    await leads.open(portal, handoff('3', 1000), 1);
    await leads.open(portal, handoff('4', 1000), 1);
    const [first, second] = await Promise.all([
      leads.claimDue(portal, 2, 10, 60_000),
      leads.claimDue(portal, 2, 10, 60_000),
    ]);
    expect([...first!, ...second!].map((r) => r.contactId).sort()).toEqual(['3', '4']);
    const claimed = [...first!, ...second!];
    const three = claimed.find((r) => r.contactId === '3')!;
    const four = claimed.find((r) => r.contactId === '4')!;
    // A rep rejects contact 3 while its Lead is being created: the Lead id is kept, the change stays due.
    await leads.close(portal, '3', 'disqualified', 'rejected', 'wrong person', 3);
    await leads.markSynced(portal, three, 'L-3', 'new-stage-id', 4);
    await leads.markSynced(portal, four, 'L-4', 'new-stage-id', 4);
    expect(await leads.latest(portal, '3')).toMatchObject({
      leadId: 'L-3',
      status: 'pending',
      wanted: 'disqualified',
    });
    expect(await leads.latest(portal, '4')).toMatchObject({
      leadId: 'L-4',
      status: 'synced',
      hubspotStage: 'new-stage-id',
    });
    const again = await leads.claimDue(portal, 5, 10, 60_000);
    expect(again.map((r) => [r.contactId, r.leadId, r.wanted])).toEqual([['3', 'L-3', 'disqualified']]);
    expect(await leads.byLeadId(portal, 'L-4')).toMatchObject({ contactId: '4' });
  });

  it('retries later with the message and records HubSpot rejections; a refused creation frees the contact', async () => {
    const portal = freshPortal();
    const leads = store().leads;
    await leads.open(portal, handoff('5', 1000), 1);
    const [row] = await leads.claimDue(portal, 1, 10, 60_000);
    await leads.retryLater(portal, [row!], 500, 'HubSpot answered 429');
    expect(await leads.claimDue(portal, 499, 10, 60_000)).toEqual([]);
    expect(await leads.nextDueAt(portal)).toBe(500);
    expect(await leads.latest(portal, '5')).toMatchObject({ attempts: 1, message: 'HubSpot answered 429' });
    const [retried] = await leads.claimDue(portal, 500, 10, 60_000);
    await leads.markRejected(portal, retried!, 'Contact 5 does not exist', 501);
    expect(await leads.latest(portal, '5')).toMatchObject({
      status: 'rejected',
      message: 'Contact 5 does not exist',
    });
    expect(await leads.counts(portal)).toEqual({ pending: 0, synced: 0, rejected: 1 });
    expect(await leads.open(portal, handoff('5', 2000), 600)).toBe(true);
  });

  it('records the Lead stage HubSpot reports: the first touch by a rep, and a conversion closes it', async () => {
    const portal = freshPortal();
    const leads = store().leads;
    await leads.open(portal, handoff('6', 1000, '101'), 1);
    const [row] = await leads.claimDue(portal, 1, 10, 60_000);
    await leads.markSynced(portal, row!, 'L-6', 'new-stage-id', 2);
    expect(
      await leads.recordStage(portal, 'L-404', 'attempting-stage-id', 3, { byRep: true, converted: false }),
    ).toBe(undefined);
    await leads.recordStage(portal, 'L-6', 'attempting-stage-id', 10, { byRep: true, converted: false });
    await leads.recordStage(portal, 'L-6', 'connected-stage-id', 20, { byRep: true, converted: false });
    expect(await leads.latest(portal, '6')).toMatchObject({
      hubspotStage: 'connected-stage-id',
      workedAt: 10,
    });
    expect(await leads.openCountsByOwner(portal, ['101', '102'])).toEqual({ '101': 1, '102': 0 });
    await leads.recordStage(portal, 'L-6', 'qualified-stage-id', 30, { byRep: true, converted: true });
    expect(await leads.latest(portal, '6')).toMatchObject({ convertedAt: 30, workedAt: 10 });
    // Converted, the Lead is no longer open: leaving sales_ready later does not disqualify it.
    expect(await leads.close(portal, '6', 'disqualified', 'disqualified', null, 40)).toBe(false);
    expect(await leads.openCountsByOwner(portal, ['101'])).toEqual({ '101': 0 });
  });

  it('tells which contacts of a page hold an open Lead, and keeps a Lead created before its move is sent', async () => {
    const portal = freshPortal();
    const leads = store().leads;
    await leads.open(portal, handoff('40', 1000), 1);
    await leads.open(portal, handoff('41', 1000), 1);
    await leads.close(portal, '41', 'disqualified', 'nurture', null, 2);
    const ids = Array.from({ length: 2500 }, (_, i) => String(i + 39));
    expect([...(await leads.openAmong(portal, ids))]).toEqual(['40']);
    await leads.close(portal, '40', 'accepted', null, null, 3);
    const [row] = await leads.claimDue(portal, 4, 10, 60_000);
    await leads.recordLead(portal, row!, 'L-40', 'new-stage-id', 5);
    expect(await leads.latest(portal, '40')).toMatchObject({
      leadId: 'L-40',
      hubspotStage: 'new-stage-id',
      status: 'pending',
      wanted: 'accepted',
    });
  });

  it('tells which handoffs of a page are recorded, open or closed, matching each contact’s own handoff', async () => {
    const portal = freshPortal();
    const leads = store().leads;
    await leads.open(portal, handoff('50', 1000), 1);
    await leads.open(portal, handoff('51', 1000), 1);
    await leads.close(portal, '51', 'disqualified', 'rejected', null, 2);
    await leads.open(portal, handoff('52', 1000), 1);
    const asked = [
      { contactId: '50', handoffAt: 1000 },
      { contactId: '51', handoffAt: 1000 },
      // Handed over again later: that handoff has no row yet.
      { contactId: '52', handoffAt: 9000 },
      { contactId: '53', handoffAt: 1000 },
      ...Array.from({ length: 1500 }, (_, i) => ({ contactId: `x${i}`, handoffAt: 1000 })),
    ];
    expect([...(await leads.recordedAmong(portal, asked))].sort()).toEqual(['50', '51']);
    expect(await leads.recordedAmong(freshPortal(), asked)).toEqual(new Set());
  });

  it('closes a Lead a rep disqualified in HubSpot (rep_in_hubspot, worked, nothing to send) or deleted, once, freeing the contact', async () => {
    const portal = freshPortal();
    const leads = store().leads;
    for (const id of ['60', '61']) {
      await leads.open(portal, handoff(id, 1000), 1);
      const [row] = await leads.claimDue(portal, 2, 10, 60_000);
      await leads.markSynced(portal, row!, `L-${id}`, 'new-stage-id', 3);
    }
    await leads.close(portal, '60', 'accepted', null, null, 4);
    const note = 'Disqualified in HubSpot: BAD_TIMING';
    expect(await leads.disqualifiedInHubSpot(portal, 'L-60', 'unqualified-stage-id', note, 5)).toMatchObject({
      contactId: '60',
      wanted: 'disqualified',
      reason: 'rep_in_hubspot',
      reasonNote: note,
      hubspotStage: 'unqualified-stage-id',
      workedAt: 5,
      status: 'synced',
    });
    // Closed already: nothing is written again.
    expect(
      await leads.disqualifiedInHubSpot(portal, 'L-60', 'unqualified-stage-id', 'again', 6),
    ).toBeUndefined();
    expect(
      await leads.disqualifiedInHubSpot(portal, 'L-unknown', 'unqualified-stage-id', note, 6),
    ).toBeUndefined();
    await leads.close(portal, '61', 'accepted', null, null, 7);
    const deleted = { byRep: false, converted: false, deleted: true };
    expect(await leads.recordStage(portal, 'L-61', 'lead-pact:deleted', 8, deleted)).toMatchObject({
      status: 'synced',
      workedAt: null,
    });
    expect(await leads.claimDue(portal, 100, 10, 60_000)).toEqual([]);
    expect(await leads.openAmong(portal, ['60', '61'])).toEqual(new Set());
    expect(await leads.open(portal, handoff('61', 9000), 9)).toBe(true);
    expect((await leads.countsBetween(portal, 0, 100)).disqualifiedByReason).toEqual({ rep_in_hubspot: 1 });
  });

  it('keeps a team until the sync assigns the member who owns the Lead', async () => {
    const portal = freshPortal();
    const leads = store().leads;
    await leads.open(portal, { ...handoff('30', 1000, '101'), teamId: '7' }, 1);
    expect(await leads.latest(portal, '30')).toMatchObject({ ownerId: '101', teamId: '7' });
    await leads.assignOwner(portal, { contactId: '30', handoffAt: 1000 }, '205', 2);
    expect(await leads.latest(portal, '30')).toMatchObject({ ownerId: '205', teamId: null });
    expect(await leads.openCountsByOwner(portal, ['101', '205'])).toEqual({ '101': 0, '205': 1 });
  });

  it('keeps the name and company a Lead was created with, read fresh from HubSpot', async () => {
    const portal = freshPortal();
    const leads = store().leads;
    await leads.open(portal, { ...handoff('31', 1000), name: 'Contact 31 · A1', companyId: null }, 1);
    await leads.recordContact(
      portal,
      { contactId: '31', handoffAt: 1000 },
      { name: 'Aiko Sato · A1', companyId: '580' },
      2,
    );
    expect(await leads.latest(portal, '31')).toMatchObject({
      name: 'Aiko Sato · A1',
      companyId: '580',
      revision: 1,
      status: 'pending',
    });
  });

  it('counts Leads created, worked, disqualified by reason and converted in a period', async () => {
    const portal = freshPortal();
    const leads = store().leads;
    for (const [id, at] of [
      ['10', 100],
      ['11', 150],
      ['12', 190],
      ['13', 300],
    ] as const) {
      await leads.open(portal, handoff(id, at), at);
      const [row] = await leads.claimDue(portal, at, 10, 1);
      await leads.markSynced(portal, row!, `L-${id}`, 'new-stage-id', at);
    }
    await leads.recordStage(portal, 'L-10', 'attempting-stage-id', 120, { byRep: true, converted: false });
    await leads.recordStage(portal, 'L-10', 'qualified-stage-id', 180, { byRep: true, converted: true });
    await leads.close(portal, '11', 'disqualified', 'rejected', 'not now', 160);
    await leads.close(portal, '12', 'disqualified', 'sla_no_touch', null, 195);
    await leads.close(portal, '13', 'disqualified', 'sla_no_touch', null, 310);
    expect(await leads.countsBetween(portal, 100, 200)).toEqual({
      created: 3,
      worked: 1,
      disqualifiedByReason: { rejected: 1, sla_no_touch: 1 },
      converted: 1,
    });
  });

  it('forgets a contact’s Leads with the rest of its data', async () => {
    const portal = freshPortal();
    await store().leads.open(portal, handoff('20', 1000), 1);
    await store().contacts.forget(portal, '20');
    expect(await store().leads.latest(portal, '20')).toBeUndefined();
  });
}
