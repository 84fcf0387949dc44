import { BarChart, Button, ErrorState, Flex, LineChart, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import type { AgreementDocument, SimulateResponse, SimulationCounts } from '@lead-pact/contracts';
import { formatNumber } from '../../shared/locale';
import { useSimulation } from '../hooks/useSimulation';
import { routeCapacityMessages } from '../i18n/routeCapacityMessages';
import { useSettingsMessages } from '../i18n/useSettingsMessages';

/** Runs the draft on the stored contacts and charts it beside the active agreement. */
export function SimulationPanel({ baseUrl, doc }: { baseUrl: string; doc: AgreementDocument }) {
  const { t, locale } = useSettingsMessages();
  const { state, run } = useSimulation(baseUrl);
  return (
    <Flex direction="column" gap="md" testId="simulation">
      <Button onClick={() => run(doc)} disabled={state.status === 'running'} testId="simulate">
        {t.simulate}
      </Button>
      {state.status === 'running' ? <LoadingSpinner label={t.simulating} showLabel /> : null}
      {state.status === 'error' ? (
        <ErrorState title={t.simulateFailed}>
          <Text>{state.error.message}</Text>
        </ErrorState>
      ) : null}
      {state.status === 'success' ? (
        <>
          <Text testId="simulation-evaluated">
            {t.evaluated(formatNumber(state.data.contactsEvaluated, locale))}
          </Text>
          <SimulationCharts data={state.data} />
        </>
      ) : null}
    </Flex>
  );
}

/** The draft's sales-ready leads per month and route against each route's cap (only when the draft caps a route). */
function RouteCapacityChart({ counts }: { counts: SimulationCounts }) {
  const { t, locale } = useSettingsMessages();
  const m = routeCapacityMessages(locale);
  if (!counts.salesReadyByMonth.some((month) => month.routes !== undefined)) return null;
  const data = counts.salesReadyByMonth.flatMap((month) =>
    (month.routes ?? []).flatMap((r) => [
      { month: month.month, count: r.count, series: m.route(r.route) },
      ...(r.capacity === null ? [] : [{ month: month.month, count: r.capacity, series: m.cap(r.route) }]),
    ]),
  );
  return (
    <LineChart
      data={data}
      testId="chart-route-months"
      options={{ title: m.simulationChart, showLegend: true }}
      axes={{
        x: { field: 'month', fieldType: 'category', label: t.month },
        y: { field: 'count', fieldType: 'linear', label: t.contacts },
        options: { groupFieldByColor: 'series' },
      }}
    />
  );
}

function SimulationCharts({ data }: { data: SimulateResponse }) {
  const { t } = useSettingsMessages();
  const series = [
    { label: t.draftSeries, counts: data.draft },
    ...(data.active ? [{ label: t.activeSeries, counts: data.active }] : []),
  ];
  const rows = (pick: (c: SimulationCounts) => { key: string; count: number }[]) =>
    series.flatMap(({ label, counts }) =>
      pick(counts).map(({ key, count }) => ({ key, count, agreement: label })),
    );
  const axes = (label: string) => ({
    x: { field: 'key', fieldType: 'category' as const, label },
    y: { field: 'count', fieldType: 'linear' as const, label: t.contacts },
    options: { groupFieldByColor: 'agreement' },
  });
  const months = [
    ...series.flatMap(({ label, counts }) =>
      counts.salesReadyByMonth.map((m) => ({ month: m.month, count: m.count, series: label })),
    ),
    ...data.draft.salesReadyByMonth.map((m) => ({
      month: m.month,
      count: m.capacity,
      series: t.capacitySeries,
    })),
  ];
  return (
    <Flex direction="column" gap="md">
      <BarChart
        data={rows((c) => c.grades.map((g) => ({ key: g.grade, count: g.count })))}
        axes={axes(t.grade)}
        options={{ title: t.byGrade, showLegend: true }}
        testId="chart-grades"
      />
      <BarChart
        data={rows((c) => c.tiers.map((g) => ({ key: t.tier[g.tier], count: g.count })))}
        axes={axes(t.tierAxis)}
        options={{ title: t.byTier, showLegend: true }}
        testId="chart-tiers"
      />
      <LineChart
        data={months}
        testId="chart-months"
        options={{ title: t.perMonth, showLegend: true }}
        axes={{
          x: { field: 'month', fieldType: 'category', label: t.month },
          y: { field: 'count', fieldType: 'linear', label: t.contacts },
          options: { groupFieldByColor: 'series' },
        }}
      />
      <RouteCapacityChart counts={data.draft} />
    </Flex>
  );
}
