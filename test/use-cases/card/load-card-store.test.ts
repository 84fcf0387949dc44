import example from '../../../examples/agreement.json';
import type { ScoredCard } from '../../../src/contracts/card';
import type { Store } from '../../../src/store/create-store';
import { qualify } from '../../../src/domain/qualify';
import { parseAgreement } from '../../../src/domain/parse-agreement';
import { loadCard } from '../../../src/use-cases/card/load-card';
import { scoreNow } from '../../../src/use-cases/card/score-now';
import { storeCardPorts } from '../../../src/composition/store-card-ports';
import { ENGINE_FACTORIES, openTestStore, type TestDatabase } from '../../store/test-databases';
import { approveAgreement, DIRECTOR, NOW } from './card-seed';

const PORTAL = '3003';
const clock = { now: () => NOW };
const config = { hubspot: { accessToken: undefined, portalId: undefined } } as never;
const NEWCOMER = { id: '103', properties: { jobtitle: 'Engineer' }, company: null };

/** Approves `body` in one step, as `lead-pact agreement apply` does (from any process sharing the store). */
const approve = (store: Store, body: object) => approveAgreement(store, PORTAL, body);

describe.each(ENGINE_FACTORIES)('the card on %s', (_engine, make) => {
  let store: Store;
  let database: TestDatabase;
  beforeEach(async () => {
    ({ store, database } = await openTestStore(make));
    await store.installations.connect(PORTAL, null, [], NOW);
    await store.contacts.upsertMany(PORTAL, [DIRECTOR, NEWCOMER], NOW);
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('When another process approves a new version, then the next card of this process shows it', async () => {
    const thisProcess = storeCardPorts(store, config, clock);
    await approve(store, example);
    const before = await loadCard(thisProcess, { portalId: PORTAL, objectId: NEWCOMER.id });
    expect(before).toMatchObject({ state: 'not_scored', agreement: { version: 1, name: 'FY2027 H1' } });

    await approve(store, { ...example, name: 'FY2027 H2' });
    const after = await loadCard(thisProcess, { portalId: PORTAL, objectId: NEWCOMER.id });
    expect(after).toMatchObject({ state: 'not_scored', agreement: { version: 2, name: 'FY2027 H2' } });
  });

  it('When a contact scored under version 1 is rescored after version 2, then its card names version 2 and its criteria', async () => {
    const ports = storeCardPorts(store, config, clock);
    await approve(store, example);
    await scoreNow(ports, { portalId: PORTAL, objectId: DIRECTOR.id });
    const stricter = structuredClone(example);
    stricter.fit.rules = stricter.fit.rules.filter((r) => r.id !== 'role');
    await approve(store, { ...stricter, name: 'No role rule' });

    const stale = (await loadCard(ports, { portalId: PORTAL, objectId: DIRECTOR.id })) as ScoredCard;
    expect(stale.agreement).toMatchObject({ version: 1, name: 'FY2027 H1' });
    expect(stale.criteria.map((c) => c.id)).toContain('role');

    await scoreNow(ports, { portalId: PORTAL, objectId: DIRECTOR.id });
    const fresh = (await loadCard(ports, { portalId: PORTAL, objectId: DIRECTOR.id })) as ScoredCard;
    expect(fresh.agreement).toMatchObject({ version: 2, name: 'No role rule' });
    expect(fresh.criteria.map((c) => c.id)).not.toContain('role');
  });

  it('When the portal is disconnected after cards were shown, then the next card says not connected', async () => {
    const ports = storeCardPorts(store, config, clock);
    await approve(store, example);
    await scoreNow(ports, { portalId: PORTAL, objectId: DIRECTOR.id });
    expect(await loadCard(ports, { portalId: PORTAL, objectId: DIRECTOR.id })).toMatchObject({
      state: 'scored',
    });
    await store.installations.setStatus(PORTAL, 'disconnected', 'uninstalled', NOW);
    expect(await loadCard(ports, { portalId: PORTAL, objectId: DIRECTOR.id })).toEqual({
      state: 'not_connected',
    });
  });

  it('When a rep scores a contact now, then its properties go to HubSpot with a write-back job, and an unchanged rescore sends nothing', async () => {
    const ports = storeCardPorts(store, config, clock);
    await approve(store, example);
    expect(await scoreNow(ports, { portalId: PORTAL, objectId: DIRECTOR.id })).toMatchObject({
      outcome: 'scored',
    });
    const pending = await store.outbox.get(PORTAL, DIRECTOR.id);
    // What the rep then sees in HubSpot: the director is sales-ready, first touch due in 2 business days (Tokyo).
    expect(pending?.properties).toEqual({
      lead_pact_tier: 'sales_ready',
      lead_pact_grade: 'A2',
      lead_pact_score: '76',
      lead_pact_stage: 'decision',
      lead_pact_route: 'field_sales',
      lead_pact_reasons:
        "A2 (score 76, Sales-ready): Clicked 'get a quote' in the newsletter 3 days ago (+52, decayed from 60); " +
        "Company size '1200' (+40); Role 'Director of IT' (+30); Target industry 'COMPUTER_SOFTWARE' (+15).",
      lead_pact_qualified_at: String(NOW),
      lead_pact_follow_up_due: String(Date.parse('2026-12-01T23:59:59.999+09:00')),
      lead_pact_sla_status: 'on_track',
      lead_pact_agreement_version: '1',
    });
    const jobs = await store.jobs.list({ type: 'write-back', portalId: PORTAL });
    expect(jobs).toEqual([expect.objectContaining({ status: 'queued', runAt: NOW })]);

    await store.outbox.markSent(PORTAL, [{ contactId: DIRECTOR.id, revision: pending!.revision }], NOW);
    await scoreNow(ports, { portalId: PORTAL, objectId: DIRECTOR.id });
    expect(await store.outbox.get(PORTAL, DIRECTOR.id)).toMatchObject({
      status: 'sent',
      revision: pending!.revision,
    });
  });

  it('When a contact converted before, then its card counts every conversion from the signal history', async () => {
    const ports = storeCardPorts(store, config, clock);
    await approve(store, example);
    const quote = {
      contactId: DIRECTOR.id,
      property: 'recent_conversion_event_name',
      value: 'Newsletter: get a quote',
    };
    await store.signals.addMany(PORTAL, [
      { ...quote, at: NOW - 10 * 86_400_000 },
      { ...quote, at: NOW - 20 * 86_400_000 },
    ]);
    await scoreNow(ports, { portalId: PORTAL, objectId: DIRECTOR.id });
    await scoreNow(ports, { portalId: PORTAL, objectId: NEWCOMER.id });

    const card = (await loadCard(ports, { portalId: PORTAL, objectId: DIRECTOR.id })) as ScoredCard;
    const signal = card.criteria.find((c) => c.id === 'quote-click');
    expect(signal).toMatchObject({ outcome: 'matched', occurrences: 3, ageDays: 3 });
    const parsed = parseAgreement(example);
    if (!parsed.success) throw new Error('examples/agreement.json does not parse');
    const once = qualify(DIRECTOR, parsed.data, NOW);
    expect(signal!.points).toBeGreaterThan(once.criteria.find((c) => c.id === 'quote-click')!.points);
    const newcomer = (await loadCard(ports, { portalId: PORTAL, objectId: NEWCOMER.id })) as ScoredCard;
    expect(newcomer.criteria.find((c) => c.id === 'quote-click')).toMatchObject({ occurrences: 0 });
  });

  it('When a rep gave several verdicts, then the card shows the latest one', async () => {
    const ports = storeCardPorts(store, config, clock);
    await approve(store, example);
    await scoreNow(ports, { portalId: PORTAL, objectId: DIRECTOR.id });
    const verdict = { contactId: DIRECTOR.id, userId: '601', note: null };
    await store.verdicts.add(PORTAL, {
      ...verdict,
      verdict: 'rejected',
      reason: 'too_small',
      at: NOW - 2000,
    });
    await store.verdicts.add(PORTAL, { ...verdict, verdict: 'accepted', reason: null, at: NOW - 1000 });
    const shown = (await loadCard(ports, { portalId: PORTAL, objectId: DIRECTOR.id })) as ScoredCard;
    expect(shown.verdict).toEqual({
      verdict: 'accepted',
      reason: null,
      note: null,
      at: new Date(NOW - 1000).toISOString(),
    });
  });
});
