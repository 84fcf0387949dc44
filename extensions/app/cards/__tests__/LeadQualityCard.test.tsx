import {
  Alert,
  Button,
  EmptyState,
  ErrorState,
  LoadingButton,
  LoadingSpinner,
  ScoreCircle,
  Select,
  StatusTag,
  Tag,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { apiErrorSchema, verdictResponseSchema } from '@lead-pact/contracts';
import { CardRoot } from '../components/CardRoot';
import { BACKEND_URL, hangingBackend, ok, unreachable, type FakeAnswer } from '../../testing/fakeBackend';
import { recordedCard, recordedCards } from './cardFixtures';
import { renderCard, replacedFetch, restoreCardTest } from './cardHarness';
import verdictAccepted from './fixtures/verdict-accepted.json';
import verdictMissingReason from './fixtures/verdict-missing-reason.json';
import verdictRejected from './fixtures/verdict-rejected.json';

// Every backend answer below was recorded from the real server's handlers (./fixtures, kept honest by
// test/http/routes/recorded-fixtures.test.ts). What is not a response stays hand-built: a fetch that never
// settles (loading) and a fetch that rejects (backend unreachable).

afterEach(restoreCardTest);

const text = (renderer: ReturnType<typeof renderCard>, testId: string) =>
  renderer.findByTestId(Text, testId).text;

/** Every state-changing call carries a request id, so hubspot.fetch's retry of it is applied once. */
const REQUEST_ID = expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/);

describe('the lead quality card, every state', () => {
  it('shows a spinner while the backend has not answered', () => {
    replacedFetch(hangingBackend());
    const { render, findByTestId, mocks } = createRenderer('crm.record.sidebar');
    mocks.context.variables = { BACKEND_URL };
    render(<CardRoot />);
    expect(findByTestId(LoadingSpinner, 'card-loading').props.label).toBe('Loading lead quality…');
  });

  it('When the profile has no backend address, then it says what to fix instead of calling anything', () => {
    const { render, findByTestId, mocks } = createRenderer('crm.record.sidebar');
    mocks.context.variables = {};
    render(<CardRoot />);
    expect(findByTestId(ErrorState, 'card-not-configured').props.title).toBe('Lead Pact is not set up');
  });

  it('When the backend is down, then it shows a plain message and retries on demand', async () => {
    const card = renderCard(unreachable);
    await card.waitFor(() => expect(card.findByTestId(ErrorState, 'card-unreachable')).toBeTruthy());
    const message = card.findByTestId(ErrorState, 'card-unreachable').find(Text).text;
    expect(message).toBe('The lead quality service could not be reached. Try again in a minute.');
    card.findByTestId(Button, 'card-retry').trigger('onClick');
    await card.waitFor(() => expect(card.calls.filter((c) => c.path === '/api/card')).toHaveLength(2));
  });

  it('When the portal has not installed the app, then it offers to connect it', async () => {
    const card = renderCard(recordedCard(recordedCards.notConnected));
    await card.waitFor(() => expect(card.findByTestId(EmptyState, 'card-not-connected')).toBeTruthy());
    expect(card.find(Button).props.href).toEqual({ url: `${BACKEND_URL}/oauth/install`, external: true });
  });

  it('When no agreement is active, then it says so', async () => {
    const card = renderCard(recordedCard(recordedCards.noAgreement));
    await card.waitFor(() =>
      expect(card.findByTestId(EmptyState, 'card-no-agreement').props.title).toBe('No agreement yet'),
    );
  });

  it('When the contact is not scored yet, then "Score now" scores it and shows the verdict', async () => {
    // Score now answers 200 with the freshly scored card when the contact is stored (the recorded card).
    const card = renderCard(recordedCard(recordedCards.notScored), {
      routes: { 'POST /api/card/score-now': () => recordedCard(recordedCards.salesReady) },
    });
    await card.waitFor(() => expect(card.findByTestId(EmptyState, 'card-not-scored')).toBeTruthy());
    expect(card.findByTestId(EmptyState, 'card-not-scored').find(Text).text).toBe(
      'This contact has not been scored against agreement v1 yet.',
    );
    card.findByTestId(LoadingButton, 'card-score-now').trigger('onClick');
    await card.waitFor(() => expect(card.findByTestId(ScoreCircle, 'card-score').props.score).toBe(76));
    expect(card.calls.at(-1)).toEqual({
      method: 'POST',
      path: '/api/card/score-now',
      query: {},
      body: { objectId: '123', requestId: REQUEST_ID },
    });
    expect(card.calls[0]?.query).toEqual({ objectId: '123' });
  });
});

describe('a scored, sales-ready lead', () => {
  it('shows grade, score, tier, stage, route and the agreement it was scored under', async () => {
    const card = renderCard(recordedCard(recordedCards.salesReady));
    await card.waitFor(() => expect(card.findByTestId(ScoreCircle, 'card-score').props.score).toBe(76));
    expect(text(card, 'card-grade')).toBe('Grade A2');
    expect(card.findByTestId(StatusTag, 'card-tier')).toMatchObject({
      text: 'Sales-ready',
      props: { variant: 'success' },
    });
    expect(text(card, 'card-stage')).toBe('Decision');
    expect(text(card, 'card-route')).toBe('Field sales');
    expect(text(card, 'card-agreement')).toBe('Agreement v1 “FY2027 H1”, approved Nov 27, 2026');
  });

  it('lists the criteria strongest first, each with the value seen, its outcome and points', async () => {
    const card = renderCard(recordedCard(recordedCards.salesReady));
    await card.waitFor(() => expect(card.maybeFindByTestId(Text, 'criterion-role-seen')).not.toBeNull());
    const order = card.findAll(Tag).map((tag) => tag.props.testId);
    expect(order).toHaveLength(10);
    expect(order.slice(0, 4)).toEqual([
      'criterion-quote-click-outcome',
      'criterion-company-size-outcome',
      'criterion-role-outcome',
      'criterion-industry-outcome',
    ]);
    expect(text(card, 'criterion-quote-click-seen')).toBe('Seen: Newsletter: get a quote · 3 days ago');
    expect(text(card, 'criterion-quote-click-points')).toBe('51.7 pts');
    expect(card.findByTestId(Tag, 'criterion-customer-outcome').text).toBe('Unknown');
    expect(text(card, 'criterion-customer-seen')).toBe('No value');
    expect(card.findByTestId(Tag, 'criterion-competitor-outcome').text).toBe('Not met');
  });

  it("shows the follow-up deadline in the portal's time zone with a countdown, and no warning while on track", async () => {
    const card = renderCard(recordedCard(recordedCards.salesReady));
    await card.waitFor(() => expect(card.maybeFindByTestId(Text, 'card-countdown')).not.toBeNull());
    expect(text(card, 'card-follow-up-due')).toBe('Follow up by: Dec 1, 2026, 11:59 PM');
    expect(text(card, 'card-countdown')).toBe('due in 4 d 5 h');
    expect(card.maybeFindByTestId(Alert, 'card-breached')).toBeNull();
  });

  it('When the deadline has passed, then it warns that the follow-up was missed', async () => {
    const card = renderCard(recordedCard(recordedCards.breached));
    await card.waitFor(() =>
      expect(card.findByTestId(Alert, 'card-breached').props.title).toBe('Follow-up deadline missed'),
    );
    expect(text(card, 'card-countdown')).toBe('3 h 0 min overdue');
  });

  it('When disqualified, then it says why and offers no accept / reject', async () => {
    const card = renderCard(recordedCard(recordedCards.disqualified));
    await card.waitFor(() => expect(card.maybeFindByTestId(Alert, 'card-disqualified')).not.toBeNull());
    expect(card.findByTestId(Alert, 'card-disqualified').text).toBe(
      'The agreement excludes this contact: Already a customer.',
    );
    expect(card.findAll(Tag)[0]?.props.testId).toBe('criterion-customer-outcome');
    expect(card.maybeFindByTestId(Button, 'card-accept')).toBeNull();
    expect(card.maybeFindByTestId(Text, 'card-follow-up-due')).toBeNull();
  });
});

describe('accepting and rejecting', () => {
  const verdictRoutes = (captured: { card: () => FakeAnswer }) => ({
    'POST /api/card/verdict': (body: Record<string, unknown> | undefined) => {
      const accepted = body?.verdict === 'accepted';
      captured.card = () => recordedCard(accepted ? recordedCards.accepted : recordedCards.rejected);
      const answer = accepted ? verdictAccepted : verdictRejected;
      return ok(verdictResponseSchema, answer.body);
    },
  });

  it('When the rep accepts, then it posts the verdict, confirms, refreshes the record and reloads the card', async () => {
    const state = { card: () => recordedCard(recordedCards.salesReady) };
    const card = renderCard(() => state.card(), { routes: verdictRoutes(state) });
    await card.waitFor(() => expect(card.maybeFindByTestId(Button, 'card-accept')).not.toBeNull());
    card.findByTestId(Button, 'card-accept').trigger('onClick');
    await card.waitFor(() => expect(text(card, 'card-verdict')).toBe('Accepted on Nov 27, 2026'));
    expect(card.calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/api/card/verdict',
      query: {},
      body: { objectId: '123', verdict: 'accepted', requestId: REQUEST_ID },
    });
    expect(card.mocks.actions.addAlert.calls).toEqual([[{ type: 'success', message: 'Lead accepted' }]]);
    expect(card.mocks.actions.refreshObjectProperties.called).toBe(true);
    expect(card.calls.filter((c) => c.path === '/api/card')).toHaveLength(2);
  });

  it('When the rep rejects with a reason and a note, then exactly that is posted and the lead shows as recycled', async () => {
    const state = { card: () => recordedCard(recordedCards.salesReady) };
    const card = renderCard(() => state.card(), { routes: verdictRoutes(state) });
    await card.waitFor(() => expect(card.maybeFindByTestId(Button, 'card-reject')).not.toBeNull());
    card.findByTestId(Button, 'card-reject').trigger('onClick');
    expect(card.findByTestId(Button, 'card-confirm-reject').props.disabled).toBe(true);
    const reasons = card.findByTestId(Select, 'card-reject-reason');
    expect(reasons.props.options.map((o) => o.value)).toEqual([
      'too_small',
      'wrong_role',
      'not_ready',
      'bad_data',
      'existing_relationship',
      'other',
    ]);
    reasons.trigger('onChange', 'too_small' as never); // the typing wants the handler, the runtime the value
    card.findByTestId(TextArea, 'card-reject-note').trigger('onChange', '  only 12 people  ' as never);
    card.findByTestId(Button, 'card-confirm-reject').trigger('onClick');
    await card.waitFor(() => expect(card.findByTestId(StatusTag, 'card-tier').text).toBe('Recycled'));
    expect(card.calls.find((c) => c.method === 'POST')?.body).toEqual({
      objectId: '123',
      verdict: 'rejected',
      reason: 'too_small',
      note: 'only 12 people',
      requestId: REQUEST_ID,
    });
    expect(card.mocks.actions.addAlert.calls).toEqual([
      [{ type: 'success', message: 'Lead rejected and recycled' }],
    ]);
    expect(text(card, 'card-verdict')).toBe('Rejected (Company too small) on Nov 27, 2026');
  });

  it('When saving the verdict fails, then the rep is told and the card stays as it was', async () => {
    const card = renderCard(recordedCard(recordedCards.salesReady), {
      routes: {
        'POST /api/card/verdict': () => ({
          status: verdictMissingReason.status,
          body: apiErrorSchema.parse(verdictMissingReason.body),
        }),
      },
    });
    await card.waitFor(() => expect(card.maybeFindByTestId(Button, 'card-accept')).not.toBeNull());
    card.findByTestId(Button, 'card-accept').trigger('onClick');
    await card.waitFor(() => expect(card.mocks.actions.addAlert.called).toBe(true));
    expect(card.mocks.actions.addAlert.calls[0]).toEqual([
      {
        type: 'danger',
        title: 'The verdict could not be saved',
        message: 'The verdict is not valid.',
      },
    ]);
    expect(card.mocks.actions.refreshObjectProperties.called).toBe(false);
  });
});

describe('in Japanese', () => {
  it('speaks Japanese and formats dates the Japanese way, in the portal time zone', async () => {
    const card = renderCard(recordedCard(recordedCards.salesReady), { locale: 'ja-JP' });
    await card.waitFor(() => expect(card.maybeFindByTestId(StatusTag, 'card-tier')).not.toBeNull());
    expect(card.findByTestId(StatusTag, 'card-tier').text).toBe('営業引き渡し');
    expect(text(card, 'card-grade')).toBe('グレード A2');
    expect(text(card, 'card-stage')).toBe('導入決定');
    expect(text(card, 'card-follow-up-due')).toBe('フォロー期限: 2026/12/01 23:59');
    expect(text(card, 'card-countdown')).toBe('あと4日5時間');
    expect(text(card, 'card-agreement')).toBe('合意 v1「FY2027 H1」（2026/11/27 承認）');
    expect(card.findByTestId(Button, 'card-accept').text).toBe('受け入れる');
  });

  it('shows the backend-down message in Japanese', async () => {
    const card = renderCard(unreachable, { locale: 'ja' });
    await card.waitFor(() =>
      expect(card.findByTestId(ErrorState, 'card-unreachable').props.title).toBe('Lead Pact が応答しません'),
    );
  });
});
