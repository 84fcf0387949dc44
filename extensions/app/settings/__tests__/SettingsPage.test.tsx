import {
  Accordion,
  Alert,
  BarChart,
  Button,
  ErrorState,
  Flex,
  LineChart,
  MultiSelect,
  NumberInput,
  ProgressBar,
  Select,
  StatusTag,
  Tab,
  Text,
  TextArea,
  Toggle,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import {
  agreementsResponseSchema,
  apiErrorSchema,
  currentJobResponseSchema,
  teamsResponseSchema,
  teamsSettingsSchema,
} from '@lead-pact/contracts';
import { SettingsRoot } from '../components/SettingsRoot';
import { BACKEND_URL, eventually, fakeBackend, ok, type FakeAnswer } from '../../testing/fakeBackend';
import { NO_JOB, PROPERTIES, SIMULATION, agreements, version } from './settingsFixtures';

let restore: () => void = () => undefined;
afterEach(() => restore());

type Routes = Parameters<typeof fakeBackend>[0];

/** The settings page for a user in `locale`, the backend answering from the default routes plus `routes`. */
function renderSettings(routes: Routes = {}, locale = 'en-US') {
  const backend = fakeBackend({
    'GET /api/agreements': () => ok(agreementsResponseSchema, agreements()),
    'GET /api/properties': () => ({ body: PROPERTIES }),
    'GET /api/jobs/current': () => ({ body: NO_JOB }),
    ...routes,
  });
  restore = backend.restore;
  const renderer = createRenderer('settings');
  renderer.mocks.context.variables = { BACKEND_URL };
  renderer.mocks.context.user.locale = locale;
  renderer.mocks.context.portal.timezone = 'Asia/Tokyo';
  renderer.render(<SettingsRoot />);
  // A longer wait than createRenderer's 1 s default: the whole suite runs in parallel workers.
  const waitFor: typeof renderer.waitFor = (check, options) =>
    renderer.waitFor(check, { timeoutInMs: 5000, ...options });
  return { ...renderer, waitFor, calls: backend.calls };
}
type Page = ReturnType<typeof renderSettings>;
const loaded = (page: Page) =>
  page.waitFor(() => expect(page.maybeFindByTestId(Text, 'next-step')).not.toBeNull());
const lastPost = (page: Page, path: string) => page.calls.filter((c) => c.path === path).at(-1)?.body;
/** createRenderer's typing wants the handler; at runtime `trigger` passes the value. */
const fire = (node: { trigger: (event: never, value?: never) => void }, event: string, value?: unknown) =>
  node.trigger(event as never, value as never);

describe('the settings page', () => {
  it('When the profile has no backend address, then it says what to fix', () => {
    const { render, findByTestId, mocks } = createRenderer('settings');
    mocks.context.variables = {};
    render(<SettingsRoot />);
    expect(findByTestId(ErrorState, 'settings-not-configured').props.title).toBe('Lead Pact is not set up');
  });

  it('When the backend is down, then it shows a plain message', async () => {
    const page = renderSettings({ 'GET /api/agreements': () => ({ status: 503, body: {} }) });
    await page.waitFor(() => expect(page.findByTestId(ErrorState, 'settings-unreachable')).toBeTruthy());
    expect(page.findByTestId(ErrorState, 'settings-unreachable').find(Text).text).toBe(
      'The settings could not be loaded. Try again in a minute.',
    );
  });

  it("When the backend refuses with a reason, then the page shows the server's plain message", async () => {
    const refusal = apiErrorSchema.parse({
      error: { code: 'forbidden', message: 'Lead Pact is not connected to this HubSpot account yet.' },
    });
    const page = renderSettings({ 'GET /api/agreements': () => ({ status: 403, body: refusal }) });
    await page.waitFor(() =>
      expect(page.maybeFindByTestId(ErrorState, 'settings-unreachable')).not.toBeNull(),
    );
    expect(page.findByTestId(ErrorState, 'settings-unreachable').find(Text).text).toBe(
      'Lead Pact is not connected to this HubSpot account yet.',
    );
  });

  it('edits the open draft: the sales-ready grid shows its grades and a ticked C1 is saved with the draft', async () => {
    const page = renderSettings({
      'PUT /api/agreements/draft': () => ok(agreementsResponseSchema, agreements()),
    });
    await loaded(page);
    const ticked = page
      .findByTestId(Flex, 'sales-ready-grid')
      .findAll(Toggle)
      .filter((toggle) => toggle.props.checked)
      .map((toggle) => toggle.props.label);
    expect(ticked).toEqual(['A1', 'A2', 'B1']);
    fire(page.findByTestId(Toggle, 'grade-C1'), 'onChange', true);
    page.findByTestId(Button, 'save-draft').trigger('onClick');
    await page.waitFor(() => expect(page.mocks.actions.addAlert.called).toBe(true));
    const saved = lastPost(page, '/api/agreements/draft') as {
      agreement: { handoff: unknown };
      version: number;
    };
    expect(saved.version).toBe(4);
    expect(saved.agreement.handoff).toEqual({ salesReady: ['A1', 'A2', 'B1', 'C1'] });
    expect(page.mocks.actions.addAlert.calls[0]).toEqual([{ type: 'success', message: 'Draft saved' }]);
  });

  it('When the server rejects the draft, then each error shows next to the field it names', async () => {
    const invalid: FakeAnswer = {
      status: 400,
      body: apiErrorSchema.parse({
        error: {
          code: 'invalid_input',
          message: 'The agreement has 1 problem.',
          details: [
            { path: 'fit.rules[0].bands[1].min', message: 'bands must go from the highest min down' },
          ],
        },
      }),
    };
    const page = renderSettings({ 'PUT /api/agreements/draft': () => invalid });
    await loaded(page);
    fire(page.findByTestId(NumberInput, 'fit.rules[0].bands[1].min'), 'onChange', 5000);
    await page.waitFor(() =>
      expect(page.findByTestId(NumberInput, 'fit.rules[0].bands[1].min').props.value).toBe(5000),
    );
    page.findByTestId(Button, 'save-draft').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFindByTestId(Alert, 'editor-problems')).not.toBeNull());
    const field = page.findByTestId(NumberInput, 'fit.rules[0].bands[1].min');
    expect(field.props).toMatchObject({
      value: 5000,
      error: true,
      validationMessage: 'bands must go from the highest min down',
    });
    expect(page.findByTestId(NumberInput, 'fit.rules[0].bands[0].min').props.error).toBeUndefined();
    expect(page.findByTestId(Alert, 'editor-problems').props.title).toBe('The agreement has 1 problem');
    const sent = lastPost(page, '/api/agreements/draft') as {
      agreement: { fit: { rules: { bands: unknown }[] } };
    };
    expect(sent.agreement.fit.rules[0]?.bands).toEqual([
      { min: 1000, points: 40 },
      { min: 5000, points: 25 },
      { min: 20, points: 10 },
    ]);
  });

  it("offers the portal's contact and company properties in the pickers", async () => {
    const page = renderSettings();
    await loaded(page);
    await page.waitFor(() =>
      expect(page.findByTestId(Select, 'fit.rules[0].property').props.options.length).toBe(3),
    );
    expect(page.findByTestId(Select, 'fit.rules[0].property').props).toMatchObject({
      value: 'company.numberofemployees',
      options: [
        { value: 'jobtitle', label: 'Contact: Job title (jobtitle)' },
        { value: 'lifecyclestage', label: 'Contact: Lifecycle stage (lifecyclestage)' },
        { value: 'company.numberofemployees', label: 'Company: Number of employees (numberofemployees)' },
      ],
    });
  });
});

describe('the approval flow', () => {
  it('When marketing proposes the draft with a rationale, then the page says sales must act next', async () => {
    const proposed = agreements({
      open: version({
        status: 'proposed',
        proposedBy: 'mika@example.com',
        proposedAt: '2026-11-27T01:00:00Z',
        proposedSide: 'marketing',
        rationale: 'Webinar leads close',
      }),
      next: {
        side: 'sales',
        action: 'approve',
        version: 4,
        text: 'Sales must approve version 4 proposed by marketing',
      },
    });
    const page = renderSettings({
      'POST /api/agreements/propose': () => ok(agreementsResponseSchema, proposed),
    });
    await loaded(page);
    expect(page.findByTestId(Text, 'next-step').text).toBe(
      'Version 4 is a draft: either side may propose it.',
    );
    expect(page.findByTestId(StatusTag, 'turn').text).toBe('Your turn.');
    expect(page.findByTestId(Button, 'propose').props.disabled).toBe(true);
    fire(page.findByTestId(TextArea, 'rationale'), 'onChange', ' Webinar leads close ');
    page.findByTestId(Button, 'propose').trigger('onClick');
    await page.waitFor(() =>
      expect(page.findByTestId(Text, 'next-step').text).toBe('Sales must approve or send back version 4.'),
    );
    expect(lastPost(page, '/api/agreements/propose')).toEqual({
      version: 4,
      rationale: 'Webinar leads close',
    });
    expect(page.findByTestId(StatusTag, 'turn').text).toBe('Waiting for Sales.');
    expect(page.maybeFindByTestId(Button, 'approve')).toBeNull();
  });

  const underReview = (sides: ('marketing' | 'sales')[]) =>
    agreements({
      open: version({
        status: 'proposed',
        proposedBy: 'mika@example.com',
        proposedAt: '2026-11-27T01:00:00Z',
        proposedSide: 'marketing',
        rationale: 'Webinar leads close',
      }),
      next: {
        side: 'sales',
        action: 'approve',
        version: 4,
        text: 'Sales must approve version 4 proposed by marketing',
      },
      viewer: { userId: '7', sides },
    });

  it('When sales approves, then it posts the version and the page says nothing is left to do', async () => {
    const approved = agreements({
      open: null,
      active: version({
        status: 'active',
        approvedBy: 'ken@example.com',
        approvedAt: '2026-11-27T02:00:00Z',
      }),
      next: { side: null, action: 'none', version: 4, text: 'Nothing to do: version 4 is active' },
      viewer: { userId: '7', sides: ['sales'] },
    });
    const page = renderSettings({
      'GET /api/agreements': () => ok(agreementsResponseSchema, underReview(['sales'])),
      'POST /api/agreements/approve': () => ok(agreementsResponseSchema, approved),
    });
    await loaded(page);
    expect(page.findByTestId(StatusTag, 'turn').text).toBe('Your turn.');
    expect(page.findByTestId(Text, 'proposal-rationale').text).toBe('Why: Webinar leads close');
    page.findByTestId(Button, 'approve').trigger('onClick');
    await page.waitFor(() =>
      expect(page.findByTestId(Text, 'next-step').text).toBe('Nothing to do: version 4 is active.'),
    );
    expect(lastPost(page, '/api/agreements/approve')).toEqual({ version: 4 });
    expect(page.mocks.actions.addAlert.calls.at(-1)?.[0]).toMatchObject({ type: 'success' });
  });

  it('When sales sends it back with a comment, then marketing is asked to revise', async () => {
    const sentBack = agreements({
      open: version({
        status: 'sent_back',
        proposedSide: 'marketing',
        sentBackBy: 'ken@example.com',
        sentBackAt: '2026-11-27T03:00:00Z',
        sentBackComment: 'December is full',
      }),
      next: { side: 'marketing', action: 'revise', version: 4, text: 'Marketing must revise version 4' },
      viewer: { userId: '7', sides: ['sales'] },
    });
    const page = renderSettings({
      'GET /api/agreements': () => ok(agreementsResponseSchema, underReview(['sales'])),
      'POST /api/agreements/send-back': () => ok(agreementsResponseSchema, sentBack),
    });
    await loaded(page);
    expect(page.findByTestId(Button, 'send-back').props.disabled).toBe(true);
    fire(page.findByTestId(TextArea, 'send-back-comment'), 'onChange', 'December is full');
    page.findByTestId(Button, 'send-back').trigger('onClick');
    await page.waitFor(() =>
      expect(page.findByTestId(Text, 'next-step').text).toBe(
        'Marketing must revise version 4 and propose it again.',
      ),
    );
    expect(lastPost(page, '/api/agreements/send-back')).toEqual({ version: 4, comment: 'December is full' });
    expect(page.findByTestId(Alert, 'sent-back-note').props.title).toBe(
      'Sent back by ken@example.com: December is full',
    );
    expect(page.findByTestId(StatusTag, 'turn').text).toBe('Waiting for Marketing.');
  });

  it('When the user is on both sides, then they must say which side they act for', async () => {
    const page = renderSettings({
      'GET /api/agreements': () => ok(agreementsResponseSchema, underReview(['marketing', 'sales'])),
      'POST /api/agreements/approve': () => ok(agreementsResponseSchema, underReview(['marketing', 'sales'])),
    });
    await loaded(page);
    expect(page.maybeFindByTestId(Button, 'approve')).toBeNull();
    fire(page.findByTestId(Select, 'acting-as'), 'onChange', 'sales');
    page.findByTestId(Button, 'approve').trigger('onClick');
    await page.waitFor(() =>
      expect(lastPost(page, '/api/agreements/approve')).toEqual({ version: 4, actingAs: 'sales' }),
    );
  });
});

describe('simulation, history and jobs', () => {
  it('charts the draft beside the active agreement per grade, per tier and per month against capacity', async () => {
    const page = renderSettings({ 'POST /api/simulate': () => ({ body: SIMULATION }) });
    await loaded(page);
    page.findByTestId(Button, 'simulate').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFindByTestId(BarChart, 'chart-grades')).not.toBeNull());
    expect(page.findByTestId(Text, 'simulation-evaluated').text).toBe('12,000 contacts evaluated');
    expect(page.findByTestId(BarChart, 'chart-grades').props.data).toEqual([
      { key: 'A1', count: 30, agreement: 'Draft' },
      { key: 'B1', count: 40, agreement: 'Draft' },
      { key: 'A1', count: 25, agreement: 'Active' },
    ]);
    expect(page.findByTestId(LineChart, 'chart-months').props.data).toEqual([
      { month: '2026-12', count: 70, series: 'Draft' },
      { month: '2026-12', count: 50, series: 'Active' },
      { month: '2026-12', count: 40, series: 'Capacity' },
    ]);
    const posted = lastPost(page, '/api/simulate') as { agreement: { name: string } };
    expect(posted.agreement.name).toBe('FY2027 H1');
  });

  it('lists every version with who, when, why and the readable diff', async () => {
    const page = renderSettings();
    await loaded(page);
    const active = page.findByTestId(Accordion, 'history-v3');
    expect(active.props.title).toBe('v3 · FY2026 H2 · active');
    const lines = active.findAll(Text).map((node) => node.text);
    expect(lines).toEqual([
      'Proposed by mika@example.com (Marketing) on Oct 1, 2026, 10:00 AM',
      'Why: Price-list downloads convert like quote clicks',
      'Approved by ken@example.com on Oct 2, 2026, 11:00 AM',
      'intent.signals[price-list]: now 35 points, was 20',
    ]);
  });

  it('While a rescore runs, then a progress bar shows counts and the time left', async () => {
    const job = currentJobResponseSchema.parse({
      job: {
        id: 'j1',
        kind: 'rescore',
        done: 1200,
        total: 5000,
        startedAt: '2026-11-27T08:58:00Z',
        etaSeconds: 95,
      },
    });
    const page = renderSettings({ 'GET /api/jobs/current': () => ({ body: job }) });
    await page.waitFor(() => expect(page.maybeFindByTestId(ProgressBar, 'job-progress')).not.toBeNull());
    expect(page.findByTestId(ProgressBar, 'job-progress').props).toMatchObject({
      title: 'Rescoring contacts',
      value: 1200,
      maxValue: 5000,
      valueDescription: '1,200 of 5,000 · about 2 min left',
    });
  });
});

describe('teams', () => {
  it('maps HubSpot teams to marketing and sales and saves exactly that mapping', async () => {
    const teams = teamsResponseSchema.parse({
      marketingTeamIds: ['11'],
      salesTeamIds: [],
      teams: [
        { id: '11', name: 'Demand gen' },
        { id: '22', name: 'Field sales Tokyo' },
      ],
    });
    const page = renderSettings({
      'GET /api/settings/teams': () => ({ body: teams }),
      'PUT /api/settings/teams': (body) => ({ body: teamsSettingsSchema.parse(body) }),
    });
    await loaded(page);
    await page.waitFor(() => expect(page.maybeFindByTestId(MultiSelect, 'sales-teams')).not.toBeNull());
    await page.waitFor(() =>
      expect(page.findByTestId(MultiSelect, 'marketing-teams').props.value).toEqual(['11']),
    );
    expect(page.findByTestId(MultiSelect, 'sales-teams').props.options).toEqual([
      { value: '11', label: 'Demand gen' },
      { value: '22', label: 'Field sales Tokyo' },
    ]);
    fire(page.findByTestId(MultiSelect, 'sales-teams'), 'onChange', ['22']);
    await page.waitFor(() =>
      expect(page.findByTestId(MultiSelect, 'sales-teams').props.value).toEqual(['22']),
    );
    page.findByTestId(Button, 'save-teams').trigger('onClick');
    await eventually(() => expect(page.mocks.actions.addAlert.called).toBe(true));
    expect(lastPost(page, '/api/settings/teams')).toEqual({ marketingTeamIds: ['11'], salesTeamIds: ['22'] });
    expect(page.mocks.actions.addAlert.calls[0]).toEqual([{ type: 'success', message: 'Teams saved' }]);
  });
});

describe('in Japanese', () => {
  it('labels the tabs, the next step and the job in Japanese', async () => {
    const job = currentJobResponseSchema.parse({
      job: {
        id: 'j1',
        kind: 'rescore',
        done: 1200,
        total: 5000,
        startedAt: '2026-11-27T08:58:00Z',
        etaSeconds: 95,
      },
    });
    const page = renderSettings({ 'GET /api/jobs/current': () => ({ body: job }) }, 'ja-JP');
    await loaded(page);
    expect(page.findAll(Tab).map((tab) => tab.props.title)).toEqual([
      '合意',
      'シミュレーション',
      '承認',
      '履歴',
      'チーム',
    ]);
    expect(page.findByTestId(Text, 'next-step').text).toBe(
      'バージョン 4 は下書きです。どちらの側からでも提案できます。',
    );
    await page.waitFor(() => expect(page.maybeFindByTestId(ProgressBar, 'job-progress')).not.toBeNull());
    expect(page.findByTestId(ProgressBar, 'job-progress').props.valueDescription).toBe(
      '5,000 件中 1,200 件 · 残り約 2 分',
    );
    expect(page.findByTestId(Accordion, 'history-v3').findAll(Text)[0]?.text).toBe(
      '2026/10/01 10:00 に mika@example.com（マーケティング）が提案',
    );
  });
});
