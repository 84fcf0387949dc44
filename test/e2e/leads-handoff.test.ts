import { agreement as baseAgreement } from './e2e-agreement';
import { PORTAL, PUBLIC_URL, SECRET, startWorld, waitFor, type E2eWorld } from './e2e-processes';
import { signHubSpotRequest } from '../../src/standin/sign-hubspot-request';
import type { StandinLead } from '../../src/standin/lead-state';
import { databaseOf } from '../../src/store/create-store';
import { tempPostgres, type TestDatabase } from '../store/test-databases';

// Leads as a rep works them, with the service and the stand-in as two processes: five contacts qualify for field
// sales but the month has room for four, so four HubSpot Leads are created, owned by the route's rep, while the
// service is killed with SIGKILL after HubSpot created the first one and before the service heard of it. Then a rep
// rejects one on the card, the SLA recycles another, a rep works a third in the prospecting workspace, the capacity
// is raised (the held-back contact gets its Lead) and the rejected contact comes back with a new quote request: a
// new Lead, never a second open one.
jest.setTimeout(240_000);

const A1 = ['31', '32', '33', '34', '35'];
const ENGINEER = '36';
const REP = { ownerId: '101', userId: 9001 };
const FIRST_QUOTE = '2026-12-01T09:00:00.000Z';

/** The e2e agreement with dated quote requests, Leads on, field sales owned by the rep, room for four a month. */
function leadsAgreement(capacity: number) {
  const quote = baseAgreement.intent.signals[0]!;
  return {
    ...baseAgreement,
    name: `E2E Leads (${capacity} a month)`,
    // 80 points decaying over ten years stay above level 1's 60 for the whole test.
    intent: {
      ...baseAgreement.intent,
      signals: [{ ...quote, at: 'recent_conversion_date', points: 80, halfLifeDays: 3650 }],
    },
    handoff: {
      salesReady: ['A1'],
      createLeads: true,
      leadOwners: { field_sales: { ownerId: REP.ownerId } },
    },
    capacity: { default: capacity, months: {} },
  };
}

const seed = {
  contacts: [
    ...A1.map((id) => ({
      id,
      properties: {
        firstname: `Person${id}`,
        lastname: 'Tanaka',
        jobtitle: 'Director of Sales',
        recent_conversion_event_name: 'Asked for a quote',
        recent_conversion_date: FIRST_QUOTE,
      },
    })),
    { id: ENGINEER, properties: { jobtitle: 'Engineer', recent_conversion_event_name: 'Newsletter' } },
  ],
  companies: [],
};

const owner = {
  id: REP.ownerId,
  email: 'kenji@maker.example',
  type: 'PERSON',
  firstName: 'Kenji',
  lastName: 'Sato',
  userId: REP.userId,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  archived: false,
};

const primaryContactOf = (lead: StandinLead) => lead.contacts.find((c) => c.typeIds.includes(578))?.id;

type Engine = 'sqlite' | 'postgres';

describe.each<Engine>(['sqlite', 'postgres'])('Leads handed over, worked and closed, on %s', (engine) => {
  let world: E2eWorld;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = engine === 'postgres' ? await tempPostgres() : undefined;
    world = await startWorld({
      seed,
      agreement: leadsAgreement(4),
      agreementWhen: 'after-start',
      webhooks: true,
      ...(database?.options.databaseUrl ? { databaseUrl: database.options.databaseUrl } : {}),
    });
  });
  afterAll(async () => {
    await world?.stop();
    await database?.drop();
  });

  const leads = async () => (await world.standin<{ leads: StandinLead[] }>('/__standin/leads')).leads;
  const leadsOf = async (contactId: string) =>
    (await leads()).filter((lead) => primaryContactOf(lead) === contactId);
  const handoff = (contactId: string) => world.store.leads.latest(String(PORTAL), contactId);
  const handed: string[] = [];

  it('When the service is killed after HubSpot created a Lead, then after the restart each of the four handoffs has exactly one Lead, owned by the rep', async () => {
    expect((await world.admin('PUT', '/__standin/owners', { results: [owner] })).status).toBe(204);
    // HubSpot creates the first Lead but its answer is held back for 30 s: the service never hears of it.
    const hold = {
      status: 'hold',
      holdMs: 30_000,
      every: 1,
      times: 1,
      method: 'POST',
      path: '/objects/2026-03/leads',
    };
    expect((await world.admin('PUT', '/__standin/failures', { rules: [hold] })).status).toBe(204);
    world.applyAgreement();
    const created = await waitFor(
      async () => ((await leads()).length >= 1 ? (await leads())[0] : undefined),
      'HubSpot to create the first Lead',
      world.diagnostics,
      90_000,
    );
    const contactId = primaryContactOf(created)!;
    expect((await handoff(contactId))?.leadId).toBeNull();
    await world.crashAndRestartService();
    await world.idle(150_000);

    const all = await leads();
    expect(all).toHaveLength(4);
    const contacts = all.map(primaryContactOf);
    expect(new Set(contacts).size).toBe(4);
    handed.push(...(contacts as string[]).sort());
    expect(A1).toEqual(expect.arrayContaining(handed));
    expect(new Set(all.map((lead) => lead.properties.lead_pact_handoff_key)).size).toBe(4);
    for (const lead of all) {
      const id = primaryContactOf(lead)!;
      expect(lead.properties).toMatchObject({
        hubspot_owner_id: REP.ownerId,
        hs_lead_name: `Person${id} Tanaka · A1`,
        hs_pipeline_stage: 'new-stage-id',
        lead_pact_route: 'field_sales',
      });
      expect(await handoff(id)).toMatchObject({ leadId: lead.id, status: 'synced', wanted: 'open' });
      const properties = (
        await world.standin<{ properties: Record<string, string> }>(`/__standin/contacts/${id}`)
      ).properties;
      expect(properties.lead_pact_tier).toBe('sales_ready');
    }
    // The fifth stays in nurture for capacity; the engineer was never handed over. Neither has a Lead.
    const held = A1.find((id) => !handed.includes(id))!;
    const heldQualification = await world.store.qualifications.get(String(PORTAL), held);
    expect(heldQualification).toMatchObject({ tier: 'nurture' });
    expect(heldQualification?.tierReason).toMatch(/capacity/);
    expect(await handoff(held)).toBeUndefined();
    expect(await handoff(ENGINEER)).toBeUndefined();
  });

  /** A request the card makes through hubspot.fetch, signed as HubSpot signs it for the rep. */
  const cardRequest = (method: 'GET' | 'POST', route: string, body?: unknown) => {
    const sep = route.includes('?') ? '&' : '?';
    const path = `${route}${sep}userId=${REP.userId}&userEmail=kenji%40maker.example&appId=77&portalId=${PORTAL}`;
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers = signHubSpotRequest({
      clientSecret: SECRET,
      method,
      url: `${PUBLIC_URL}${path}`,
      body: text,
    });
    return fetch(`${world.serviceUrl}${path}`, {
      method,
      ...(body === undefined ? {} : { body: text }),
      headers: { ...headers, 'content-type': 'application/json' },
    });
  };

  it('When the rep opens a handed-over contact, then the card shows its Lead: stage, owner by name, nothing pending', async () => {
    const contactId = handed[0]!;
    const answer = await cardRequest('GET', `/api/card?objectId=${contactId}`);
    expect(answer.status).toBe(200);
    const card = (await answer.json()) as { lead?: Record<string, unknown> };
    expect(card.lead).toMatchObject({
      leadId: (await leadsOf(contactId))[0]!.id,
      name: `Person${contactId} Tanaka · A1`,
      wanted: 'open',
      stage: { id: 'new-stage-id' },
      owner: { id: REP.ownerId, name: 'Kenji Sato' },
      pending: null,
      failed: null,
    });
  });

  it('When a rep rejects a lead on the card, then its Lead is disqualified in HubSpot with the reason and the rep’s words', async () => {
    const rejected = handed[0]!;
    const answer = await cardRequest('POST', '/api/card/verdict', {
      objectId: rejected,
      verdict: 'rejected',
      reason: 'not_ready',
      note: 'No budget until April',
    });
    expect(answer.status).toBe(200);
    await world.idle(60_000);
    const [lead] = await leadsOf(rejected);
    expect(lead?.properties).toMatchObject({
      hs_pipeline_stage: 'unqualified-stage-id',
      lead_pact_disqualification_reason: 'rejected',
    });
    expect(lead?.properties.hs_lead_disqualification_note).toContain('No budget until April');
    expect(await handoff(rejected)).toMatchObject({
      wanted: 'disqualified',
      reason: 'rejected',
      status: 'synced',
    });
  });

  it('When the SLA recycles a lead nobody touched, then its Lead is disqualified for no touch', async () => {
    const stale = handed[1]!;
    // The handoff happened 40 days ago (past progressDays 30 and the first-touch deadline), then the sweep runs.
    const fortyDaysAgo = Date.now() - 40 * 86_400_000;
    const { db } = databaseOf(world.store);
    await db
      .updateTable('qualifications')
      .set({ qualified_at: fortyDaysAgo })
      .where('portal_id', '=', String(PORTAL))
      .where('contact_id', '=', stale)
      .execute();
    await world.store.jobs.enqueue(
      {
        type: 'sla-sweep',
        portalId: String(PORTAL),
        payload: { portalId: String(PORTAL) },
        idempotencyKey: 'e2e-sweep',
      },
      Date.now(),
    );
    await world.idle(60_000);
    expect((await world.store.qualifications.get(String(PORTAL), stale))?.tier).toBe('recycled');
    const [lead] = await leadsOf(stale);
    expect(lead?.properties).toMatchObject({
      hs_pipeline_stage: 'unqualified-stage-id',
      lead_pact_disqualification_reason: 'sla_no_touch',
    });
  });

  it('When a rep moves a Lead on in the prospecting workspace, then Lead Pact counts it as the first touch', async () => {
    const worked = handed[2]!;
    const [lead] = await leadsOf(worked);
    const moved = await world.admin('POST', `/__standin/leads/${lead!.id}/stage`, {
      stage: 'attempting-stage-id',
      userId: REP.userId,
    });
    expect(moved.status).toBe(200);
    const row = await waitFor(
      async () => {
        const latest = await handoff(worked);
        return latest?.workedAt ? latest : undefined;
      },
      'the lead webhook to be processed',
      world.diagnostics,
    );
    expect(row.hubspotStage).toBe('attempting-stage-id');
  });

  it('When the rep then disqualifies that Lead in the prospecting workspace, then Lead Pact recycles the contact with a rejection naming HubSpot’s reason, and sends nothing more to the Lead', async () => {
    const worked = handed[2]!;
    const [lead] = await leadsOf(worked);
    const moved = await world.admin('POST', `/__standin/leads/${lead!.id}/stage`, {
      stage: 'unqualified-stage-id',
      userId: REP.userId,
      reason: 'BAD_TIMING',
    });
    expect(moved.status).toBe(200);
    const recycled = await waitFor(
      async () => {
        const q = await world.store.qualifications.get(String(PORTAL), worked);
        return q?.tier === 'recycled' ? q : undefined;
      },
      'the rep’s disqualification to recycle the contact',
      world.diagnostics,
    );
    expect(recycled.tierReason).toBe('recycled');
    const note = 'Disqualified in HubSpot: BAD_TIMING';
    expect(await handoff(worked)).toMatchObject({
      wanted: 'disqualified',
      reason: 'rep_in_hubspot',
      reasonNote: note,
      status: 'synced',
    });
    expect(await world.store.verdicts.forContact(String(PORTAL), worked)).toEqual([
      expect.objectContaining({ userId: String(REP.userId), verdict: 'rejected', reason: 'other', note }),
    ]);
    await world.idle(60_000);
    expect((await leadsOf(worked))[0]?.properties).toMatchObject({
      hs_pipeline_stage: 'unqualified-stage-id',
      hs_lead_disqualification_reason: 'BAD_TIMING',
    });
    expect((await leadsOf(worked))[0]?.properties.lead_pact_disqualification_reason).toBeUndefined();
  });

  it('When capacity is raised and the rejected contact asks for a quote again, then each gets a new Lead and no contact has two open ones', async () => {
    const rejected = handed[0]!;
    const held = A1.find((id) => !handed.includes(id))!;
    world.applyAgreement(leadsAgreement(10));
    await world.idle(90_000);
    expect(await leadsOf(held)).toHaveLength(1);

    const again = await world.admin('POST', `/__standin/contacts/${rejected}`, {
      properties: {
        recent_conversion_event_name: 'Asked for a quote',
        recent_conversion_date: new Date().toISOString(),
      },
    });
    expect(again.status).toBe(200);
    const fresh = await waitFor(
      async () => {
        const mine = await leadsOf(rejected);
        return mine.length === 2 ? mine : undefined;
      },
      'a new Lead for the contact that came back',
      world.diagnostics,
      90_000,
    );
    await world.idle(60_000);
    const stages = fresh.map((lead) => lead.properties.hs_pipeline_stage).sort();
    expect(stages).toEqual(['new-stage-id', 'unqualified-stage-id']);
    expect(await handoff(rejected)).toMatchObject({ wanted: 'open', status: 'synced' });
    // Six Leads in all (four, the held-back one, the comeback); at most one open per contact.
    const all = await leads();
    expect(all).toHaveLength(6);
    const open = all.filter((lead) => lead.properties.hs_pipeline_stage !== 'unqualified-stage-id');
    expect(new Set(open.map(primaryContactOf)).size).toBe(open.length);
  });
});
