import { BarChart, Button, LineChart, NumberInput, Text } from '@hubspot/ui-extensions';
import { monthlyReportSchema, simulateResponseSchema } from '@lead-pact/contracts';
import { ReportTab } from '../components/ReportTab';
import { SettingsRoot } from '../components/SettingsRoot';
import { BACKEND_URL } from '../../testing/fakeBackend';
import november from './fixtures/report-november.json';
import routeCaps from './fixtures/report-route-caps.json';
import simulateRouteCaps from './fixtures/simulate-route-caps.json';
import { recorded, recordedAgreements } from './settingsFixtures';
import {
  renderSettingsPage,
  renderWithBackend,
  restoreBackend,
  settingsLoaded,
  type Routes,
} from './settingsHarness';

// Capacity per route on the settings page. The simulation is the real handler's answer, recorded
// (fixtures/simulate-route-caps.json: the example agreement with field sales at 0 in December, inside sales 40).
// The report is recorded from the real handler on test/use-cases/report/seed-route-caps.ts: November, 6 places in all,
// field sales 2 of its own (3 in October), inside sales 4; field sales handed 2 and held back 2 (by its cap), inside
// sales handed 1 and held back 1 (by the total), one more held back before routes were stored (in the total only);
// October: field sales handed 1, held back 1.

const NOW = Date.parse('2026-11-27T09:00:00Z');
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => {
  restoreBackend();
  jest.restoreAllMocks();
});

const render = (node: JSX.Element, routes: Routes, locale: string) =>
  renderWithBackend(node, routes, { locale });

async function simulated(locale: string, answer = simulateRouteCaps) {
  const page = render(
    <SettingsRoot />,
    {
      'GET /api/agreements': recordedAgreements.draft2,
      'GET /api/properties': recorded.properties,
      'GET /api/jobs/current': recorded.jobsIdle,
      'GET /api/settings/connection': recorded.connectionConnected,
      'POST /api/simulate': () => ({
        status: answer.status,
        body: simulateResponseSchema.parse(answer.body),
      }),
    },
    locale,
  );
  await page.waitFor(() => expect(page.maybeFindByTestId(Text, 'next-step')).not.toBeNull());
  page.findByTestId(Button, 'simulate').trigger('onClick');
  await page.waitFor(() => expect(page.maybeFindByTestId(BarChart, 'chart-grades')).not.toBeNull());
  return page;
}

async function reported(locale: string, answer: { status: number; body: unknown }) {
  const page = render(
    <ReportTab baseUrl={BACKEND_URL} />,
    { 'GET /api/report': () => ({ status: answer.status, body: monthlyReportSchema.parse(answer.body) }) },
    locale,
  );
  await page.waitFor(() => expect(page.maybeFindByTestId(BarChart, 'report-chart-handoff')).not.toBeNull());
  return page;
}

describe('capacity per route on the settings page', () => {
  it('When the draft caps routes, then the simulation charts each route per month against its cap', async () => {
    const page = await simulated('en-US');
    const chart = page.findByTestId(LineChart, 'chart-route-months');
    expect(chart.props.options?.title).toBe('Sales-ready per month and route vs each route’s capacity');
    expect(chart.props.data).toEqual([
      { month: '2026-12', count: 0, series: 'Field sales' },
      { month: '2026-12', count: 0, series: 'Field sales: capacity' },
      { month: '2026-12', count: 0, series: 'Inside sales' },
      { month: '2026-12', count: 40, series: 'Inside sales: capacity' },
      { month: '2027-01', count: 1, series: 'Field sales' },
      { month: '2027-01', count: 10, series: 'Field sales: capacity' },
      { month: '2027-01', count: 0, series: 'Inside sales' },
      { month: '2027-01', count: 40, series: 'Inside sales: capacity' },
      { month: '2027-02', count: 1, series: 'Field sales' },
      { month: '2027-02', count: 10, series: 'Field sales: capacity' },
      { month: '2027-02', count: 0, series: 'Inside sales' },
      { month: '2027-02', count: 40, series: 'Inside sales: capacity' },
    ]);
  });

  it('When the user reads Japanese, then the route chart speaks Japanese', async () => {
    const page = await simulated('ja-JP');
    const chart = page.findByTestId(LineChart, 'chart-route-months');
    expect(chart.props.options?.title).toBe('担当別・月ごとの営業引き渡し件数と受け入れ枠');
    expect((chart.props.data as { series: string }[]).slice(0, 2).map((d) => d.series)).toEqual([
      'フィールドセールス',
      'フィールドセールスの受け入れ枠',
    ]);
  });

  it('When the draft caps no route, then there is no route chart', async () => {
    const page = await simulated('en-US', { status: 200, body: recorded.simulate().body } as never);
    expect(page.maybeFindByTestId(LineChart, 'chart-route-months')).toBeNull();
  });

  it('When the report has route figures, then the report tab charts each route against its cap with its leads held back', async () => {
    const page = await reported('en-US', routeCaps);
    const chart = page.findByTestId(BarChart, 'report-chart-routes');
    expect(chart.props.options?.title).toBe(
      'Handed to sales and held back per route vs each route’s capacity',
    );
    expect(chart.props.data).toEqual([
      { route: 'Field sales', count: 2, series: 'Handed to sales' },
      { route: 'Field sales', count: 2, series: 'Held back by capacity' },
      { route: 'Field sales', count: 2, series: 'Capacity' },
      { route: 'Inside sales', count: 1, series: 'Handed to sales' },
      { route: 'Inside sales', count: 1, series: 'Held back by capacity' },
      { route: 'Inside sales', count: 4, series: 'Capacity' },
    ]);
  });

  it('When the report has route figures, then the six-month trend is split by route: handed and held back against each cap', async () => {
    const page = await reported('en-US', routeCaps);
    const chart = page.findByTestId(BarChart, 'report-chart-route-trend');
    expect(chart.props.options?.title).toBe(
      'Per route, last six months: handed to sales and held back vs the route’s capacity',
    );
    const rows = chart.props.data as { month: string; count: number; series: string }[];
    expect(rows.filter((row) => row.month === 'October 2026')).toEqual([
      { month: 'October 2026', count: 1, series: 'Field sales: handed to sales' },
      { month: 'October 2026', count: 1, series: 'Field sales: held back by capacity' },
      { month: 'October 2026', count: 3, series: 'Field sales: capacity' },
      { month: 'October 2026', count: 0, series: 'Inside sales: handed to sales' },
      { month: 'October 2026', count: 0, series: 'Inside sales: held back by capacity' },
      { month: 'October 2026', count: 4, series: 'Inside sales: capacity' },
    ]);
    // No agreement before September: no route bars for the summer.
    expect(rows.some((row) => row.month === 'August 2026')).toBe(false);
    // The total trend shows every lead held back, the one from before routes were stored too.
    const total = page.findByTestId(BarChart, 'report-chart-handoff').props.data as Record<string, unknown>[];
    expect(total.filter((b) => b.month === 'November 2026')).toEqual([
      { month: 'November 2026', count: 3, series: 'Handed to sales' },
      { month: 'November 2026', count: 4, series: 'Held back by capacity' },
      { month: 'November 2026', count: 6, series: 'Capacity' },
    ]);
  });

  it('When the report is read in Japanese, then the route charts are in Japanese; without route figures there are none', async () => {
    const page = await reported('ja-JP', routeCaps);
    const chart = page.findByTestId(BarChart, 'report-chart-routes');
    expect(chart.props.options?.title).toBe('担当別の営業への引き渡し数・保留数と受け入れ枠');
    expect((chart.props.data as { route: string; series: string }[]).slice(0, 2)).toEqual([
      { route: 'フィールドセールス', count: 2, series: '営業への引き渡し' },
      { route: 'フィールドセールス', count: 2, series: '受け入れ枠超過で保留' },
    ]);
    const trend = page.findByTestId(BarChart, 'report-chart-route-trend');
    expect(trend.props.options?.title).toBe('担当別の引き渡し数・保留数と受け入れ枠（過去6か月）');
    expect((trend.props.data as { series: string }[])[1]!.series).toBe(
      'フィールドセールス：受け入れ枠超過で保留',
    );
    restoreBackend();
    const plain = await reported('en-US', november);
    expect(plain.maybeFindByTestId(BarChart, 'report-chart-routes')).toBeNull();
    expect(plain.maybeFindByTestId(BarChart, 'report-chart-route-trend')).toBeNull();
  });

  it('When a marketer caps field sales in the editor, then the draft is saved with the route cap', async () => {
    const renderer = renderSettingsPage({ 'PUT /api/agreements/draft': recordedAgreements.draft2 });
    const { waitFor } = renderer;
    await settingsLoaded(renderer);
    const field = () => renderer.findByTestId(NumberInput, 'capacity.routes.field_sales.default');
    expect(field().props.value).toBeUndefined();
    (field() as unknown as { trigger: (event: string, value: number) => void }).trigger('onChange', 10);
    await waitFor(() => expect(field().props.value).toBe(10));
    // The first month added is the current one (the machine's clock, as the total's month list does).
    const thisMonth = new Date().toISOString().slice(0, 7);
    renderer.findByTestId(Button, 'field_sales-add-month').trigger('onClick');
    await waitFor(() =>
      expect(
        renderer.maybeFindByTestId(NumberInput, `capacity.routes.field_sales.months.${thisMonth}`),
      ).not.toBeNull(),
    );
    renderer.findByTestId(Button, 'save-draft').trigger('onClick');
    await waitFor(() => expect(renderer.mocks.actions.addAlert.called).toBe(true));
    const saved = renderer.calls.filter((c) => c.path === '/api/agreements/draft').at(-1)?.body as {
      agreement: { capacity: unknown };
    };
    expect(saved.agreement.capacity).toEqual({
      default: 80,
      months: { '2026-12': 40, '2027-01': 120 },
      routes: { field_sales: { default: 10, months: { [thisMonth]: 10 } } },
    });
  });
});
