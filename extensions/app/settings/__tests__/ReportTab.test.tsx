import {
  Alert,
  BarChart,
  Button,
  EmptyState,
  ErrorState,
  LineChart,
  LoadingSpinner,
  Select,
  Tab,
  TableRow,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { ReportTab } from '../components/ReportTab';
import { SettingsRoot } from '../components/SettingsRoot';
import { BACKEND_URL, hangingBackend } from '../../testing/fakeBackend';
import { recordedReports } from './reportFixtures';
import { NO_JOB, recorded, recordedAgreements } from './settingsFixtures';
import {
  renderReportTab,
  renderWithBackend,
  replacedFetch,
  restoreBackend,
  reportFigures as figures,
  reportRowText as rowText,
  reportShown as shown,
} from './settingsHarness';

// Backend answers are the real report handler's, recorded (./fixtures/report-*.json). Hand-built only: an outage.

/** 2026-11-27 18:00 in Tokyo, the recordings' clock: the picker opens on November 2026. */
const NOW = Date.parse('2026-11-27T09:00:00Z');
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => {
  restoreBackend();
  jest.restoreAllMocks();
});

const renderReport = renderReportTab;

describe('the report tab', () => {
  it('When a marketer opens it, then November (this month in Tokyo) is asked for and shown against capacity', async () => {
    const page = renderReport(recordedReports.november);
    await shown(page);
    expect(page.calls.map((c) => [c.path, c.query.month])).toEqual([['/api/report', '2026-11']]);
    const picker = page.findByTestId(Select, 'report-month');
    expect(picker.props.value).toBe('2026-11');
    expect(picker.props.options.slice(0, 3).map((o) => o.label)).toEqual([
      'November 2026',
      'October 2026',
      'September 2026',
    ]);
    expect(picker.props.options).toHaveLength(12);
    expect(figures(page, 'report-handoff-figures')).toEqual({
      'Handed to sales': '3',
      Capacity: '3',
      'Held back by capacity': '1',
      'Capacity used': '100%',
    });
    // Six months of bars; no capacity before the agreement was approved (September).
    const bars = page.findByTestId(BarChart, 'report-chart-handoff').props.data as Record<string, unknown>[];
    expect(bars.filter((b) => b.month === 'November 2026')).toEqual([
      { month: 'November 2026', count: 3, series: 'Handed to sales' },
      { month: 'November 2026', count: 1, series: 'Held back by capacity' },
      { month: 'November 2026', count: 3, series: 'Capacity' },
    ]);
    expect(bars.filter((b) => b.month === 'August 2026')).toEqual([
      { month: 'August 2026', count: 0, series: 'Handed to sales' },
      { month: 'August 2026', count: 0, series: 'Held back by capacity' },
    ]);
  });

  it('shows follow-up per rep and in total with counts and the 95% interval beside each rate', async () => {
    const page = renderReport(recordedReports.november);
    await shown(page);
    expect(rowText(page, 'report-follow-up-41629779')).toEqual([
      'Hana Sato',
      '2',
      '50% (1 / 2, 95%: 9.5%–90.5%)',
      '1',
      '0',
      '63 h',
    ]);
    expect(rowText(page, 'report-follow-up-41629780')).toEqual([
      'Yuki Tanaka',
      '1',
      '– (0 / 0)',
      '0',
      '1',
      '–',
    ]);
    expect(page.maybeFindByTestId(Alert, 'report-owner-names-missing')).toBeNull();
    expect(rowText(page, 'report-follow-up-total')).toEqual([
      'All reps',
      '3',
      '50% (1 / 2, 95%: 9.5%–90.5%)',
      '1',
      '1',
      '63 h',
    ]);
    const line = page.findByTestId(LineChart, 'report-chart-follow-up').props.data as Record<
      string,
      unknown
    >[];
    expect(line.slice(-2)).toEqual([
      { month: 'October 2026', share: 100 },
      { month: 'November 2026', share: 50 },
    ]);
  });

  it('shows verdicts, rejections by reason and recycles by cause, leaving out the reasons no one gave', async () => {
    const page = renderReport(recordedReports.november);
    await shown(page);
    expect(figures(page, 'report-verdict-figures')).toEqual({
      Accepted: '1',
      Rejected: '1',
      'No verdict yet': '1',
    });
    expect(page.findByTestId(Text, 'report-acceptance').text).toBe(
      'Acceptance: 50% (1 / 2, 95%: 9.5%–90.5%)',
    );
    expect(rowText(page, 'report-rejections-not_ready')).toEqual(['Not ready to buy', '1']);
    expect(page.maybeFindByTestId(TableRow, 'report-rejections-too_small')).toBeNull();
    expect(rowText(page, 'report-recycled-sla_no_progress')).toEqual(['SLA: no progress', '1']);
    expect(rowText(page, 'report-recycled-rejected')).toEqual(['Rejected by a rep', '1']);
    expect(page.maybeFindByTestId(TableRow, 'report-recycled-sla_no_touch')).toBeNull();
  });

  it('charts conversion by grade and lists each grade with its counts and Wilson interval', async () => {
    const page = renderReport(recordedReports.november);
    await shown(page);
    expect(page.findByTestId(BarChart, 'report-chart-conversion').props.data).toEqual([
      { grade: 'A1', share: 33.3 },
      { grade: 'A2', share: 0 },
      { grade: 'B1', share: 0 },
      { grade: 'C3', share: 100 },
    ]);
    expect(rowText(page, 'report-conversion-grade-A1')).toEqual(['A1', '33.3%', '1 / 3', '6.1%–79.2%']);
    expect(rowText(page, 'report-conversion-grade-C3')).toEqual(['C3', '100%', '1 / 1', '20.7%–100%']);
    // By agreement version: 2 of the 6 leads scored under v1 converted (Wilson 9.7%-70.0%).
    expect(rowText(page, 'report-conversion-version-1')).toEqual(['v1', '33.3%', '2 / 6', '9.7%–70%']);
    expect(rowText(page, 'report-conversion-overall-handed')).toEqual([
      'Handed to sales',
      '33.3%',
      '1 / 3',
      '6.1%–79.2%',
    ]);
  });

  it("notes the little history and shows next month's suggestion as one that goes through approval", async () => {
    const page = renderReport(recordedReports.november);
    await shown(page);
    expect(page.findByTestId(Alert, 'report-notes').props.title).toBe('About this report');
    expect(page.findByTestId(Text, 'report-note-little_history').text).toBe(
      'Little history so far (6 leads this month, 2 of the last 6 months with handoffs): intervals are wide, read rates as rough.',
    );
    const suggestion = page.findByTestId(Alert, 'report-suggestion');
    expect(suggestion.props.title).toBe('Suggestion for next month (not applied)');
    expect(suggestion.findAll(Text).map((t) => t.text)).toEqual([
      expect.stringMatching(/^For 2026-12 \(capacity 2\): sales-ready grades C3, A1/),
      'A suggestion changes nothing by itself: to use it, edit the sales-ready grades in the Agreement tab and propose the change for approval.',
    ]);
    expect(page.findByTestId(Text, 'report-no-flags').text).toBe(
      'No rule or signal clearly disagrees with the outcomes this month.',
    );
  });

  it("says in plain words where a signal's points disagree with the outcomes", async () => {
    const page = renderReport(recordedReports.flagged);
    await shown(page);
    const flag = page.findByTestId(Alert, 'report-flag-doc-request');
    expect(flag.find(Tag).text).toBe('Consider fewer points');
    expect(flag.find(Text).text).toMatch(
      /converted 0% \(0\/20\), below the other leads at 50% \(10\/20\): consider fewer points\.$/,
    );
  });

  it("In Japanese, then labels, months, numbers and the server's sentences are Japanese", async () => {
    const page = renderReport(recordedReports.november, 'ja-JP');
    await shown(page);
    expect(page.findByTestId(Select, 'report-month').props).toMatchObject({ label: '対象月' });
    expect(page.findByTestId(Select, 'report-month').props.options[0]).toEqual({
      value: '2026-11',
      label: '2026年11月',
    });
    expect(figures(page, 'report-handoff-figures')).toMatchObject({
      営業引き渡し: '3',
      受け入れ枠超過で保留: '1',
    });
    expect(rowText(page, 'report-follow-up-total')).toEqual([
      '全担当者',
      '3',
      '50% (1 / 2, 95%: 9.5%–90.5%)',
      '1',
      '1',
      '63 時間',
    ]);
    expect(rowText(page, 'report-rejections-not_ready')).toEqual(['時期尚早', '1']);
    expect(page.findByTestId(Alert, 'report-suggestion').props.title).toBe('来月への提案（未適用）');
    expect(page.findByTestId(Alert, 'report-suggestion').find(Text).text).toMatch(
      /^2026-12の受け入れ枠は2件です/,
    );
    expect(page.findByTestId(Text, 'report-note-little_history').text).not.toMatch(/[a-z]{4}/);
  });

  it('When another month is picked, then that month is asked for', async () => {
    const page = renderReport(recordedReports.november);
    await shown(page);
    page.findByTestId(Select, 'report-month').trigger('onChange', '2026-10' as never);
    await page.waitFor(() => expect(page.calls.map((c) => c.query.month)).toEqual(['2026-11', '2026-10']));
    expect(page.findByTestId(Select, 'report-month').props.value).toBe('2026-10');
  });

  it('When HubSpot did not grant the owners scope, then reps show by owner id and the tab says why', async () => {
    const page = renderReport(recordedReports.ownerNamesMissingScope);
    await shown(page);
    expect(rowText(page, 'report-follow-up-41629779')[0]).toBe('41629779 (name unavailable)');
    expect(rowText(page, 'report-follow-up-41629780')[0]).toBe('41629780 (name unavailable)');
    const alert = page.findByTestId(Alert, 'report-owner-names-missing');
    expect(alert.props.title).toBe('Rep names could not be read');
    expect(alert.text).toBe(
      'HubSpot has not granted Lead Pact the crm.objects.owners.read scope, so reps are shown by their HubSpot owner id. Reinstall the app to grant it.',
    );
  });

  it('When owner names cannot be read, then the Japanese tab says so in Japanese', async () => {
    const page = renderReport(recordedReports.ownerNamesMissingScope, 'ja-JP');
    await shown(page);
    expect(rowText(page, 'report-follow-up-41629779')[0]).toBe('41629779（名前を取得できません）');
    expect(page.findByTestId(Alert, 'report-owner-names-missing').props.title).toBe(
      '担当者名を取得できません',
    );
  });

  it('When the portal has no agreement and no leads yet, then it says so instead of showing empty tables', async () => {
    const page = renderReport(recordedReports.empty);
    await page.waitFor(() => expect(page.maybeFindByTestId(EmptyState, 'report-empty')).not.toBeNull());
    expect(page.findByTestId(EmptyState, 'report-empty').props.title).toBe('No leads this month');
    expect(Object.keys(figures(page, 'report-handoff-figures'))).toContain('Capacity');
    expect(figures(page, 'report-handoff-figures').Capacity).toBe('no agreement in force');
    expect(page.maybeFindByTestId(TableRow, 'report-follow-up-total')).toBeNull();
    expect(page.findByTestId(Text, 'report-note-no_agreement').text).toMatch(/agreement/i);
  });

  it('When the backend is down, then it shows a plain message and tries again on request', async () => {
    let down = true;
    const page = renderReport(() => (down ? { status: 503, body: {} } : recordedReports.november()));
    await page.waitFor(() => expect(page.maybeFindByTestId(ErrorState, 'report-failed')).not.toBeNull());
    expect(page.findByTestId(ErrorState, 'report-failed').find(Text).text).toBe(
      'Lead Pact did not answer. Try again in a minute.',
    );
    down = false;
    page.findByTestId(Button, 'report-retry').trigger('onClick');
    await shown(page);
    expect(page.calls).toHaveLength(2);
  });

  it('When the server refuses the month, then its plain message is shown', async () => {
    const page = renderReport(recordedReports.badMonth);
    await page.waitFor(() => expect(page.maybeFindByTestId(ErrorState, 'report-failed')).not.toBeNull());
    expect(page.findByTestId(ErrorState, 'report-failed').find(Text).text).toBe('The query is not valid.');
  });

  it('While the report is built, then a spinner says so', () => {
    replacedFetch(hangingBackend());
    const { render, findByTestId, mocks } = createRenderer('settings');
    mocks.context.portal.timezone = 'Asia/Tokyo';
    render(<ReportTab baseUrl={BACKEND_URL} />);
    expect(findByTestId(LoadingSpinner, 'report-loading').props.label).toBe('Building the report…');
  });

  it('is a tab of the settings page', async () => {
    const renderer = renderWithBackend(<SettingsRoot />, {
      'GET /api/agreements': recordedAgreements.active,
      'GET /api/properties': recorded.properties,
      'GET /api/jobs/current': () => ({ body: NO_JOB }),
      'GET /api/report': recordedReports.november,
    });
    await renderer.waitFor(() => expect(renderer.maybeFind(Tab, { tabId: 'report' })).not.toBeNull());
    expect(renderer.find(Tab, { tabId: 'report' }).props.title).toBe('Monthly report');
  });
});
