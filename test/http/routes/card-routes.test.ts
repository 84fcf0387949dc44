import { cardResponseSchema, verdictResponseSchema, type ScoredCard } from '../../../src/contracts/card';
import { SYNC_CONTACTS_JOB } from '../../../src/use-cases/intake/intake-jobs';
import { PORTAL_A, startApi, type Api } from './api-harness';
import { activateExample, connectPortal, CUSTOMER, DIRECTOR, NEWCOMER, storeContacts } from './api-seed';

let api: Api;
beforeEach(async () => {
  api = await startApi();
});
afterEach(async () => {
  await api.close();
});

const card = async (objectId: string, user = 's1') => {
  const res = await api.call('GET', `/api/card?objectId=${objectId}`, { portalId: PORTAL_A, user });
  expect(res.status).toBe(200);
  return cardResponseSchema.parse(await res.json());
};
const scoreNow = (objectId: string) =>
  api.call('POST', '/api/card/score-now', { portalId: PORTAL_A, user: 's1', body: { objectId } });
const verdict = (body: object) =>
  api.call('POST', '/api/card/verdict', { portalId: PORTAL_A, user: 's1', body });
const scored = async (objectId: string) => {
  const res = await scoreNow(objectId);
  expect(res.status).toBe(200);
  return cardResponseSchema.parse(await res.json()) as ScoredCard;
};

async function ready(): Promise<void> {
  await connectPortal(api);
  await activateExample(api);
  await storeContacts(api);
}

describe('GET /api/card', () => {
  it('When the portal never installed the app, then the card says it is not connected', async () => {
    expect(await card(DIRECTOR.id)).toEqual({ state: 'not_connected' });
  });

  it('When no agreement was approved yet, then the card says so', async () => {
    await connectPortal(api);
    expect(await card(DIRECTOR.id)).toEqual({ state: 'no_agreement' });
  });

  it('When the contact was never scored, then the card offers the active agreement to score it with', async () => {
    await ready();
    expect(await card(NEWCOMER.id)).toEqual({
      state: 'not_scored',
      objectId: NEWCOMER.id,
      agreement: { version: 1, name: 'FY2027 H1', approvedAt: '2026-11-27T09:00:00.000Z' },
    });
  });

  it('When a sales-ready director was scored, then the card shows grade, tier, deadline in Tokyo and each criterion', async () => {
    await ready();
    await scored(DIRECTOR.id);
    const shown = (await card(DIRECTOR.id)) as ScoredCard;
    expect(shown).toMatchObject({ state: 'scored', tier: 'sales_ready', grade: 'A2', route: 'field_sales' });
    expect(shown.portalTimezone).toBe('Asia/Tokyo');
    // Qualified Friday 18:00 in Tokyo, two business days: the end of Tuesday in Tokyo.
    expect(shown.followUpDue).toBe('2026-12-01T14:59:59.999Z');
    expect(shown.slaStatus).toBe('on_track');
    const role = shown.criteria.find((c) => c.id === 'role');
    expect(role).toMatchObject({ value: 'Director of IT', outcome: 'matched', points: 30 });
    expect(shown.criteria.find((c) => c.id === 'industry')).toMatchObject({ outcome: 'matched' });
    expect(shown.verdict).toBeNull();
  });

  it('When a customer was scored, then the card says disqualified and by which rule', async () => {
    await ready();
    const shown = await scored(CUSTOMER.id);
    expect(shown.tier).toBe('disqualified');
    expect(shown.disqualifiedBy).toEqual(['Already a customer']);
  });

  it('When the objectId is not a record id, then 400 names the field', async () => {
    await ready();
    const res = await api.call('GET', '/api/card?objectId=abc', { portalId: PORTAL_A, user: 's1' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_input', details: [{ path: 'objectId' }] },
    });
  });
});

describe('POST /api/card/score-now', () => {
  it('When the contact is not stored yet, then a sync job is queued and the card stays not scored (202)', async () => {
    await ready();
    const res = await scoreNow('999');
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ state: 'not_scored', objectId: '999' });
    const [job] = await api.store.jobs.list({ type: SYNC_CONTACTS_JOB });
    expect(job).toMatchObject({ portalId: String(PORTAL_A), payload: { contactIds: ['999'] } });
  });

  it('When a stored contact is scored, then its written properties go to the outbox', async () => {
    await ready();
    await scored(DIRECTOR.id);
    const entry = await api.store.outbox.get(String(PORTAL_A), DIRECTOR.id);
    expect(entry?.properties).toMatchObject({ lead_pact_tier: 'sales_ready', lead_pact_grade: 'A2' });
  });
});

describe('POST /api/card/verdict', () => {
  it('When a rep rejects a lead, then it is recycled, the verdict stored and the properties queued for HubSpot', async () => {
    await ready();
    await scored(DIRECTOR.id);
    const res = await verdict({
      objectId: DIRECTOR.id,
      verdict: 'rejected',
      reason: 'too_small',
      note: 'only 5 seats',
    });
    expect(res.status).toBe(200);
    expect(verdictResponseSchema.parse(await res.json())).toEqual({
      objectId: DIRECTOR.id,
      verdict: 'rejected',
      tier: 'recycled',
    });
    const stored = await api.store.qualifications.get(String(PORTAL_A), DIRECTOR.id);
    expect(stored).toMatchObject({ tier: 'recycled', recycledAt: expect.any(Number) });
    const shown = (await card(DIRECTOR.id)) as ScoredCard;
    expect(shown.verdict).toMatchObject({ verdict: 'rejected', reason: 'too_small', note: 'only 5 seats' });
    const entry = await api.store.outbox.get(String(PORTAL_A), DIRECTOR.id);
    expect(entry?.properties).toMatchObject({
      lead_pact_verdict: 'rejected',
      lead_pact_reject_reason: 'too_small',
      lead_pact_tier: 'recycled',
    });
  });

  it('When a rep accepts a lead, then the tier stays sales-ready and the verdict is written', async () => {
    await ready();
    await scored(DIRECTOR.id);
    const res = await verdict({ objectId: DIRECTOR.id, verdict: 'accepted' });
    expect(await res.json()).toEqual({ objectId: DIRECTOR.id, verdict: 'accepted', tier: 'sales_ready' });
    const entry = await api.store.outbox.get(String(PORTAL_A), DIRECTOR.id);
    expect(entry?.properties).toMatchObject({ lead_pact_verdict: 'accepted', lead_pact_reject_reason: '' });
    expect(await api.store.verdicts.forContact(String(PORTAL_A), DIRECTOR.id)).toHaveLength(1);
  });

  it('When a rejection has no reason, then 400 names the reason field and nothing is stored', async () => {
    await ready();
    await scored(DIRECTOR.id);
    const res = await verdict({ objectId: DIRECTOR.id, verdict: 'rejected' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { details: [{ path: 'reason' }] } });
    expect(await api.store.verdicts.forContact(String(PORTAL_A), DIRECTOR.id)).toEqual([]);
  });

  it('When the contact was never scored, then 404 and nothing is stored', async () => {
    await ready();
    const res = await verdict({ objectId: NEWCOMER.id, verdict: 'accepted' });
    expect(res.status).toBe(404);
    expect(await api.store.verdicts.forContact(String(PORTAL_A), NEWCOMER.id)).toEqual([]);
  });
});
