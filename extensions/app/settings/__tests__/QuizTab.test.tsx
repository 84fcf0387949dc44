import {
  Alert,
  BarChart,
  Button,
  DescriptionListItem,
  Flex,
  Heading,
  NumberInput,
  Select,
  Tab,
  TableCell,
  TableRow,
  Text,
  ToggleGroup,
} from '@hubspot/ui-extensions';
import { monthlyReportSchema } from '@lead-pact/contracts';
import { QuizTab } from '../components/quiz/QuizTab';
import { BACKEND_URL, eventually } from '../../testing/fakeBackend';
import { quizFixtures } from './quizFixtures';
import { recordedReports } from './reportFixtures';
import {
  fire,
  renderReportTab,
  renderSettingsPage,
  renderWithBackend,
  restoreBackend,
  type Routes,
} from './settingsHarness';

// Backend answers: ./quizFixtures (recorded from the real quiz routes; the figures are worked out there).

afterEach(restoreBackend);

const REQUEST_ID = expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/);

function renderQuiz(routes: Routes, locale = 'en-US') {
  const onDraftChanged = jest.fn();
  const page = renderWithBackend(
    <QuizTab baseUrl={BACKEND_URL} onDraftChanged={onDraftChanged} />,
    { 'GET /api/quiz/rounds': quizFixtures.rounds, ...routes },
    { locale, backendUrl: false },
  );
  return { ...page, onDraftChanged };
}
type Page = ReturnType<typeof renderQuiz>;

async function openRound(page: Page, id: string, shown: string) {
  await page.waitFor(() => expect(page.maybeFindByTestId(Button, `quiz-open-${id}`)).not.toBeNull());
  page.findByTestId(Button, `quiz-open-${id}`).trigger('onClick');
  await page.waitFor(() => expect(page.maybeFindByTestId(Flex, shown)).not.toBeNull());
}
const texts = (node: { findAll: Page['findAll'] }) => node.findAll(Text).map((t) => t.text);

describe('the calibration quiz tab', () => {
  it('lists the rounds with their date, who started them (by their HubSpot name) and how many of each side answered', async () => {
    const page = renderQuiz({});
    await page.waitFor(() => expect(page.maybeFindByTestId(TableRow, 'quiz-round-1')).not.toBeNull());
    const row = (id: string) =>
      page
        .findByTestId(TableRow, `quiz-round-${id}`)
        .findAll(TableCell)
        .map((cell) => cell.text ?? cell.maybeFind(Button)?.text);
    // Started 2026-11-27T09:00:00Z (the recorder's clock): 6:00 PM in Tokyo.
    expect(row('3')).toEqual([
      'Nov 27, 2026, 6:00 PM',
      'Kenji Ito',
      'Open',
      '4',
      'Marketing 1 · Sales 0',
      'Answer',
    ]);
    expect(row('1')).toEqual([
      'Nov 27, 2026, 6:00 PM',
      'Aiko Mori',
      'Closed',
      '8',
      'Marketing 1 · Sales 1',
      'See the result',
    ]);
    expect(page.findByTestId(Text, 'quiz-question').text).toBe('Should sales call this lead this month?');
  });

  it("shows an open round's leads blind: facts and dated actions, no grade, tier or score", async () => {
    const page = renderQuiz({ 'GET /api/quiz/rounds/3': quizFixtures.roundOpen });
    await openRound(page, '3', 'quiz-answering');
    const lead = page.findByTestId(Flex, 'quiz-lead-1');
    expect(lead.findAll(DescriptionListItem).map((item) => [item.props.label, item.find(Text).text])).toEqual(
      [
        ['Company size', '150'],
        ['Role', 'Manager 4'],
        ['Target industry', 'RETAIL'],
      ],
    );
    // The document request 5 days before 2026-11-27T09:00Z: Nov 22 in Tokyo.
    expect(page.findByTestId(Text, 'quiz-lead-1-action-0').text).toBe(
      'Requested documents from a web ad · Web ad: document request · Nov 22, 2026',
    );
    // Table view: all four leads at once, still blind.
    fire(page.findByTestId(ToggleGroup, 'quiz-mode'), 'onChange', 'table');
    await page.waitFor(() => expect(page.maybeFindByTestId(TableRow, 'quiz-row-4')).not.toBeNull());
    const everything = page.getRootNode().toString();
    expect(everything).not.toMatch(/\b[A-D][1-4]\b/);
    // The recorded verdicts score 76 (A2 directors) and 35 (C3 managers).
    expect(everything.match(/Sales-ready|Nurture|Score|points|\b(76|35)\b/g)).toBeNull();
    expect(page.findByTestId(Text, 'quiz-blind-note').text).toContain(
      'stay hidden until the round is closed',
    );
  });

  it('posts the answers given, one request id per click, and shows what was saved', async () => {
    const page = renderQuiz({
      'GET /api/quiz/rounds/3': quizFixtures.roundOpen,
      'PUT /api/quiz/rounds/3/answers': quizFixtures.roundAnswered,
    });
    await openRound(page, '3', 'quiz-answering');
    expect(page.findByTestId(Text, 'quiz-answering-as').text).toBe('Your answers count for Sales.');
    // One by one: each answer moves on to the next lead.
    for (const [key, answer] of [
      ['1', 'no'],
      ['2', 'no'],
      ['3', 'yes'],
      ['4', 'no'],
    ] as const) {
      await page.waitFor(() =>
        expect(page.maybeFindByTestId(ToggleGroup, `quiz-answer-${key}`)).not.toBeNull(),
      );
      fire(page.findByTestId(ToggleGroup, `quiz-answer-${key}`), 'onChange', answer);
    }
    await page.waitFor(() =>
      expect(page.findByTestId(Text, 'quiz-progress').text).toBe('You answered 4 of 4 leads.'),
    );
    page.findByTestId(Button, 'quiz-submit').trigger('onClick');
    await eventually(() => expect(page.mocks.actions.addAlert.called).toBe(true));
    const puts = page.calls.filter((c) => c.method === 'PUT');
    expect(puts).toEqual([
      {
        method: 'PUT',
        path: '/api/quiz/rounds/3/answers',
        query: {},
        body: {
          answers: [
            { leadKey: '1', callThisMonth: false },
            { leadKey: '2', callThisMonth: false },
            { leadKey: '3', callThisMonth: true },
            { leadKey: '4', callThisMonth: false },
          ],
          requestId: REQUEST_ID,
        },
      },
    ]);
    expect(page.mocks.actions.addAlert.calls[0]).toEqual([
      { type: 'success', message: 'Answers saved (4 of 4)' },
    ]);
    page.findByTestId(Button, 'quiz-submit').trigger('onClick');
    await eventually(() => expect(page.calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    const [first, second] = page.calls.filter((c) => c.method === 'PUT');
    expect(second?.body?.requestId).not.toBe(first?.body?.requestId);
  });

  it('starts a round of the chosen size with a request id and opens it', async () => {
    const page = renderQuiz({
      'POST /api/quiz/rounds': quizFixtures.roundOpen,
      'GET /api/quiz/rounds/3': quizFixtures.roundOpen,
    });
    await page.waitFor(() => expect(page.maybeFindByTestId(TableRow, 'quiz-round-3')).not.toBeNull());
    expect(page.findByTestId(NumberInput, 'quiz-size').props.value).toBe(20);
    fire(page.findByTestId(NumberInput, 'quiz-size'), 'onChange', 4);
    await page.waitFor(() => expect(page.findByTestId(NumberInput, 'quiz-size').props.value).toBe(4));
    page.findByTestId(Button, 'quiz-start').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFindByTestId(Flex, 'quiz-answering')).not.toBeNull());
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/quiz/rounds', query: {}, body: { size: 4, requestId: REQUEST_ID } },
    ]);
    expect(page.mocks.actions.addAlert.calls[0]).toEqual([
      { type: 'success', message: 'Round started: everyone in marketing and sales can answer it now' },
    ]);
  });

  it('asks a user on both sides which side they answer for, and sends it with the answers', async () => {
    const page = renderQuiz({
      'GET /api/quiz/rounds/3': quizFixtures.roundBothSides,
      'PUT /api/quiz/rounds/3/answers': quizFixtures.roundAnswered,
    });
    await openRound(page, '3', 'quiz-answering');
    fire(page.findByTestId(ToggleGroup, 'quiz-answer-1'), 'onChange', 'yes');
    await page.waitFor(() =>
      expect(page.findByTestId(Text, 'quiz-progress').text).toBe('You answered 1 of 4 leads.'),
    );
    expect(page.findByTestId(Button, 'quiz-submit').props.disabled).toBe(true);
    fire(page.findByTestId(Select, 'quiz-acting-as'), 'onChange', 'marketing');
    await page.waitFor(() => expect(page.findByTestId(Button, 'quiz-submit').props.disabled).toBe(false));
    page.findByTestId(Button, 'quiz-submit').trigger('onClick');
    await eventually(() => expect(page.calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(page.calls.find((c) => c.method === 'PUT')?.body).toEqual({
      answers: [{ leadKey: '1', callThisMonth: true }],
      actingAs: 'marketing',
      requestId: REQUEST_ID,
    });
  });

  it('tells a user in no team why they cannot answer, and still lets them close the round', async () => {
    const page = renderQuiz({ 'GET /api/quiz/rounds/3': quizFixtures.roundNoTeam });
    await openRound(page, '3', 'quiz-answering');
    expect(page.findByTestId(Alert, 'quiz-no-team').props.title).toBe('You cannot answer this round');
    expect(page.findByTestId(Alert, 'quiz-no-team').text).toContain(
      'neither the marketing nor the sales side',
    );
    expect(page.maybeFindByTestId(Button, 'quiz-submit')).toBeNull();
    expect(page.findByTestId(Button, 'quiz-close').props.disabled).toBe(false);
  });

  it('closes the round with a request id and shows its result at once', async () => {
    const page = renderQuiz({
      'GET /api/quiz/rounds/3': quizFixtures.roundOpen,
      'POST /api/quiz/rounds/3/close': quizFixtures.result,
    });
    await openRound(page, '3', 'quiz-answering');
    page.findByTestId(Button, 'quiz-close').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFindByTestId(Flex, 'quiz-result')).not.toBeNull());
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/quiz/rounds/3/close', query: {}, body: { requestId: REQUEST_ID } },
    ]);
  });

  it("renders a closed round's result: leans as bars, agreement with kappa and its interval, disagreements", async () => {
    const page = renderQuiz({
      'GET /api/quiz/rounds/1/result': quizFixtures.result,
    });
    await openRound(page, '1', 'quiz-result');
    expect(page.maybeFindByTestId(Alert, 'quiz-one-sided')).toBeNull();
    expect(page.findByTestId(BarChart, 'quiz-chart-leans').props.data).toEqual([
      { who: 'Aiko Mori', lean: 75, side: 'Marketing' },
      { who: 'Kenji Ito', lean: 12.5, side: 'Sales' },
      { who: 'Marketing (all)', lean: 75, side: 'Marketing' },
      { who: 'Sales (all)', lean: 12.5, side: 'Sales' },
    ]);
    expect(page.findByTestId(Text, 'quiz-lean-501').text).toBe('Aiko Mori (Marketing): yes to 6 of 8 (75%)');
    expect(page.findByTestId(Text, 'quiz-side-lean-sales').text).toBe(
      'Sales: yes to 12.5% of answers (1 person)',
    );
    expect(texts(page.findByTestId(Flex, 'quiz-agreement-between'))).toEqual([
      'Agreement between marketing and sales',
      'Same answer on 3 of 8 leads (37.5%)',
      "Cohen's kappa 0.09 (95% interval -0.11 to 0.29)",
    ]);
    expect(texts(page.findByTestId(Flex, 'quiz-agreement-marketing')).slice(1)).toEqual([
      'Same answer on 6 of 8 leads (75%)',
      "Cohen's kappa 0.5 (95% interval -0.02 to 1)",
    ]);
    expect(page.findByTestId(BarChart, 'quiz-chart-agreement').props.data).toEqual([
      { pair: 'Agreement between marketing and sales', percent: 37.5 },
      { pair: 'Marketing against the agreement', percent: 75 },
      { pair: 'Sales against the agreement', percent: 62.5 },
    ]);
    // Leads 2 (Manager 1), 3 (Director 2), 4 (Director 3), 5 (Manager 2) and 8 (Director 1): marketing would call,
    // sales would not; leads 1 (Director 4: both yes), 6 and 7 (Managers 4, 3: both no) are not listed.
    const listed = page
      .findByTestId(Flex, 'quiz-disagreements')
      .findAll(Flex)
      .map((f) => f.props.testId)
      .filter((id) => /^quiz-disagreement-\d+$/.test(String(id)));
    expect(listed).toEqual([
      'quiz-disagreement-2',
      'quiz-disagreement-3',
      'quiz-disagreement-4',
      'quiz-disagreement-5',
      'quiz-disagreement-8',
    ]);
    expect(page.findByTestId(Text, 'quiz-disagreement-3-marketing').text).toBe(
      'Marketing: call (1 yes, 0 no)',
    );
    expect(page.findByTestId(Text, 'quiz-disagreement-3-sales').text).toBe(
      'Sales: do not call (0 yes, 1 no)',
    );
    expect(page.findByTestId(Text, 'quiz-disagreement-3-verdict').text).toBe(
      'The agreement says Sales-ready (A2, score 76)',
    );
    // The quote click's 60 points decayed over 3 days to 51.72 (the recorded driver).
    expect(page.findByTestId(Text, 'quiz-driver-3-quote-click').text).toBe(
      "Clicked 'get a quote' in the newsletter: 51.7 points (Newsletter: get a quote)",
    );
    expect(page.findByTestId(Text, 'quiz-apply-how-to').text).toContain('proposed under Approval');
  });

  it('renders the same result in Japanese', async () => {
    const page = renderQuiz(
      {
        'GET /api/quiz/rounds/1/result': quizFixtures.result,
      },
      'ja-JP',
    );
    await openRound(page, '1', 'quiz-result');
    expect(texts(page.findByTestId(Flex, 'quiz-agreement-between'))).toEqual([
      'マーケティングと営業の一致度',
      '8件中3件で回答が一致（37.5%）',
      'コーエンのκ係数 0.09（95%信頼区間 -0.11～0.29）',
    ]);
    expect(page.findByTestId(Text, 'quiz-lean-601').text).toBe(
      'Kenji Ito（営業）：8件中1件に「はい」（12.5%）',
    );
    expect(page.findByTestId(Text, 'quiz-side-lean-sales').text).toBe('営業：回答の12.5%が「はい」（1名）');
    expect(page.findByTestId(Text, 'quiz-disagreement-2-verdict').text).toBe(
      '合意内容の判定：ナーチャリング（C3、スコア35）',
    );
    expect(page.findByTestId(Flex, 'quiz-suggestion-1').find(Text).text).toBe(
      "営業は「Clicked 'get a quote' in the newsletter」が主な加点要因の営業対象リード4件のうち3件に「いいえ」と回答：配点を60点から40点に下げる。",
    );
    expect(page.findByTestId(Button, 'quiz-apply-1').text).toBe('下書きに適用');
  });

  it('shows "User <id>" for a participant HubSpot has no owner for, and "N people" for a side of several', async () => {
    const body = structuredClone(quizFixtures.result().body) as {
      participants: { userId: string; side: string; name?: string | null }[];
      sides: { marketing: { participants: number } };
    };
    // A second marketer (502), whom HubSpot's owners list does not have: the server sends no name.
    body.participants.push({ ...body.participants[0]!, userId: '502', name: null });
    body.sides.marketing.participants = 2;
    const page = renderQuiz({ 'GET /api/quiz/rounds/1/result': () => ({ status: 200, body }) });
    await openRound(page, '1', 'quiz-result');
    expect(page.findByTestId(Text, 'quiz-lean-502').text).toBe('User 502 (Marketing): yes to 6 of 8 (75%)');
    expect(page.findByTestId(Text, 'quiz-lean-501').text).toBe('Aiko Mori (Marketing): yes to 6 of 8 (75%)');
    expect(page.findByTestId(Text, 'quiz-side-lean-marketing').text).toBe(
      'Marketing: yes to 75% of answers (2 people)',
    );
  });

  it('says when a round was closed with one side only, and compares that side with the verdict alone', async () => {
    const page = renderQuiz({
      'GET /api/quiz/rounds/2/result': quizFixtures.resultOneSided,
    });
    await openRound(page, '2', 'quiz-result');
    expect(page.findByTestId(Alert, 'quiz-one-sided').props.title).toBe(
      'Only Marketing answered: the sides cannot be compared yet.',
    );
    expect(page.maybeFindByTestId(Flex, 'quiz-agreement-between')).toBeNull();
    expect(page.maybeFindByTestId(Flex, 'quiz-agreement-sales')).toBeNull();
    expect(page.findByTestId(Text, 'quiz-side-lean-sales').text).toBe('Sales: no answers');
    expect(page.findByTestId(Flex, 'quiz-disagreements').find(Heading).text).toBe(
      'Leads where Marketing disagrees with the agreement',
    );
  });

  it('"Apply to draft" posts to the suggestion\'s route and says the draft still needs proposing and approval', async () => {
    const page = renderQuiz({
      'GET /api/quiz/rounds/1/result': quizFixtures.result,
      'POST /api/quiz/rounds/1/suggestions/1/apply': quizFixtures.applied,
    });
    await openRound(page, '1', 'quiz-result');
    page.findByTestId(Button, 'quiz-apply-1').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFindByTestId(Text, 'quiz-applied-1')).not.toBeNull());
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/api/quiz/rounds/1/suggestions/1/apply',
        query: {},
        body: { requestId: REQUEST_ID },
      },
    ]);
    expect(page.findByTestId(Text, 'quiz-applied-1').text).toBe(
      'Saved into draft version 2. Propose it under Approval; the other side approves it as any change.',
    );
    expect(page.onDraftChanged).toHaveBeenCalledTimes(1);
    expect(page.maybeFindByTestId(Button, 'quiz-apply-1')).toBeNull();
  });

  it("is a tab of the settings page, named in the user's language", async () => {
    const renderer = renderSettingsPage({ 'GET /api/quiz/rounds': quizFixtures.rounds }, 'ja-JP');
    await renderer.waitFor(() => expect(renderer.maybeFindByTestId(Flex, 'quiz')).not.toBeNull());
    expect(renderer.findAll(Tab).map((tab) => tab.props.title)).toContain('目線合わせクイズ');
  });

  it("shows the latest closed round's agreement beside the month's figures in the monthly report", async () => {
    // The recorded November report, with the `quiz` line the server adds for round 1 (taken from its result).
    const { round, betweenSides, oneSided } = quizFixtures.result().body as {
      round: { id: string; closedAt: string };
      betweenSides: { leads: number; percent: number; kappa: number; low: number; high: number };
      oneSided: boolean;
    };
    const november = recordedReports.november().body as object;
    const quiz = {
      roundId: round.id,
      closedAt: round.closedAt,
      leads: betweenSides.leads,
      oneSided,
      percent: betweenSides.percent,
      kappa: betweenSides.kappa,
      low: betweenSides.low,
      high: betweenSides.high,
    };
    const renderer = renderReportTab(
      () => ({ body: monthlyReportSchema.parse({ ...november, quiz }) }),
      'ja-JP',
    );
    await renderer.waitFor(() => expect(renderer.maybeFindByTestId(Flex, 'report-quiz')).not.toBeNull());
    expect(texts(renderer.findByTestId(Flex, 'report-quiz'))).toEqual([
      'ラウンド 1（2026/11/27 締め切り、リード 8 件）',
      'マーケティングと営業の回答の一致率：37.5%',
      'コーエンのκ係数 0.09（95%信頼区間 -0.11～0.29）',
    ]);
  });
});
