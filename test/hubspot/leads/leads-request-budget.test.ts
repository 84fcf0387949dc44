import nock from 'nock';
import { isAppError } from '../../../src/domain/app-error';
import type { RequestBudget } from '../../../src/hubspot/budgeted-gateway';
import { createApiClientLeadsGateway } from '../../../src/hubspot/leads/api-client-leads-gateway';
import { leadsRequestBudget } from '../../../src/hubspot/leads/leads-request-budget';
import { fixture } from '../fixture';
import { useNock } from '../use-nock';

const API = 'https://api.hubapi.com';
const LEADS = '/crm/objects/2026-03/leads';
const LIMIT = 2;

/** The store's rolling window, in memory: `LIMIT` requests per 10 s, and a pause after a 429. */
function fakeBudget(clock: { now: number }) {
  const taken: number[] = [];
  const pauses: number[] = [];
  let pausedUntil = 0;
  const budget: RequestBudget = {
    reserveRequests: (_portal, limit, now, n = 1) => {
      if (now < pausedUntil) return Promise.resolve({ granted: false, waitMs: pausedUntil - now });
      const inWindow = taken.filter((t) => t > now - 10_000);
      if (inWindow.length + n > limit) {
        const oldest = Math.min(...inWindow);
        return Promise.resolve({ granted: false, waitMs: oldest + 10_000 - now });
      }
      for (let i = 0; i < n; i += 1) taken.push(now);
      return Promise.resolve({ granted: true, waitMs: 0 });
    },
    pauseUntil: (_portal, until) => {
      pausedUntil = until;
      pauses.push(until - clock.now);
      return Promise.resolve();
    },
  };
  return { budget, taken, pauses };
}

const lead = {
  handoffKey: '501:1796115600000',
  name: 'Aiko Tanaka (A1)',
  contactId: '501',
  companyId: null,
  ownerId: '101',
  reasons: 'r',
  grade: 'A1',
  route: 'field_sales',
};

useNock();

describe('the Leads gateway within the portal request budget', () => {
  it('When a create finds its Lead already made, then each of its requests takes a slot, waiting for the window when it is full', async () => {
    const clock = { now: 1_000_000 };
    const { budget, taken } = fakeBudget(clock);
    const sent: number[] = [];
    nock(API)
      .post(LEADS)
      .reply(409, fixture('leads-409-handoff-key'))
      .post(`${LEADS}/batch/read`)
      .reply(207, fixture('leads-batch-read-by-key-207-missing'))
      .post(`${LEADS}/search`)
      .reply(200, fixture('leads-search-by-key'))
      .on('request', () => sent.push(clock.now));
    const gateway = createApiClientLeadsGateway({
      accessToken: 't',
      basePath: API,
      hooks: leadsRequestBudget({
        portalId: '62515',
        budget,
        limitPer10s: LIMIT,
        now: () => clock.now,
        sleep: (ms) => {
          clock.now += ms;
          return Promise.resolve();
        },
      }),
    });

    const found = await gateway.createLead(lead);

    expect(found.id).toBe('88001');
    expect(taken).toHaveLength(3);
    // Two fit in the first window; the search waited until the first slot left it.
    expect(sent[2]! - sent[0]!).toBeGreaterThanOrEqual(10_000);
  });

  it('When HubSpot answers 429 to a move, then the whole portal pauses for HubSpot’s Retry-After', async () => {
    const clock = { now: 2_000_000 };
    const { budget, pauses } = fakeBudget(clock);
    nock(API).patch(`${LEADS}/88001`).reply(429, fixture('error-429-ten-secondly'), { 'Retry-After': '3' });
    const gateway = createApiClientLeadsGateway({
      accessToken: 't',
      basePath: API,
      hooks: leadsRequestBudget({ portalId: '62515', budget, limitPer10s: LIMIT, now: () => clock.now }),
    });

    const error = await gateway
      .moveLead({ leadId: '88001', stage: 'attempting-stage-id' })
      .catch((e: unknown) => e);

    expect(isAppError(error, 'rate_limited')).toBe(true);
    expect(pauses).toEqual([3_000]);
  });

  it('When the search API’s own per-second cap answers 429, then the portal is not paused', async () => {
    const clock = { now: 3_000_000 };
    const { budget, pauses } = fakeBudget(clock);
    nock(API)
      .post(LEADS)
      .reply(409, fixture('leads-409-handoff-key'))
      .post(`${LEADS}/batch/read`)
      .reply(207, fixture('leads-batch-read-by-key-207-missing'))
      .post(`${LEADS}/search`)
      .reply(429, { ...fixture('error-429-ten-secondly'), policyName: 'SECONDLY' });
    const gateway = createApiClientLeadsGateway({
      accessToken: 't',
      basePath: API,
      hooks: leadsRequestBudget({ portalId: '62515', budget, limitPer10s: 10, now: () => clock.now }),
    });

    const error = await gateway.createLead(lead).catch((e: unknown) => e);

    expect(isAppError(error, 'rate_limited')).toBe(true);
    expect(pauses).toEqual([]);
  });
});
