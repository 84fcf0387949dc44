import type { StoredQualification } from '../../src/use-cases/ports/qualifications';
import type { TestDatabase } from './test-databases';
import { freshPortal, useStore } from './store-contract';

const contact = (id: string, properties: Record<string, string | null> = {}) => ({
  id,
  properties,
  company: null,
});

const qualification = (contactId: string, over: Partial<StoredQualification> = {}): StoredQualification => ({
  contactId,
  tier: 'nurture',
  grade: 'C3',
  score: 30,
  stage: 'interest',
  route: 'marketing',
  tierReason: 'grade',
  reasons: 'Fit C, intent 3.',
  agreementVersion: 1,
  qualifiedAt: null,
  followUpDue: null,
  slaStatus: null,
  recycledAt: null,
  capacityMonth: null,
  criteria: [{ id: 'role', points: 0 }],
  ...over,
});

/** Contact snapshots, signal history, qualifications, verdicts and privacy deletion. */
export function contactsContract(make: () => Promise<TestDatabase>) {
  const store = useStore(make);

  it('replaces a snapshot on upsert and keeps the company', async () => {
    const portal = freshPortal();
    await store().contacts.upsertMany(
      portal,
      [{ ...contact('1', { jobtitle: 'Manager' }), company: { industry: 'X' } }],
      1,
    );
    await store().contacts.upsertMany(
      portal,
      [{ ...contact('1', { jobtitle: '部長' }), company: { industry: 'Y' }, hsLastModified: 7 }],
      2,
    );
    expect(await store().contacts.get(portal, '1')).toEqual({
      id: '1',
      properties: { jobtitle: '部長' },
      company: { industry: 'Y' },
      hsLastModified: 7,
      updatedAt: 2,
    });
    expect(await store().contacts.count(portal)).toBe(1);
  });

  it('pages through 2,500 contacts by id without missing or repeating one, with their qualification', async () => {
    const portal = freshPortal();
    const ids = Array.from({ length: 2500 }, (_, i) => `${100000 + i}`);
    await store().contacts.upsertMany(
      portal,
      ids.map((id) => contact(id, { n: id })),
      1,
    );
    await store().qualifications.upsertMany(portal, [qualification('100001', { grade: 'A1' })], 1);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await store().contactBatches.page(portal, after, 1000);
      if (page.length === 0) break;
      seen.push(...page.map((p) => p.contact.id));
      after = page[page.length - 1]!.contact.id;
      if (after === '100001' || page.some((p) => p.contact.id === '100001')) {
        expect(page.find((p) => p.contact.id === '100001')?.current).toMatchObject({
          grade: 'A1',
          tier: 'nurture',
        });
      }
    }
    expect(seen).toEqual(ids);
    const first = await store().contactBatches.page(portal, null, 1);
    expect(first[0]).toEqual({ contact: contact('100000', { n: '100000' }), current: null });
  });

  it('keeps a repeated signal once and returns each contact its history oldest first', async () => {
    const portal = freshPortal();
    const s = { contactId: '1', property: 'recent_conversion_event_name', value: 'quote', at: 20 };
    await store().signals.addMany(portal, [s, { ...s, at: 10 }, s, { ...s, contactId: '2' }]);
    const history = await store().signals.forContacts(portal, ['1', '2', '3']);
    expect(history.get('1')?.map((h) => h.at)).toEqual([10, 20]);
    expect(history.get('2')).toHaveLength(1);
    expect(history.has('3')).toBe(false);
  });

  it('replaces the current qualification and keeps every one in the history', async () => {
    const portal = freshPortal();
    await store().qualifications.upsertMany(portal, [qualification('1')], 1);
    await store().qualifications.appendHistory(portal, [qualification('1')], 1);
    const ready = qualification('1', { tier: 'sales_ready', grade: 'A1', qualifiedAt: 2 });
    await store().qualifications.upsertMany(portal, [ready], 2);
    await store().qualifications.appendHistory(portal, [ready], 2);
    expect(await store().qualifications.get(portal, '1')).toMatchObject({
      tier: 'sales_ready',
      grade: 'A1',
      qualifiedAt: 2,
    });
    expect((await store().qualifications.history(portal, '1')).map((h) => h.tier)).toEqual([
      'sales_ready',
      'nurture',
    ]);
    const inTier = async (tier: string) =>
      (await store().qualifications.pageInTier(portal, tier, null, 10)).map((q) => q.contactId);
    expect(await inTier('sales_ready')).toEqual(['1']);
    expect(await inTier('nurture')).toEqual([]);
  });

  it('updates SLA fields without touching the rest of the qualification', async () => {
    const portal = freshPortal();
    await store().qualifications.upsertMany(portal, [qualification('1', { tier: 'sales_ready' })], 1);
    await store().qualifications.updateSla(
      portal,
      '1',
      { tier: 'recycled', recycledAt: 9, tierReason: 'recycled' },
      9,
    );
    expect(await store().qualifications.get(portal, '1')).toMatchObject({
      tier: 'recycled',
      recycledAt: 9,
      grade: 'C3',
    });
  });

  it('forgets everything about a contact on privacy deletion and nothing about others', async () => {
    const portal = freshPortal();
    await store().contacts.upsertMany(portal, [contact('1'), contact('2')], 1);
    await store().signals.addMany(portal, [{ contactId: '1', property: 'p', value: 'v', at: 1 }]);
    await store().qualifications.upsertMany(portal, [qualification('1'), qualification('2')], 1);
    await store().qualifications.appendHistory(portal, [qualification('1')], 1);
    await store().verdicts.add(portal, {
      contactId: '1',
      userId: 'u',
      verdict: 'rejected',
      reason: 'too_small',
      note: null,
      at: 1,
    });
    await store().outbox.enqueueMany(
      portal,
      [{ contactId: '1', properties: { lead_pact_tier: 'nurture' } }],
      1,
    );
    await store().contacts.forget(portal, '1');
    expect(await store().contacts.get(portal, '1')).toBeUndefined();
    expect(await store().qualifications.get(portal, '1')).toBeUndefined();
    expect(await store().qualifications.history(portal, '1')).toEqual([]);
    expect(await store().verdicts.forContact(portal, '1')).toEqual([]);
    expect(await store().outbox.get(portal, '1')).toBeUndefined();
    expect((await store().signals.forContacts(portal, ['1'])).size).toBe(0);
    expect(await store().contacts.get(portal, '2')).toBeDefined();
  });

  it('lists verdicts on a contact newest first', async () => {
    const portal = freshPortal();
    await store().verdicts.add(portal, {
      contactId: '1',
      userId: 'u',
      verdict: 'accepted',
      reason: null,
      note: null,
      at: 1,
    });
    await store().verdicts.add(portal, {
      contactId: '1',
      userId: 'u',
      verdict: 'rejected',
      reason: 'not_ready',
      note: 'later',
      at: 2,
    });
    expect((await store().verdicts.forContact(portal, '1')).map((v) => v.verdict)).toEqual([
      'rejected',
      'accepted',
    ]);
  });
}
