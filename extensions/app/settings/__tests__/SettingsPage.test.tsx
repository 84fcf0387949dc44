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
import { SettingsRoot } from '../components/SettingsRoot';
import { eventually, unreachable } from '../../testing/fakeBackend';
import { recorded, recordedAgreements } from './settingsFixtures';
import { fire, renderSettingsPage, restoreBackend, settingsLoaded } from './settingsHarness';

// Backend answers come from responses recorded from the real server's handlers (./fixtures, kept honest by
// test/http/routes/recorded-fixtures.test.ts). What is not a response stays hand-built (a fetch that rejects: the
// backend unreachable).

afterEach(restoreBackend);

const renderSettings = renderSettingsPage;
type Page = ReturnType<typeof renderSettings>;
const loaded = settingsLoaded;
const lastPost = (page: Page, path: string) => page.calls.filter((c) => c.path === path).at(-1)?.body;
/** Every state-changing call carries a request id, so hubspot.fetch's retry of it is applied once. */
const REQUEST_ID = expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/);

describe('the settings page', () => {
  it('When the profile has no backend address, then it says what to fix', () => {
    const { render, findByTestId, mocks } = createRenderer('settings');
    mocks.context.variables = {};
    render(<SettingsRoot />);
    expect(findByTestId(ErrorState, 'settings-not-configured').props.title).toBe('Lead Pact is not set up');
  });

  it('When the backend is down, then it shows a plain message', async () => {
    const page = renderSettings({ 'GET /api/agreements': unreachable });
    await page.waitFor(() => expect(page.findByTestId(ErrorState, 'settings-unreachable')).toBeTruthy());
    expect(page.findByTestId(ErrorState, 'settings-unreachable').find(Text).text).toBe(
      'The settings could not be loaded. Try again in a minute.',
    );
  });

  it("When the backend refuses with a reason, then the page shows the server's plain message", async () => {
    const page = renderSettings({ 'GET /api/agreements': recordedAgreements.refused });
    await page.waitFor(() =>
      expect(page.maybeFindByTestId(ErrorState, 'settings-unreachable')).not.toBeNull(),
    );
    expect(page.findByTestId(ErrorState, 'settings-unreachable').find(Text).text).toBe(
      'The HubSpot request signature is missing, invalid or expired.',
    );
  });

  it('edits the open draft: the sales-ready grid shows its grades and a ticked C1 is saved with the draft', async () => {
    const page = renderSettings({
      'PUT /api/agreements/draft': recordedAgreements.draft2,
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
    expect(saved.version).toBe(2);
    expect(saved.agreement.handoff).toEqual({ salesReady: ['A1', 'A2', 'B1', 'C1'] });
    expect(page.mocks.actions.addAlert.calls[0]).toEqual([{ type: 'success', message: 'Draft saved' }]);
  });

  it('When the server rejects the draft, then each error shows next to the field it names', async () => {
    // The recorded 400 names fit.rules[0].bands[0].min; the page must put it on that field, not the one edited.
    const page = renderSettings({ 'PUT /api/agreements/draft': recorded.draftInvalid });
    await loaded(page);
    fire(page.findByTestId(NumberInput, 'fit.rules[0].bands[1].min'), 'onChange', 5000);
    await page.waitFor(() =>
      expect(page.findByTestId(NumberInput, 'fit.rules[0].bands[1].min').props.value).toBe(5000),
    );
    page.findByTestId(Button, 'save-draft').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFindByTestId(Alert, 'editor-problems')).not.toBeNull());
    expect(page.findByTestId(NumberInput, 'fit.rules[0].bands[0].min').props).toMatchObject({
      value: 1000,
      error: true,
      validationMessage: 'expected a number',
    });
    expect(page.findByTestId(NumberInput, 'fit.rules[0].bands[1].min').props.value).toBe(5000);
    expect(page.findByTestId(NumberInput, 'fit.rules[0].bands[1].min').props.error).toBeUndefined();
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

  it("offers the portal's contact and company properties in the pickers, with HubSpot's labels", async () => {
    const page = renderSettings();
    await loaded(page);
    await page.waitFor(() =>
      expect(page.findByTestId(Select, 'fit.rules[0].property').props.options.length).toBe(11),
    );
    expect(page.findByTestId(Select, 'fit.rules[0].property').props).toMatchObject({
      value: 'company.numberofemployees',
      options: [
        { value: 'email', label: 'Contact: Email (email)' },
        { value: 'jobtitle', label: 'Contact: Job Title (jobtitle)' },
        { value: 'lifecyclestage', label: 'Contact: Lifecycle Stage (lifecyclestage)' },
        {
          value: 'hs_email_last_click_date',
          label: 'Contact: Marketing emails last clicked (hs_email_last_click_date)',
        },
        {
          value: 'recent_conversion_event_name',
          label: 'Contact: Recent Conversion (recent_conversion_event_name)',
        },
        {
          value: 'recent_conversion_date',
          label: 'Contact: Recent Conversion Date (recent_conversion_date)',
        },
        {
          value: 'webinar_survey_answered_at',
          label: 'Contact: ウェビナーアンケート回答日 (webinar_survey_answered_at)',
        },
        { value: 'company.annualrevenue', label: 'Company: Annual Revenue (annualrevenue)' },
        { value: 'company.name', label: 'Company: Company name (name)' },
        { value: 'company.industry', label: 'Company: Industry (industry)' },
        { value: 'company.numberofemployees', label: 'Company: Number of Employees (numberofemployees)' },
      ],
    });
    expect(page.maybeFindByTestId(Alert, 'properties-fallback')).toBeNull();
  });

  it('When HubSpot could not list the properties, then the pickers offer the stored names and say why', async () => {
    const page = renderSettings({ 'GET /api/properties': recorded.propertiesUnreachable });
    await loaded(page);
    await page.waitFor(() => expect(page.findByTestId(Alert, 'properties-fallback')).toBeTruthy());
    expect(page.findByTestId(Alert, 'properties-fallback').props.title).toBe(
      'Showing only the properties seen on stored contacts',
    );
    expect(page.findByTestId(Select, 'fit.rules[0].property').props.options).toContainEqual({
      value: 'jobtitle',
      label: 'Contact: jobtitle (jobtitle)',
    });
  });
});

describe('the connection to HubSpot', () => {
  it('When the app was uninstalled, then the page says it is disconnected and why', async () => {
    const page = renderSettings({ 'GET /api/settings/connection': recorded.connectionDisconnected });
    await page.waitFor(() => expect(page.findByTestId(Alert, 'portal-disconnected')).toBeTruthy());
    const alert = page.findByTestId(Alert, 'portal-disconnected');
    expect(alert.props.title).toBe('Lead Pact is disconnected from this HubSpot account');
    expect(alert.props.variant).toBe('danger');
    expect(page.findByTestId(Text, 'portal-disconnected-why').text).toBe('Reason: The app was uninstalled');
  });

  it('When the app was uninstalled and the user reads Japanese, then the message is in Japanese', async () => {
    const page = renderSettings({ 'GET /api/settings/connection': recorded.connectionDisconnected }, 'ja-JP');
    await page.waitFor(() => expect(page.findByTestId(Alert, 'portal-disconnected')).toBeTruthy());
    expect(page.findByTestId(Alert, 'portal-disconnected').props.title).toBe(
      'Lead Pact はこの HubSpot アカウントとの接続が切れています',
    );
    expect(page.findByTestId(Text, 'portal-disconnected-why').text).toBe('理由：The app was uninstalled');
  });
});

describe('the approval flow', () => {
  it('When marketing proposes the draft with a rationale, then the page says sales must act next', async () => {
    const page = renderSettings({
      'GET /api/agreements': recordedAgreements.draft,
      'POST /api/agreements/propose': recordedAgreements.proposed,
    });
    await loaded(page);
    expect(page.findByTestId(Text, 'next-step').text).toBe(
      'Version 1 is a draft: either side may propose it.',
    );
    expect(page.findByTestId(StatusTag, 'turn').text).toBe('Your turn.');
    expect(page.findByTestId(Button, 'propose').props.disabled).toBe(true);
    fire(page.findByTestId(TextArea, 'rationale'), 'onChange', ' Webinar leads close ');
    page.findByTestId(Button, 'propose').trigger('onClick');
    await page.waitFor(() =>
      expect(page.findByTestId(Text, 'next-step').text).toBe('Sales must approve or send back version 1.'),
    );
    expect(lastPost(page, '/api/agreements/propose')).toEqual({
      version: 1,
      rationale: 'Webinar leads close',
      requestId: REQUEST_ID,
    });
    expect(page.findByTestId(StatusTag, 'turn').text).toBe('Waiting for Sales.');
    expect(page.maybeFindByTestId(Button, 'approve')).toBeNull();
  });

  it('When sales approves, then it posts the version and the page says nothing is left to do', async () => {
    const page = renderSettings({
      'GET /api/agreements': recordedAgreements.proposedSeenBySales,
      'POST /api/agreements/approve': recordedAgreements.active,
    });
    await loaded(page);
    expect(page.findByTestId(StatusTag, 'turn').text).toBe('Your turn.');
    expect(page.findByTestId(Text, 'proposal-rationale').text).toBe(
      'Why: First agreement: the example criteria',
    );
    page.findByTestId(Button, 'approve').trigger('onClick');
    await page.waitFor(() =>
      expect(page.findByTestId(Text, 'next-step').text).toBe('Nothing to do: version 1 is active.'),
    );
    expect(lastPost(page, '/api/agreements/approve')).toEqual({ version: 1, requestId: REQUEST_ID });
    expect(page.mocks.actions.addAlert.calls.at(-1)?.[0]).toMatchObject({ type: 'success' });
  });

  it('When sales sends the proposed version back with a comment, then it posts that version and marketing is asked to revise', async () => {
    // v1 is active and marketing proposed v2; the recorded answer is the server's to sending v2 back.
    const page = renderSettings({
      'GET /api/agreements': recordedAgreements.proposed2SeenBySales,
      'POST /api/agreements/send-back': recordedAgreements.sentBack,
    });
    await loaded(page);
    expect(page.findByTestId(Text, 'next-step').text).toBe('Sales must approve or send back version 2.');
    expect(page.findByTestId(Text, 'proposal-rationale').text).toBe('Why: New half year');
    expect(page.findByTestId(Button, 'send-back').props.disabled).toBe(true);
    fire(page.findByTestId(TextArea, 'send-back-comment'), 'onChange', 'Capacity is too high');
    page.findByTestId(Button, 'send-back').trigger('onClick');
    await page.waitFor(() =>
      expect(page.findByTestId(Text, 'next-step').text).toBe(
        'Marketing must revise version 2 and propose it again.',
      ),
    );
    expect(lastPost(page, '/api/agreements/send-back')).toEqual({
      version: 2,
      comment: 'Capacity is too high',
      requestId: REQUEST_ID,
    });
    expect(page.findByTestId(Alert, 'sent-back-note').props.title).toBe(
      'Sent back by 601: Capacity is too high',
    );
    expect(page.findByTestId(StatusTag, 'turn').text).toBe('Waiting for Marketing.');
  });

  it('When the user is on both sides, then they must say which side they act for', async () => {
    const page = renderSettings({
      'GET /api/agreements': recordedAgreements.proposedSeenByBoth,
      'POST /api/agreements/approve': recordedAgreements.active,
    });
    await loaded(page);
    expect(page.maybeFindByTestId(Button, 'approve')).toBeNull();
    fire(page.findByTestId(Select, 'acting-as'), 'onChange', 'sales');
    page.findByTestId(Button, 'approve').trigger('onClick');
    await page.waitFor(() =>
      expect(lastPost(page, '/api/agreements/approve')).toEqual({
        version: 1,
        actingAs: 'sales',
        requestId: REQUEST_ID,
      }),
    );
  });
});

describe('simulation, history and jobs', () => {
  it('charts the draft beside the active agreement per grade, per tier and per month against capacity', async () => {
    const page = renderSettings({ 'POST /api/simulate': recorded.simulate });
    await loaded(page);
    page.findByTestId(Button, 'simulate').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFindByTestId(BarChart, 'chart-grades')).not.toBeNull());
    expect(page.findByTestId(Text, 'simulation-evaluated').text).toBe('3 contacts evaluated');
    const grades = page.findByTestId(BarChart, 'chart-grades').props.data as { count: number }[];
    expect(grades).toHaveLength(32); // 16 grades, draft and active
    expect(grades.filter((bar) => bar.count > 0)).toEqual([
      { key: 'A2', count: 1, agreement: 'Draft' },
      { key: 'C4', count: 1, agreement: 'Draft' },
      { key: 'D4', count: 1, agreement: 'Draft' },
      { key: 'A2', count: 1, agreement: 'Active' },
      { key: 'C4', count: 1, agreement: 'Active' },
      { key: 'D4', count: 1, agreement: 'Active' },
    ]);
    expect(page.findByTestId(LineChart, 'chart-months').props.data).toEqual([
      { month: '2026-12', count: 1, series: 'Draft' },
      { month: '2027-01', count: 1, series: 'Draft' },
      { month: '2027-02', count: 1, series: 'Draft' },
      { month: '2026-12', count: 1, series: 'Active' },
      { month: '2027-01', count: 1, series: 'Active' },
      { month: '2027-02', count: 1, series: 'Active' },
      { month: '2026-12', count: 40, series: 'Capacity' },
      { month: '2027-01', count: 120, series: 'Capacity' },
      { month: '2027-02', count: 80, series: 'Capacity' },
    ]);
    const posted = lastPost(page, '/api/simulate') as { agreement: { name: string } };
    expect(posted.agreement.name).toBe('FY2027 H2');
  });

  it('lists every version with who, when, why and the readable diff', async () => {
    const page = renderSettings();
    await loaded(page);
    const active = page.findByTestId(Accordion, 'history-v1');
    expect(active.props.title).toBe('v1 · FY2027 H1 · active');
    const lines = active.findAll(Text).map((node) => node.text);
    expect(lines).toEqual([
      'Proposed by 501 (Marketing) on Nov 27, 2026, 6:00 PM',
      'Why: First agreement: the example criteria',
      'Approved by 601 on Nov 27, 2026, 6:00 PM',
      "agreement: first version 'FY2027 H1'",
    ]);
  });

  it('When a rescore has just started, then the progress bar says the total and time left are not known yet', async () => {
    const page = renderSettings({ 'GET /api/jobs/current': recorded.jobsRescore });
    await page.waitFor(() => expect(page.maybeFindByTestId(ProgressBar, 'job-progress')).not.toBeNull());
    expect(page.findByTestId(ProgressBar, 'job-progress').props).toMatchObject({
      title: 'Rescoring contacts',
      value: 0,
      valueDescription: '0 of ? · estimating time left…',
    });
  });

  it('While a rescore runs, then a progress bar shows counts and the time left', async () => {
    const page = renderSettings({ 'GET /api/jobs/current': recorded.jobsRescoreMidway });
    await page.waitFor(() => expect(page.maybeFindByTestId(ProgressBar, 'job-progress')).not.toBeNull());
    expect(page.findByTestId(ProgressBar, 'job-progress').props).toMatchObject({
      title: 'Rescoring contacts',
      value: 1200,
      maxValue: 5000,
      valueDescription: '1,200 of 5,000 · about 2 min left',
    });
  });

  it('When a background sync gave up, then the page says which, when and why, below the running rescore', async () => {
    const page = renderSettings({ 'GET /api/jobs/current': recorded.jobsGaveUp });
    await page.waitFor(() => expect(page.maybeFindByTestId(Alert, 'gave-up-2')).not.toBeNull());
    expect(page.findByTestId(ProgressBar, 'job-progress').props.title).toBe('Rescoring contacts');
    const alert = page.findByTestId(Alert, 'gave-up-2');
    expect(alert.props).toMatchObject({
      variant: 'warning',
      title: 'Syncing changed contacts gave up on Nov 27, 2026, 5:00 PM',
    });
    expect(alert.findAll(Text).map((node) => node.text)).toEqual([
      "HubSpot's API limits cut it short too many times in a row without progress.",
      "Details: gave up: HubSpot's rate limits cut it short 101 times in a row without progress (limit 100); last: AppError: Reading companies: You have reached your ten_secondly_rolling limit.",
    ]);
  });
});

describe('teams', () => {
  it('When a HubSpot super admin maps teams to marketing and sales, then exactly that mapping is saved', async () => {
    const page = renderSettings({
      'GET /api/settings/teams': recorded.teamsSeenByAdmin,
      'PUT /api/settings/teams': recorded.teamsSaved,
    });
    await loaded(page);
    await page.waitFor(() => expect(page.maybeFindByTestId(MultiSelect, 'sales-teams')).not.toBeNull());
    await page.waitFor(() =>
      expect(page.findByTestId(MultiSelect, 'marketing-teams').props.value).toEqual(['11']),
    );
    expect(page.findByTestId(MultiSelect, 'sales-teams').props.options).toEqual([
      { value: '22', label: 'Inside Sales' },
      { value: '11', label: 'Marketing Tokyo' },
      { value: '33', label: 'フィールドセールス大阪' },
    ]);
    expect(page.maybeFindByTestId(Alert, 'teams-names-missing')).toBeNull();
    expect(page.findByTestId(MultiSelect, 'sales-teams').props.value).toEqual(['22']);
    fire(page.findByTestId(MultiSelect, 'sales-teams'), 'onChange', []);
    await page.waitFor(() => expect(page.findByTestId(MultiSelect, 'sales-teams').props.value).toEqual([]));
    page.findByTestId(Button, 'save-teams').trigger('onClick');
    await eventually(() => expect(page.mocks.actions.addAlert.called).toBe(true));
    expect(lastPost(page, '/api/settings/teams')).toEqual({
      marketingTeamIds: ['11'],
      salesTeamIds: [],
      requestId: REQUEST_ID,
    });
    expect(page.mocks.actions.addAlert.calls[0]).toEqual([{ type: 'success', message: 'Teams saved' }]);
  });
});

describe('team names', () => {
  it('When HubSpot did not grant the teams scope, then the mapped teams show by id and the page says why', async () => {
    const page = renderSettings({ 'GET /api/settings/teams': recorded.teamsNamesMissingScope });
    await loaded(page);
    await page.waitFor(() => expect(page.maybeFindByTestId(MultiSelect, 'sales-teams')).not.toBeNull());
    expect(page.findByTestId(MultiSelect, 'marketing-teams').props.options).toEqual([
      { value: '11', label: '11 (name unavailable)' },
      { value: '22', label: '22 (name unavailable)' },
    ]);
    const alert = page.findByTestId(Alert, 'teams-names-missing');
    expect(alert.props.title).toBe('Team names could not be read');
    expect(alert.text).toBe(
      'HubSpot has not granted Lead Pact the settings.users.teams.read scope, so teams are shown by their id. Reinstall the app to grant it.',
    );
  });

  it('When team names cannot be read, then the Japanese page says so in Japanese', async () => {
    const page = renderSettings({ 'GET /api/settings/teams': recorded.teamsNamesMissingScope }, 'ja-JP');
    await loaded(page);
    await page.waitFor(() => expect(page.maybeFindByTestId(Alert, 'teams-names-missing')).not.toBeNull());
    expect(page.findByTestId(Alert, 'teams-names-missing').props.title).toBe('チーム名を取得できません');
    expect(page.findByTestId(MultiSelect, 'sales-teams').props.options[0]).toEqual({
      value: '11',
      label: '11（名前を取得できません）',
    });
  });
});

describe('in Japanese', () => {
  it('labels the tabs, the next step and the job in Japanese', async () => {
    const page = renderSettings({ 'GET /api/jobs/current': recorded.jobsRescore }, 'ja-JP');
    await loaded(page);
    expect(page.findAll(Tab).map((tab) => tab.props.title)).toEqual([
      '合意',
      'シミュレーション',
      '承認',
      '履歴',
      'チーム',
      '月次レポート',
      '目線合わせクイズ',
    ]);
    expect(page.findByTestId(Text, 'next-step').text).toBe(
      'バージョン 2 は下書きです。どちらの側からでも提案できます。',
    );
    await page.waitFor(() => expect(page.maybeFindByTestId(ProgressBar, 'job-progress')).not.toBeNull());
    expect(page.findByTestId(ProgressBar, 'job-progress').props.valueDescription).toBe(
      '? 件中 0 件 · 残り時間を計算中…',
    );
    expect(page.findByTestId(Accordion, 'history-v1').findAll(Text)[0]?.text).toBe(
      '2026/11/27 18:00 に 501（マーケティング）が提案',
    );
  });
});
