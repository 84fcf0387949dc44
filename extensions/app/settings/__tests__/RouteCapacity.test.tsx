import { BarChart, Button, LineChart, NumberInput, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { monthlyReportSchema, simulateResponseSchema } from '@lead-pact/contracts';
import { ReportTab } from '../components/ReportTab';
import { SettingsRoot } from '../components/SettingsRoot';
import { BACKEND_URL, fakeBackend } from '../../testing/fakeBackend';
import november from './fixtures/report-november.json';
import simulateRouteCaps from './fixtures/simulate-route-caps.json';
import { recorded, recordedAgreements } from './settingsFixtures';

// Capacity per route on the settings page. The simulation is the real handler's answer, recorded
// (fixtures/simulate-route-caps.json: the example agreement with field sales at 0 in December, inside sales 40).
// The report is the recorded November with route figures added by hand (its seed has no route caps).

const NOW = Date.parse('2026-11-27T09:00:00Z');
let restore: () => void = () => undefined;
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => {
  restore();
  jest.restoreAllMocks();
});

type Routes = Parameters<typeof fakeBackend>[0];

function render(node: JSX.Element, routes: Routes, locale: string) {
  const backend = fakeBackend(routes);
  restore = backend.restore;
  const renderer = createRenderer('settings');
  renderer.mocks.context.variables = { BACKEND_URL };
  renderer.mocks.context.user.locale = locale;
  renderer.mocks.context.portal.timezone = 'Asia/Tokyo';
  renderer.render(node);
  const waitFor: typeof renderer.waitFor = (check, options) =>
    renderer.waitFor(check, { timeoutInMs: 5000, ...options });
  return { ...renderer, waitFor };
}

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

const withRoutes = {
  status: november.status,
  body: {
    ...november.body,
    handoff: {
      ...november.body.handoff,
      routes: [
        { route: 'field_sales', handed: 2, capacity: 2, utilisation: 1 },
        { route: 'inside_sales', handed: 1, capacity: null, utilisation: null },
      ],
    },
  },
};

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

  it('When the report has route figures, then the report tab charts each route against its cap', async () => {
    const page = await reported('en-US', withRoutes);
    const chart = page.findByTestId(BarChart, 'report-chart-routes');
    expect(chart.props.options?.title).toBe('Handed to sales per route vs each route’s capacity');
    expect(chart.props.data).toEqual([
      { route: 'Field sales', count: 2, series: 'Handed to sales' },
      { route: 'Field sales', count: 2, series: 'Capacity' },
      { route: 'Inside sales', count: 1, series: 'Handed to sales' },
    ]);
  });

  it('When the report is read in Japanese, then the route chart is in Japanese; without route figures there is none', async () => {
    const page = await reported('ja-JP', withRoutes);
    const chart = page.findByTestId(BarChart, 'report-chart-routes');
    expect(chart.props.options?.title).toBe('担当別の営業への引き渡し数と受け入れ枠');
    expect((chart.props.data as { route: string }[])[0]!.route).toBe('フィールドセールス');
    restore();
    const plain = await reported('en-US', november);
    expect(plain.maybeFindByTestId(BarChart, 'report-chart-routes')).toBeNull();
  });

  it('When a marketer caps field sales in the editor, then the draft is saved with the route cap', async () => {
    const backend = fakeBackend({
      'GET /api/agreements': recordedAgreements.draft2,
      'GET /api/properties': recorded.properties,
      'GET /api/jobs/current': recorded.jobsIdle,
      'GET /api/settings/connection': recorded.connectionConnected,
      'PUT /api/agreements/draft': recordedAgreements.draft2,
    });
    restore = backend.restore;
    const renderer = createRenderer('settings');
    renderer.mocks.context.variables = { BACKEND_URL };
    renderer.mocks.context.user.locale = 'en-US';
    renderer.mocks.context.portal.timezone = 'Asia/Tokyo';
    renderer.render(<SettingsRoot />);
    const waitFor: typeof renderer.waitFor = (check) => renderer.waitFor(check, { timeoutInMs: 5000 });
    await waitFor(() => expect(renderer.maybeFindByTestId(Text, 'next-step')).not.toBeNull());
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
    const saved = backend.calls.filter((c) => c.path === '/api/agreements/draft').at(-1)?.body as {
      agreement: { capacity: unknown };
    };
    expect(saved.agreement.capacity).toEqual({
      default: 80,
      months: { '2026-12': 40, '2027-01': 120 },
      routes: { field_sales: { default: 10, months: { [thisMonth]: 10 } } },
    });
  });
});
