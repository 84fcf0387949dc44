import { BarChart, Flex, Heading, Statistics, StatisticsItem } from '@hubspot/ui-extensions';
import type { MonthlyReportResponse } from '@lead-pact/contracts';
import { formatNumber } from '../../shared/locale';
import { routeCapacityMessages } from '../i18n/routeCapacityMessages';
import { formatMonth, formatPercent } from './ReportFormat';
import { useReportMessages } from './ReportMessages';

/** Series names for a handoff's figures. */
interface HandoffSeries {
  handed: string;
  heldBack: string;
  capacity: string;
}

/** A month's or a route's handoff figures as bars: handed, held back (when known) and the cap (when one). */
function handoffBars(
  figures: { handed: number; heldBack?: number; capacity: number | null },
  series: HandoffSeries,
): { count: number; series: string }[] {
  return [
    { count: figures.handed, series: series.handed },
    ...(figures.heldBack === undefined ? [] : [{ count: figures.heldBack, series: series.heldBack }]),
    ...(figures.capacity === null ? [] : [{ count: figures.capacity, series: series.capacity }]),
  ];
}

/** A bar chart of contact counts by month or route, one colour a series. */
function HandoffChart({
  rows,
  x,
  title,
  testId,
}: {
  rows: { count: number; series: string }[];
  x: { field: 'month' | 'route'; label: string };
  title: string;
  testId: string;
}) {
  const { r } = useReportMessages();
  return (
    <BarChart
      data={rows}
      axes={{
        x: { field: x.field, fieldType: 'category', label: x.label },
        y: { field: 'count', fieldType: 'linear', label: r.contacts },
        options: { groupFieldByColor: 'series' },
      }}
      options={{ title, showLegend: true, showTooltips: true }}
      testId={testId}
    />
  );
}

/** Handed to sales against capacity this month (with those held back), and the six-month trend as bars. */
export function ReportHandoff({ report }: { report: MonthlyReportResponse }) {
  const { r, locale } = useReportMessages();
  const { handoff } = report;
  const rows = report.trend.flatMap((point) => {
    const month = formatMonth(point.month, locale);
    return handoffBars(point, r.series).map((bar) => ({ month, ...bar }));
  });
  return (
    <Flex direction="column" gap="sm" testId="report-handoff">
      <Heading>{r.handoffTitle}</Heading>
      <Statistics testId="report-handoff-figures">
        <StatisticsItem label={r.handed} number={formatNumber(handoff.handed, locale)} />
        <StatisticsItem
          label={r.capacity}
          number={handoff.capacity === null ? r.noCapacity : formatNumber(handoff.capacity, locale)}
        />
        <StatisticsItem label={r.heldBack} number={formatNumber(handoff.heldBack, locale)} />
        <StatisticsItem label={r.utilisation} number={formatPercent(handoff.utilisation, locale)} />
      </Statistics>
      <HandoffChart
        rows={rows}
        x={{ field: 'month', label: r.month }}
        title={r.trendChart}
        testId="report-chart-handoff"
      />
      <RouteHandoffChart report={report} />
      <RouteTrendChart report={report} />
    </Flex>
  );
}

/** Each route's handoffs this month against its own cap: only when the agreement in force caps a route. */
function RouteHandoffChart({ report }: { report: MonthlyReportResponse }) {
  const { locale } = useReportMessages();
  const m = routeCapacityMessages(locale);
  const routes = report.handoff.routes;
  if (routes === undefined) return null;
  const series = { handed: m.handed, heldBack: m.heldBack, capacity: m.capacity };
  const rows = routes.flatMap((route) =>
    handoffBars(route, series).map((bar) => ({ route: m.route(route.route), ...bar })),
  );
  return (
    <HandoffChart
      rows={rows}
      x={{ field: 'route', label: m.routeAxis }}
      title={m.reportChart}
      testId="report-chart-routes"
    />
  );
}

/**
 * Each route over the six months: its handoffs and its leads held back against its own cap, for the months whose
 * agreement capped a route (none: no chart).
 */
function RouteTrendChart({ report }: { report: MonthlyReportResponse }) {
  const { r, locale } = useReportMessages();
  const m = routeCapacityMessages(locale);
  const rows = report.trend.flatMap((point) =>
    (point.routes ?? []).flatMap((route) => {
      const month = formatMonth(point.month, locale);
      const series = {
        handed: m.routeSeries(route.route, m.handed),
        heldBack: m.routeSeries(route.route, m.heldBack),
        capacity: m.routeSeries(route.route, m.capacity),
      };
      return handoffBars(route, series).map((bar) => ({ month, ...bar }));
    }),
  );
  if (rows.length === 0) return null;
  return (
    <HandoffChart
      rows={rows}
      x={{ field: 'month', label: r.month }}
      title={m.reportTrendChart}
      testId="report-chart-route-trend"
    />
  );
}
