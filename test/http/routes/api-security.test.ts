import { signHubSpotRequest } from '../../../src/standin/sign-hubspot-request';
import {
  CLIENT_SECRET,
  PORTAL_A,
  PORTAL_B,
  PUBLIC_BASE_URL,
  signedPath,
  startApi,
  USER_IDS,
  type Api,
} from './api-harness';
import { activateExample, connectPortal, DIRECTOR, EXAMPLE_AGREEMENT, storeContacts } from './api-seed';

let api: Api;
const A = String(PORTAL_A);

beforeEach(async () => {
  api = await startApi();
  await connectPortal(api, PORTAL_A);
  await connectPortal(api, PORTAL_B);
  await activateExample(api, PORTAL_A);
  await storeContacts(api, PORTAL_A);
  const scored = await api.call('POST', '/api/card/score-now', {
    portalId: PORTAL_A,
    user: 's1',
    body: { objectId: DIRECTOR.id },
  });
  expect(scored.status).toBe(200);
});
afterEach(async () => {
  await api.close();
});

/** What portal A has stored that another caller must never change. */
const snapshotOfA = async () => ({
  verdicts: await api.store.verdicts.forContact(A, DIRECTOR.id),
  qualification: await api.store.qualifications.get(A, DIRECTOR.id),
  outbox: await api.store.outbox.list(A),
  versions: (await api.store.agreements.list(A)).map((v) => [v.version, v.status]),
});

describe("a signed request for portal B never reads or changes portal A's data", () => {
  it("When B asks for A's scored contact, then it sees nothing of A's verdict", async () => {
    const res = await api.call('GET', `/api/card?objectId=${DIRECTOR.id}`, {
      portalId: PORTAL_B,
      user: 's1',
    });
    expect(await res.json()).toEqual({ state: 'no_agreement' });
  });

  it("When B records a verdict on A's contact or approves A's version, then 404 and A is unchanged", async () => {
    const before = await snapshotOfA();
    const verdict = await api.call('POST', '/api/card/verdict', {
      portalId: PORTAL_B,
      user: 's1',
      body: { objectId: DIRECTOR.id, verdict: 'rejected', reason: 'bad_data' },
    });
    expect(verdict.status).toBe(404);
    const approve = await api.call('POST', '/api/agreements/approve', {
      portalId: PORTAL_B,
      user: 's1',
      body: { version: 1 },
    });
    expect(approve.status).toBe(404);
    expect(await snapshotOfA()).toEqual(before);
  });

  it("When B reads agreements, then A's versions are not in its history", async () => {
    const res = await api.call('GET', '/api/agreements', { portalId: PORTAL_B, user: 'm1' });
    expect(await res.json()).toMatchObject({ active: null, open: null, history: [] });
  });

  it('When a portal never installed the app, then its team settings are 404', async () => {
    const res = await api.call('GET', '/api/settings/teams', { portalId: 3003, user: 'm1' });
    expect(res.status).toBe(404);
  });
});

describe('unsigned, tampered, oversized and malformed requests', () => {
  const rejectBody = JSON.stringify({ objectId: DIRECTOR.id, verdict: 'rejected', reason: 'bad_data' });
  const verdictPath = signedPath('/api/card/verdict', PORTAL_A, USER_IDS.s1!);

  it('When a request carries no signature, then 401 and nothing is stored', async () => {
    const before = await snapshotOfA();
    const res = await fetch(api.url + verdictPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: rejectBody,
    });
    expect(res.status).toBe(401);
    expect(await snapshotOfA()).toEqual(before);
  });

  it('When the body differs from the one signed, then 401 and nothing is stored', async () => {
    const before = await snapshotOfA();
    const signedBody = JSON.stringify({ objectId: DIRECTOR.id, verdict: 'accepted' });
    const headers = signHubSpotRequest({
      clientSecret: CLIENT_SECRET,
      method: 'POST',
      url: PUBLIC_BASE_URL + verdictPath,
      body: signedBody,
    });
    const res = await fetch(api.url + verdictPath, { method: 'POST', headers, body: rejectBody });
    expect(res.status).toBe(401);
    expect(await snapshotOfA()).toEqual(before);
  });

  it('When the portalId in a signed URL is swapped for another, then 401', async () => {
    const signed = signedPath(`/api/card?objectId=${DIRECTOR.id}`, PORTAL_B, USER_IDS.s1!);
    const headers = signHubSpotRequest({
      clientSecret: CLIENT_SECRET,
      method: 'GET',
      url: PUBLIC_BASE_URL + signed,
    });
    const swapped = signed.replace(`portalId=${PORTAL_B}`, `portalId=${PORTAL_A}`);
    const res = await fetch(api.url + swapped, { headers });
    expect(res.status).toBe(401);
  });

  it('When a body is larger than 1 MB, then 413 and no draft is stored', async () => {
    const huge = { agreement: { ...EXAMPLE_AGREEMENT, name: 'x'.repeat(1_100_000) } };
    const res = await api.call('PUT', '/api/agreements/draft', {
      portalId: PORTAL_B,
      user: 'm1',
      body: huge,
    });
    expect(res.status).toBe(413);
    expect(await api.store.agreements.list(String(PORTAL_B))).toEqual([]);
  });

  it('When a body is not JSON, then 400 and nothing is stored', async () => {
    const before = await snapshotOfA();
    const body = '{"objectId": "101", "verdict": ';
    const headers = signHubSpotRequest({
      clientSecret: CLIENT_SECRET,
      method: 'POST',
      url: PUBLIC_BASE_URL + verdictPath,
      body,
    });
    const res = await fetch(api.url + verdictPath, { method: 'POST', headers, body });
    expect(res.status).toBe(400);
    expect(await snapshotOfA()).toEqual(before);
  });

  it('When a signed body carries a portalId of its own, then it is refused and A is unchanged', async () => {
    const before = await snapshotOfA();
    const res = await api.call('POST', '/api/card/verdict', {
      portalId: PORTAL_B,
      user: 's1',
      body: { objectId: DIRECTOR.id, verdict: 'accepted', portalId: PORTAL_A },
    });
    expect(res.status).toBe(400);
    expect(await snapshotOfA()).toEqual(before);
  });
});
