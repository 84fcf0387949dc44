import nock from 'nock';
import { createApiClientGateway } from '../../../src/hubspot/api-client-gateway';
import { pacedProgress } from '../../../src/jobs/progress-pace';
import { fixture } from '../../hubspot/fixture';
import { quizContacts } from '../../use-cases/quiz/quiz-contacts';
import {
  EXAMPLE_AGREEMENT,
  activateExample,
  connectPortal,
  CUSTOMER,
  DIRECTOR,
  NEWCOMER,
  storeContacts,
} from './api-seed';
import { NOW, PORTAL_A, PORTAL_B, signedPath, startApi } from './api-harness';

const HUBSPOT = 'https://api.hubapi.com';

/** Where the UI extension tests read the server's answers from. */
import type { Recorded } from './recorded-fixture';

export { FIXTURE_DIRS, type Recorded } from './recorded-fixture';

/**
 * Runs the real API (fixed clock, fresh SQLite) through every state the card and the settings page show and
 * records each answer. The UI tests spy on hubspot.fetch with these bodies, so they render what the server sends.
 */
export async function recordResponses(): Promise<Recorded[]> {
  const api = await startApi({
    gatewayFor: () => createApiClientGateway({ accessToken: 'token-abc', basePath: HUBSPOT }),
  });
  const recorded: Recorded[] = [];
  const take = async (area: Recorded['area'], name: string, response: Promise<Response>) => {
    const res = await response;
    recorded.push({ area, name, status: res.status, body: await res.json() });
  };
  const as = (user: string, portalId = PORTAL_A) => ({
    get: (path: string) => api.call('GET', path, { portalId, user }),
    send: (method: string, path: string, body: unknown) => api.call(method, path, { portalId, user, body }),
  });
  try {
    await take('card', 'card-not-connected', as('s1').get(`/api/card?objectId=${DIRECTOR.id}`));
    // A request whose signature does not check out (a stale timestamp, a wrong client secret): refused with a reason.
    const unsigned = signedPath('/api/agreements', PORTAL_A, 501);
    const badSignature = {
      'x-hubspot-signature-v3': 'bm90IGEgc2lnbmF0dXJl',
      'x-hubspot-request-timestamp': '1',
    };
    await take('settings', 'agreements-refused', fetch(api.url + unsigned, { headers: badSignature }));
    await connectPortal(api);
    await connectPortal(api, PORTAL_B);
    await take('card', 'card-no-agreement', as('s1').get(`/api/card?objectId=${DIRECTOR.id}`));
    await take('settings', 'agreements-empty', as('m1').get('/api/agreements'));
    await take('settings', 'jobs-current-idle', as('m1').get('/api/jobs/current'));
    const bad = structuredClone(EXAMPLE_AGREEMENT) as { fit: { rules: { bands?: { min: unknown }[] }[] } };
    bad.fit.rules[0]!.bands![0]!.min = 'lots';
    await take(
      'settings',
      'draft-invalid',
      as('m1').send('PUT', '/api/agreements/draft', { agreement: bad }),
    );
    await take(
      'settings',
      'agreements-draft',
      as('m1').send('PUT', '/api/agreements/draft', { agreement: EXAMPLE_AGREEMENT }),
    );
    const propose = { version: 1, rationale: 'First agreement: the example criteria' };
    await take('settings', 'agreements-proposed', as('m1').send('POST', '/api/agreements/propose', propose));
    await take('settings', 'agreements-proposed-seen-by-sales', as('s1').get('/api/agreements'));
    await take('settings', 'agreements-proposed-seen-by-both', as('both').get('/api/agreements'));
    await take(
      'settings',
      'approve-own-side-forbidden',
      as('m2').send('POST', '/api/agreements/approve', { version: 1 }),
    );
    await take(
      'settings',
      'agreements-active',
      as('s1').send('POST', '/api/agreements/approve', { version: 1 }),
    );
    await storeContacts(api);
    await take('settings', 'jobs-current-rescore', as('m1').get('/api/jobs/current'));
    // The same rescore part-way: its run started 40 s ago, 200 contacts at its first report 25 s ago, 1,200 of 5,000 now.
    const rescore = await api.store.jobs.lease('recorder', NOW, 120_000, ['rescore']);
    const stamp = pacedProgress(NOW - 40_000);
    for (const [done, at] of [
      [200, NOW - 25_000],
      [1_200, NOW],
    ] as const)
      await api.store.jobs.setProgress(rescore!.id, 'recorder', stamp({ done, total: 5_000 }, at), at);
    await take('settings', 'jobs-current-rescore-midway', as('m1').get('/api/jobs/current'));
    await api.store.jobs.release(rescore!.id, 'recorder', NOW);
    // A contact sync that HubSpot's rate limits cut short 101 times in a row gave up an hour ago.
    const { job: sync } = await api.store.jobs.enqueue(
      {
        type: 'sync-contacts',
        portalId: String(PORTAL_A),
        payload: { portalId: String(PORTAL_A), contactIds: ['51'] },
      },
      NOW - 7_200_000,
    );
    await api.store.jobs.lease('recorder', NOW - 3_600_000, 30_000, ['sync-contacts']);
    const gaveUp =
      "gave up: HubSpot's rate limits cut it short 101 times in a row without progress (limit 100); last: AppError: Reading companies: You have reached your ten_secondly_rolling limit.";
    await api.store.jobs.fail(sync.id, 'recorder', gaveUp, NOW - 3_600_000, null, 'deferred_too_often');
    await take('settings', 'jobs-current-gave-up', as('m1').get('/api/jobs/current'));
    // HubSpot's properties API answers with its documented bodies (nock), then is unreachable for portal B.
    nock(HUBSPOT).get('/crm/v3/properties/contacts').query(true).reply(200, fixture('properties-contacts'));
    nock(HUBSPOT).get('/crm/v3/properties/companies').query(true).reply(200, fixture('properties-companies'));
    await take('settings', 'properties', as('m1').get('/api/properties'));
    nock(HUBSPOT)
      .get(/\/crm\/v3\/properties\/.*/)
      .query(true)
      .times(2)
      .reply(502, fixture('error-502'));
    await api.store.contacts.upsertMany(String(PORTAL_B), [DIRECTOR], NOW);
    await take('settings', 'properties-hubspot-unreachable', as('m1', PORTAL_B).get('/api/properties'));
    // Team names from HubSpot's teams API (nock), then a portal whose token lacks settings.users.teams.read.
    nock(HUBSPOT).get('/settings/v3/users/teams').reply(200, fixture('settings-teams'));
    await take('settings', 'teams', as('m1').get('/api/settings/teams'));
    await take('settings', 'teams-seen-by-admin', as('admin').get('/api/settings/teams'));
    nock(HUBSPOT).get('/settings/v3/users/teams').reply(403, fixture('error-403-missing-scopes'));
    await take('settings', 'teams-names-missing-scope', as('admin', PORTAL_B).get('/api/settings/teams'));
    await take(
      'settings',
      'simulate',
      as('m1').send('POST', '/api/simulate', { agreement: EXAMPLE_AGREEMENT, month: '2026-12' }),
    );
    // Capacity per route: field sales has no place in December, inside sales 40 a month.
    const routeCaps = {
      field_sales: { default: 10, months: { '2026-12': 0 } },
      inside_sales: { default: 40 },
    };
    const routeCapped = {
      ...EXAMPLE_AGREEMENT,
      capacity: { ...EXAMPLE_AGREEMENT.capacity, routes: routeCaps },
    };
    await take(
      'settings',
      'simulate-route-caps',
      as('m1').send('POST', '/api/simulate', { agreement: routeCapped, month: '2026-12' }),
    );
    await take('card', 'card-not-scored', as('s1').get(`/api/card?objectId=${NEWCOMER.id}`));
    await take('card', 'score-now-queued', as('s1').send('POST', '/api/card/score-now', { objectId: '999' }));
    await take(
      'card',
      'card-scored-sales-ready',
      as('s1').send('POST', '/api/card/score-now', { objectId: DIRECTOR.id }),
    );
    // The same lead once its deadline passed (the SLA sweep's marks), then back as it was.
    const portalA = String(PORTAL_A);
    const missed = { slaStatus: 'breached', followUpDue: NOW - 3 * 3_600_000 };
    await api.store.qualifications.updateSla(portalA, DIRECTOR.id, missed, NOW);
    await take('card', 'card-scored-breached', as('s1').get(`/api/card?objectId=${DIRECTOR.id}`));
    const onTrack = { slaStatus: 'on_track', followUpDue: Date.parse('2026-12-01T14:59:59.999Z') };
    await api.store.qualifications.updateSla(portalA, DIRECTOR.id, onTrack, NOW);
    await take(
      'card',
      'card-scored-disqualified',
      as('s1').send('POST', '/api/card/score-now', { objectId: CUSTOMER.id }),
    );
    await take(
      'card',
      'verdict-missing-reason',
      as('s1').send('POST', '/api/card/verdict', { objectId: DIRECTOR.id, verdict: 'rejected' }),
    );
    const reject = {
      objectId: DIRECTOR.id,
      verdict: 'rejected',
      reason: 'too_small',
      note: 'Only five seats',
    };
    await take('card', 'verdict-rejected', as('s1').send('POST', '/api/card/verdict', reject));
    await take('card', 'card-scored-rejected', as('s1').get(`/api/card?objectId=${DIRECTOR.id}`));
    await take(
      'card',
      'verdict-accepted',
      as('s1').send('POST', '/api/card/verdict', { objectId: DIRECTOR.id, verdict: 'accepted' }),
    );
    await take('card', 'card-scored-accepted', as('s1').get(`/api/card?objectId=${DIRECTOR.id}`));
    await take(
      'settings',
      'agreements-draft-2',
      as('m1').send('PUT', '/api/agreements/draft', {
        agreement: { ...EXAMPLE_AGREEMENT, name: 'FY2027 H2' },
      }),
    );
    await as('m1').send('POST', '/api/agreements/propose', { version: 2, rationale: 'New half year' });
    await take('settings', 'agreements-proposed-2-seen-by-sales', as('s1').get('/api/agreements'));
    await take(
      'settings',
      'agreements-sent-back',
      as('s1').send('POST', '/api/agreements/send-back', { version: 2, comment: 'Capacity is too high' }),
    );
    await take('settings', 'connection-connected', as('m1').get('/api/settings/connection'));
    const teams = { marketingTeamIds: ['11'], salesTeamIds: [] };
    await take('settings', 'teams-saved', as('admin').send('PUT', '/api/settings/teams', teams));
    await api.store.installations.setStatus(String(PORTAL_B), 'disconnected', 'The app was uninstalled', NOW);
    await take('settings', 'connection-disconnected', as('m1', PORTAL_B).get('/api/settings/connection'));
    // Ten more approved versions (12 in all): the history comes a page of 10 at a time, then the older ones.
    await connectPortal(api);
    for (let version = 3; version <= 12; version++) {
      const capacity = { ...EXAMPLE_AGREEMENT.capacity, default: 80 + version };
      await as('m1').send('PUT', '/api/agreements/draft', { agreement: { ...EXAMPLE_AGREEMENT, capacity } });
      await as('m1').send('POST', '/api/agreements/propose', {
        version,
        rationale: `Capacity ${80 + version}`,
      });
      await as('s1').send('POST', '/api/agreements/approve', { version });
    }
    await take('settings', 'agreements-history-page-1', as('s1').get('/api/agreements'));
    await take('settings', 'agreements-history-page-2', as('s1').get('/api/agreements?cursor=3'));
    // A super admin adds team 33 to marketing while marketing's version 13 waits: it is sent back, and says why.
    await as('m1').send('PUT', '/api/agreements/draft', { agreement: EXAMPLE_AGREEMENT });
    await as('m1').send('POST', '/api/agreements/propose', { version: 13, rationale: 'Back to the start' });
    const widened = { marketingTeamIds: ['11', '33'], salesTeamIds: ['22'] };
    nock(HUBSPOT).get('/settings/v3/users/teams').reply(200, fixture('settings-teams'));
    await take('settings', 'teams-changed-by-admin', as('admin').send('PUT', '/api/settings/teams', widened));
    await take('settings', 'agreements-sent-back-by-mapping', as('m1').get('/api/agreements'));
  } finally {
    // Leave the worker as found for the next test file (as test/hubspot/use-nock.ts does).
    nock.cleanAll();
    nock.restore();
    await api.close();
  }
  return [...recorded, ...(await recordQuizResponses())];
}

const QUIZ_CONTACTS = quizContacts(NOW);

/**
 * The settings page's quiz tab: the real quiz routes (fresh SQLite, the example agreement active, the eight contacts
 * of test/http/routes/quiz-routes.test.ts scored by the card's handler) through the states the tab shows.
 *   Round 1 (8 leads): m1 (501) says yes to all but Managers 3 and 4, s1 (601) only to Director 4; closed
 *   by s1: quiz-result.
 *   Round 2 (8 leads): only m1 answers (yes to all); closed by m1: quiz-result-one-sided.
 *   Round 3 (4 leads, started by s1): m1 answers yes to all; then the list (quiz-rounds), the round as s1, `both`
 *   (701, on both sides) and `nobody` (801, in no team) see it, and s1's answers no, no, yes, no (quiz-round-answered).
 *   Last, round 1's suggestion 1 applied into a draft (quiz-suggestion-applied).
 */
async function recordQuizResponses(): Promise<Recorded[]> {
  // Participants by name: HubSpot's owners list gives users 501 and 601 (m1, s1) their names; 701 and 801 have none.
  if (!nock.isActive()) nock.activate();
  nock(HUBSPOT)
    .persist()
    .get('/crm/v3/owners/')
    .query({ limit: '100', archived: 'false' })
    .reply(200, fixture('crm-owners-quiz'))
    .get('/crm/v3/owners/')
    .query({ limit: '100', archived: 'true' })
    .reply(200, fixture('crm-owners-archived'));
  const api = await startApi({
    gatewayFor: () => createApiClientGateway({ accessToken: 'token-abc', basePath: HUBSPOT }),
  });
  const recorded: Recorded[] = [];
  const take = async (name: string, response: Promise<Response>) => {
    const res = await response;
    recorded.push({ area: 'settings', name, status: res.status, body: await res.json() });
  };
  const call = (user: string, method: string, path: string, body?: unknown) =>
    api.call(method, path, { portalId: PORTAL_A, user, ...(body === undefined ? {} : { body }) });
  type Lead = { leadKey: string; facts: { property: string; value: string | null }[] };
  const leadsOf = async (res: Promise<Response>) => ((await (await res).json()) as { leads: Lead[] }).leads;
  const titleOf = (lead: Lead) => lead.facts.find((f) => f.property === 'jobtitle')?.value;
  try {
    await connectPortal(api);
    await activateExample(api);
    await api.store.contacts.upsertMany(String(PORTAL_A), QUIZ_CONTACTS, NOW);
    for (const c of QUIZ_CONTACTS) await call('s1', 'POST', '/api/card/score-now', { objectId: c.id });

    const round1 = await leadsOf(
      call('m1', 'POST', '/api/quiz/rounds', { size: 8, requestId: 'quiz-round-1' }),
    );
    const yes = (leads: Lead[]) => leads.map((l) => ({ leadKey: l.leadKey, callThisMonth: true }));
    const marketing = round1.map((l) => ({
      leadKey: l.leadKey,
      callThisMonth: !['Manager 3', 'Manager 4'].includes(titleOf(l) ?? ''),
    }));
    await call('m1', 'PUT', '/api/quiz/rounds/1/answers', { answers: marketing });
    const sales = round1.map((l) => ({ leadKey: l.leadKey, callThisMonth: titleOf(l) === 'Director 4' }));
    await call('s1', 'PUT', '/api/quiz/rounds/1/answers', { answers: sales });
    await take('quiz-result', call('s1', 'POST', '/api/quiz/rounds/1/close', { requestId: 'quiz-close-1' }));

    const round2 = await leadsOf(
      call('m1', 'POST', '/api/quiz/rounds', { size: 8, requestId: 'quiz-round-2' }),
    );
    await call('m1', 'PUT', '/api/quiz/rounds/2/answers', { answers: yes(round2) });
    await take(
      'quiz-result-one-sided',
      call('m1', 'POST', '/api/quiz/rounds/2/close', { requestId: 'quiz-close-2' }),
    );

    const round3 = await leadsOf(
      call('s1', 'POST', '/api/quiz/rounds', { size: 4, requestId: 'quiz-round-3' }),
    );
    await call('m1', 'PUT', '/api/quiz/rounds/3/answers', { answers: yes(round3) });
    await take('quiz-rounds', call('m1', 'GET', '/api/quiz/rounds'));
    await take('quiz-round-open', call('s1', 'GET', '/api/quiz/rounds/3'));
    await take('quiz-round-both-sides', call('both', 'GET', '/api/quiz/rounds/3'));
    await take('quiz-round-no-team', call('nobody', 'GET', '/api/quiz/rounds/3'));
    const answers = ['1', '2', '3', '4'].map((leadKey) => ({ leadKey, callThisMonth: leadKey === '3' }));
    await take('quiz-round-answered', call('s1', 'PUT', '/api/quiz/rounds/3/answers', { answers }));

    await take(
      'quiz-suggestion-applied',
      call('m1', 'POST', '/api/quiz/rounds/1/suggestions/1/apply', { requestId: 'quiz-apply-1' }),
    );
  } finally {
    nock.cleanAll();
    nock.restore();
    await api.close();
  }
  return recorded;
}
