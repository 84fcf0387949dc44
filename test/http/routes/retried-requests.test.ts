import { SYNC_CONTACTS_JOB } from '../../../src/use-cases/intake/intake-jobs';
import { ENGINE_FACTORIES } from '../../store/test-databases';
import { PORTAL_A, startApi, type Api } from './api-harness';
import { activateExample, connectPortal, DIRECTOR, EXAMPLE_AGREEMENT, storeContacts } from './api-seed';

/*
 * hubspot.fetch retries a call once after a connection failure or a 5xx, with the same URL, headers and body. Each
 * state-changing card and settings call must then change state once: one sync, one history row, one write-back.
 */
const PORTAL = String(PORTAL_A);
const id = (n: number) => `retry-test-request-${n}`;

/** The same signed request delivered twice: one copy after the other (a lost answer), or both at once. */
const DELIVERIES = [
  ['one after the other', async (send: () => Promise<Response>) => [await send(), await send()]],
  ['at once', (send: () => Promise<Response>) => Promise.all([send(), send()])],
] as const;

const statuses = (answers: Response[]) => answers.map((r) => r.status);
const jobsOf = async (api: Api, type: string) => api.store.jobs.list({ type, portalId: PORTAL });

describe.each(ENGINE_FACTORIES)('a retried card or settings request on %s', (_engine, make) => {
  let api: Api;
  beforeEach(async () => {
    api = await startApi({ database: await make() });
    await connectPortal(api);
    await activateExample(api);
    await storeContacts(api);
  });
  afterEach(async () => {
    await api.close();
  });

  const post = (path: string, body: object, user = 's1') =>
    api.signed('POST', path, { portalId: PORTAL_A, user, body });

  describe.each(DELIVERIES)('delivered %s', (_how, deliver) => {
    it('When "Score now" arrives twice for a stored contact, then it is scored with one history row and one write-back', async () => {
      const answers = await deliver(post('/api/card/score-now', { objectId: DIRECTOR.id, requestId: id(1) }));

      expect(statuses(answers)).toEqual([200, 200]);
      const [first, second] = await Promise.all(answers.map((r) => r.json()));
      expect(first).toMatchObject({ state: 'scored', tier: 'sales_ready', grade: 'A2' });
      expect(second).toEqual(first);
      expect(await api.store.qualifications.history(PORTAL, DIRECTOR.id)).toHaveLength(1);
      expect(await api.store.outbox.list(PORTAL)).toHaveLength(1);
      expect(await jobsOf(api, 'write-back')).toHaveLength(1);
      expect(await api.store.capacity.used(PORTAL, '2026-11')).toBe(1);
    });

    it('When "Score now" arrives twice for a contact not stored yet, then one sync is queued', async () => {
      const answers = await deliver(post('/api/card/score-now', { objectId: '999', requestId: id(2) }));

      expect(statuses(answers)).toEqual([202, 202]);
      const syncs = await jobsOf(api, SYNC_CONTACTS_JOB);
      expect(syncs.map((job) => job.payload)).toEqual([{ portalId: PORTAL, contactIds: ['999'] }]);
    });

    it('When a rejection arrives twice, then the lead is recycled once: one verdict, one history row, one write-back', async () => {
      await api.call('POST', '/api/card/score-now', {
        portalId: PORTAL_A,
        user: 's1',
        body: { objectId: DIRECTOR.id },
      });
      const reject = { objectId: DIRECTOR.id, verdict: 'rejected', reason: 'too_small', requestId: id(3) };

      const answers = await deliver(post('/api/card/verdict', reject));

      expect(statuses(answers)).toEqual([200, 200]);
      for (const answer of answers)
        expect(await answer.json()).toEqual({ objectId: DIRECTOR.id, verdict: 'rejected', tier: 'recycled' });
      expect(await api.store.verdicts.forContact(PORTAL, DIRECTOR.id)).toHaveLength(1);
      const history = await api.store.qualifications.history(PORTAL, DIRECTOR.id);
      expect(history.map((row) => row.tier)).toEqual(['recycled', 'sales_ready']);
      expect(await api.store.outbox.list(PORTAL)).toHaveLength(1);
      expect(await jobsOf(api, 'write-back')).toHaveLength(1);
    });

    it('When saving a new draft arrives twice, then one draft is saved and both answers show it', async () => {
      const answers = await deliver(
        api.signed('PUT', '/api/agreements/draft', {
          portalId: PORTAL_A,
          user: 'm1',
          body: { agreement: { ...EXAMPLE_AGREEMENT, name: 'FY2027 H2' }, requestId: id(4) },
        }),
      );

      expect(statuses(answers)).toEqual([200, 200]);
      for (const answer of answers)
        expect(await answer.json()).toMatchObject({ open: { version: 2, status: 'draft' } });
      expect((await api.store.agreements.list(PORTAL)).map((v) => v.version)).toEqual([2, 1]);
    });

    it('When a proposal, its approval and a send-back each arrive twice, then each is applied once and none answers 409', async () => {
      const draft = { agreement: { ...EXAMPLE_AGREEMENT, name: 'FY2027 H2' } };
      await api.call('PUT', '/api/agreements/draft', { portalId: PORTAL_A, user: 'm1', body: draft });

      const proposed = await deliver(
        post('/api/agreements/propose', { version: 2, rationale: 'New half year', requestId: id(5) }, 'm1'),
      );
      const approved = await deliver(post('/api/agreements/approve', { version: 2, requestId: id(6) }));

      expect(statuses([...proposed, ...approved])).toEqual([200, 200, 200, 200]);
      for (const answer of approved)
        expect(await answer.json()).toMatchObject({ active: { version: 2 }, next: { action: 'none' } });
      const actions = (await api.store.audit.list(PORTAL)).map((entry) => entry.action);
      expect(actions.filter((a) => a === 'agreement.proposed')).toHaveLength(2); // v1 at set-up, v2 once
      expect(actions.filter((a) => a === 'agreement.approved')).toHaveLength(2);
      expect((await jobsOf(api, 'rescore')).map((job) => job.payload)).toEqual([
        expect.objectContaining({ agreementVersion: 2 }),
        expect.objectContaining({ agreementVersion: 1 }),
      ]);

      await api.call('PUT', '/api/agreements/draft', { portalId: PORTAL_A, user: 'm1', body: draft });
      const v3 = { version: 3, rationale: 'Again' };
      await api.call('POST', '/api/agreements/propose', { portalId: PORTAL_A, user: 'm1', body: v3 });
      const sentBack = await deliver(
        post('/api/agreements/send-back', { version: 3, comment: 'Too many', requestId: id(7) }),
      );
      expect(statuses(sentBack)).toEqual([200, 200]);
      const after = (await api.store.audit.list(PORTAL)).map((entry) => entry.action);
      expect(after.filter((a) => a === 'agreement.sent_back')).toHaveLength(1);
    });

    it('When a team mapping save arrives twice, then both answer the mapping, it is saved and audited once', async () => {
      const teams = { marketingTeamIds: ['11', '33'], salesTeamIds: ['22'], requestId: id(8) };
      const answers = await deliver(
        api.signed('PUT', '/api/settings/teams', { portalId: PORTAL_A, user: 'admin', body: teams }),
      );

      expect(statuses(answers)).toEqual([200, 200]);
      for (const answer of answers)
        expect(await answer.json()).toMatchObject({ marketingTeamIds: ['11', '33'], salesTeamIds: ['22'] });
      expect(await api.store.installations.get(PORTAL)).toMatchObject({ marketingTeamIds: ['11', '33'] });
      expect(await api.store.audit.list(PORTAL, 100, ['settings.team_mapping_changed'])).toHaveLength(1);
    });
  });

  describe('without a request id (an older card)', () => {
    it('When "Score now" arrives twice, then the state makes the second a no-op: one history row, one sync', async () => {
      const twice = async (objectId: string) => {
        const send = post('/api/card/score-now', { objectId });
        return statuses(await Promise.all([send(), send()]));
      };
      expect(await twice(DIRECTOR.id)).toEqual([200, 200]);
      expect(await twice('999')).toEqual([202, 202]);

      expect(await api.store.qualifications.history(PORTAL, DIRECTOR.id)).toHaveLength(1);
      expect(await api.store.outbox.list(PORTAL)).toHaveLength(1);
      expect(await jobsOf(api, SYNC_CONTACTS_JOB)).toHaveLength(1);
    });

    it('When the rep clicks reject twice (two requests), then the existing protection records one rejection', async () => {
      await api.call('POST', '/api/card/score-now', {
        portalId: PORTAL_A,
        user: 's1',
        body: { objectId: DIRECTOR.id },
      });
      const reject = (n: number) =>
        post('/api/card/verdict', {
          objectId: DIRECTOR.id,
          verdict: 'rejected',
          reason: 'other',
          requestId: id(n),
        });

      expect(statuses(await Promise.all([reject(10)(), reject(11)()]))).toEqual([200, 200]);

      expect(await api.store.verdicts.forContact(PORTAL, DIRECTOR.id)).toHaveLength(1);
      expect(await api.store.qualifications.history(PORTAL, DIRECTOR.id)).toHaveLength(2);
    });
  });

  it('When a second, different request follows a retried one, then it is applied: ids dedupe copies, not actions', async () => {
    await api.call('POST', '/api/card/score-now', {
      portalId: PORTAL_A,
      user: 's1',
      body: { objectId: DIRECTOR.id },
    });
    const verdict = (verdictName: string, n: number, reason?: string) =>
      post('/api/card/verdict', { objectId: DIRECTOR.id, verdict: verdictName, reason, requestId: id(n) })();

    await verdict('rejected', 20, 'too_small');
    await verdict('accepted', 21);

    const verdicts = await api.store.verdicts.forContact(PORTAL, DIRECTOR.id);
    expect(verdicts.map((v) => v.verdict)).toEqual(['accepted', 'rejected']);
  });
});
