import {
  quizApplyResponseSchema,
  quizResultSchema,
  quizRoundListSchema,
  quizRoundViewSchema,
  type QuizRoundView,
} from '../../../src/contracts/quiz';
import { apiErrorSchema } from '../../../src/contracts/api-error';
import { monthlyReportSchema } from '../../../src/contracts/report';
import { DAY, NOW, PORTAL_A, startApi, type Api } from './api-harness';
import { activateExample, connectPortal } from './api-seed';
import { quizContacts } from '../../use-cases/quiz/quiz-contacts';

let api: Api;
beforeEach(async () => {
  api = await startApi();
});
afterEach(async () => {
  await api.close();
});

const as = (user: string, method: string, path: string, body?: unknown) =>
  api.call(method, path, { portalId: PORTAL_A, user, ...(body === undefined ? {} : { body }) });

/** Directors 1-4 (A2, sales-ready) and Managers 1-4 (C3, nurture). */
const CONTACTS = quizContacts(NOW);

/** A connected portal with the example agreement active and eight contacts scored by the card's real handler. */
async function ready(): Promise<void> {
  await connectPortal(api);
  await activateExample(api);
  await api.store.contacts.upsertMany(String(PORTAL_A), CONTACTS, NOW);
  for (const c of CONTACTS) {
    const res = await as('s1', 'POST', '/api/card/score-now', { objectId: c.id });
    expect(res.status).toBe(200);
  }
}

const titleOf = (lead: QuizRoundView['leads'][number]) =>
  lead.facts.find((f) => f.property === 'jobtitle')!.value!;

async function started(): Promise<QuizRoundView> {
  const res = await as('m1', 'POST', '/api/quiz/rounds', { size: 8, requestId: 'start-round-1' });
  expect(res.status).toBe(201);
  return quizRoundViewSchema.parse(await res.json());
}

describe('the calibration quiz over HTTP', () => {
  it('When marketing starts a round, then everyone sees the same blind leads: facts and dated actions, no grade', async () => {
    await ready();
    const view = await started();
    expect(view.round).toMatchObject({
      id: '1',
      status: 'open',
      size: 8,
      agreementVersion: 1,
      startedBy: '501',
    });
    expect(view.leads.map(titleOf).sort()).toEqual(CONTACTS.map((c) => c.properties.jobtitle).sort());
    const text = JSON.stringify(view.leads);
    for (const hidden of ['grade', 'tier', 'score', 'points', 'contactId', '"201"'])
      expect(text).not.toContain(hidden);
    const quote = view.leads.find((l) => titleOf(l) === 'Director 1')!;
    expect(quote.actions).toEqual([
      {
        property: 'recent_conversion_event_name',
        label: "Clicked 'get a quote' in the newsletter",
        value: 'Newsletter: get a quote',
        at: new Date(NOW - 3 * DAY).toISOString(),
      },
    ]);
    expect(view.viewer).toEqual({ userId: '501', sides: ['marketing'], answeredAs: null, canAnswer: true });
    const list = quizRoundListSchema.parse(await (await as('s1', 'GET', '/api/quiz/rounds')).json());
    expect(list.rounds.map((r) => r.id)).toEqual(['1']);
  });

  it('When the same start request arrives twice, then one round is started', async () => {
    await ready();
    const send = api.signed('POST', '/api/quiz/rounds', {
      portalId: PORTAL_A,
      user: 'm1',
      body: { requestId: 'twice-start' },
    });
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(201);
    const list = quizRoundListSchema.parse(await (await as('m1', 'GET', '/api/quiz/rounds')).json());
    expect(list.rounds).toHaveLength(1);
  });

  it('When sales presses "Start" while marketing’s round is open, then 409 names the open round; closing it lets the next start', async () => {
    await ready();
    await started();
    const again = await as('s1', 'POST', '/api/quiz/rounds', { size: 8, requestId: 'start-round-sales' });
    expect(again.status).toBe(409);
    expect(apiErrorSchema.parse(await again.json()).error).toMatchObject({
      code: 'conflict',
      message: 'A round is already open (round 1): answer it, or close it before starting another.',
    });
    expect((await as('s1', 'POST', '/api/quiz/rounds/1/close', { requestId: 'close-round-1' })).status).toBe(
      200,
    );
    const next = await as('s1', 'POST', '/api/quiz/rounds', { size: 8, requestId: 'start-round-sales-2' });
    expect(next.status).toBe(201);
    expect(quizRoundViewSchema.parse(await next.json()).round).toMatchObject({ id: '2', startedBy: '601' });
  });

  it('When someone in no team answers, then 403 says why; a lead key not in the round is refused by path', async () => {
    await ready();
    const view = await started();
    const answers = [{ leadKey: view.leads[0]!.leadKey, callThisMonth: true }];
    const refused = await as('nobody', 'PUT', '/api/quiz/rounds/1/answers', { answers });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain('neither a marketing nor a sales team');
    const unknown = await as('m1', 'PUT', '/api/quiz/rounds/1/answers', {
      answers: [{ leadKey: '99', callThisMonth: true }],
    });
    expect(unknown.status).toBe(400);
    expect((await as('m1', 'GET', '/api/quiz/rounds/7')).status).toBe(404);
  });

  it('When both sides answered and the round is closed, then the result shows leans, kappa, disagreements and a suggestion that saves into a draft', async () => {
    await ready();
    const view = await started();
    const marketing = view.leads.map((l) => ({ leadKey: l.leadKey, callThisMonth: true }));
    // Sales would call only Director 4 and nobody else.
    const sales = view.leads.map((l) => ({ leadKey: l.leadKey, callThisMonth: titleOf(l) === 'Director 4' }));
    const mine = await as('m1', 'PUT', '/api/quiz/rounds/1/answers', {
      answers: marketing,
      requestId: 'answers-m1',
    });
    expect(quizRoundViewSchema.parse(await mine.json()).myAnswers).toHaveLength(8);
    // While the round is open its result (and so the verdicts) stays hidden.
    expect((await as('s1', 'GET', '/api/quiz/rounds/1/result')).status).toBe(409);
    expect((await as('s1', 'PUT', '/api/quiz/rounds/1/answers', { answers: sales })).status).toBe(200);

    const closed = await as('s1', 'POST', '/api/quiz/rounds/1/close', { requestId: 'close-round-1' });
    expect(closed.status).toBe(200);
    const result = quizResultSchema.parse(await closed.json());
    expect(result.round).toMatchObject({
      status: 'closed',
      closedBy: '601',
      participants: { marketing: 1, sales: 1 },
    });
    // HubSpot is not configured here: no names, the UI shows "User 501" (names: test/use-cases/quiz/quiz-user-names).
    expect(result.participants).toEqual([
      { userId: '501', name: null, side: 'marketing', answered: 8, yes: 8, lean: 1 },
      { userId: '601', name: null, side: 'sales', answered: 8, yes: 1, lean: 1 / 8 },
    ]);
    // Marketing yes everywhere, sales yes once: yesYes 1, yesNo 7 -> 12.5% alike, kappa 0 (marketing never said no).
    expect(result.betweenSides).toMatchObject({
      leads: 8,
      table: { yesYes: 1, yesNo: 7, noYes: 0, noNo: 0 },
    });
    expect(result.betweenSides!.percent).toBeCloseTo(12.5, 10);
    expect(result.betweenSides!.kappa).toBeCloseTo(0, 10);
    const disagreed = result.leads.filter((l) => l.disagree);
    expect(disagreed.map((l) => titleOf(l)).sort()).toEqual([
      'Director 1',
      'Director 2',
      'Director 3',
      'Manager 1',
      'Manager 2',
      'Manager 3',
      'Manager 4',
    ]);
    const d1 = result.leads.find((l) => titleOf(l) === 'Director 1')!;
    expect(d1).toMatchObject({
      contactId: '201',
      verdict: { salesReady: true, grade: 'A2', tier: 'sales_ready' },
    });
    expect(d1.drivers[0]).toMatchObject({ kind: 'signal', id: 'quote-click' });
    // The quote click (decayed from 60 to 51.7 in 3 days) drives the directors: at 40 points it gives 34.5 < 35,
    // so Directors 1-3 fall to A3 as sales answered, Director 4 too (one answer lost): 2 more answers matched.
    const lower = result.suggestions.find((x) => x.evidence.side === 'sales')!;
    expect(lower).toMatchObject({
      patch: { kind: 'signal_points', signalId: 'quote-click', from: 60, to: 40 },
      evidence: { side: 'sales', said: 'no', count: 3, of: 4 },
    });
    expect(lower.text.ja).toContain('配点を60点から40点に下げる');
    // Marketing would call every manager (C3): making C3 sales-ready matches 4 more of its answers.
    expect(result.suggestions[0]).toMatchObject({
      patch: { kind: 'handoff', grade: 'C3', salesReady: true },
      evidence: { side: 'marketing', said: 'yes', count: 4, of: 4 },
    });

    const report = monthlyReportSchema.parse(
      await (await as('s1', 'GET', '/api/report?month=2026-11')).json(),
    );
    expect(report.quiz).toMatchObject({ roundId: '1', leads: 8, oneSided: false, percent: 12.5, kappa: 0 });
    const before = monthlyReportSchema.parse(
      await (await as('s1', 'GET', '/api/report?month=2026-10')).json(),
    );
    expect(before.quiz).toBeUndefined();

    const late = await as('m1', 'PUT', '/api/quiz/rounds/1/answers', { answers: marketing });
    expect(late.status).toBe(409);

    const apply = api.signed('POST', `/api/quiz/rounds/1/suggestions/${lower.n}/apply`, {
      portalId: PORTAL_A,
      user: 'm1',
      body: { requestId: 'apply-suggestion-1' },
    });
    const first = quizApplyResponseSchema.parse(await (await apply()).json());
    const again = quizApplyResponseSchema.parse(await (await apply()).json());
    expect(first.draft).toMatchObject({ status: 'draft', version: 2 });
    const quote = (
      first.draft.agreement as { intent: { signals: { id: string; points: number }[] } }
    ).intent.signals.find((s) => s.id === 'quote-click');
    expect(quote!.points).toBe(40);
    expect(again.draft.version).toBe(2);
  });

  it('When only sales answered before the round was closed, then the result says it is one-sided', async () => {
    await ready();
    const view = await started();
    const answers = view.leads.map((l) => ({ leadKey: l.leadKey, callThisMonth: false }));
    expect((await as('s1', 'PUT', '/api/quiz/rounds/1/answers', { answers })).status).toBe(200);
    const result = quizResultSchema.parse(await (await as('m1', 'POST', '/api/quiz/rounds/1/close')).json());
    expect(result).toMatchObject({ oneSided: true, answeredSide: 'sales', betweenSides: null });
    expect(result.vsVerdict.sales).toMatchObject({ leads: 8, table: { noYes: 4, noNo: 4 } });
    expect((await as('m1', 'POST', '/api/quiz/rounds/1/close')).status).toBe(409);
  });
});
