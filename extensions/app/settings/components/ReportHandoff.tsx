import { BarChart, Flex, Heading, Statistics, StatisticsItem } from '@hubspot/ui-extensions';
import type { MonthlyReportResponse } from '@lead-pact/contracts';
import { formatNumber } from '../../shared/locale';
import { routeCapacityMessages } from '../i18n/routeCapacityMessages';
import { formatMonth, formatPercent } from './ReportFormat';
import { useReportMessages } from './ReportMessages';

/** Handed to sales against capacity this month (with those held back), and the six-month trend as bars. */
export function ReportHandoff({ report }: { report: MonthlyReportResponse }) {
  const { r, locale } = useReportMessages();
  const { handoff } = report;
  const rows = report.trend.flatMap((point) => [
    { month: formatMonth(point.month, locale), count: point.handed, series: r.series.handed },
    { month: formatMonth(point.month, locale), count: point.heldBack, series: r.series.heldBack },
    ...(point.capacity === null
      ? []
      : [{ month: formatMonth(point.month, locale), count: point.capacity, series: r.series.capacity }]),
  ]);
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
      <BarChart
        data={rows}
        axes={{
          x: { field: 'month', fieldType: 'category', label: r.month },
          y: { field: 'count', fieldType: 'linear', label: r.contacts },
          options: { groupFieldByColor: 'series' },
        }}
        options={{ title: r.trendChart, showLegend: true, showTooltips: true }}
        testId="report-chart-handoff"
      />
      <RouteHandoffChart report={report} />
      <RouteTrendChart report={report} />
    </Flex>
  );
}

/** Each route's handoffs this month against its own cap: only when the agreement in force caps a route. */
function RouteHandoffChart({ report }: { report: MonthlyReportResponse }) {
  const { r, locale } = useReportMessages();
  const m = routeCapacityMessages(locale);
  const routes = report.handoff.routes;
  if (routes === undefined) return null;
  const rows = routes.flatMap((route) => [
    { route: m.route(route.route), count: route.handed, series: m.handed },
    ...(route.heldBack === undefined
      ? []
      : [{ route: m.route(route.route), count: route.heldBack, series: m.heldBack }]),
    ...(route.capacity === null
      ? []
      : [{ route: m.route(route.route), count: route.capacity, series: m.capacity }]),
  ]);
  return (
    <BarChart
      data={rows}
      axes={{
        x: { field: 'route', fieldType: 'category', label: m.routeAxis },
        y: { field: 'count', fieldType: 'linear', label: r.contacts },
        options: { groupFieldByColor: 'series' },
      }}
      options={{ title: m.reportChart, showLegend: true, showTooltips: true }}
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
      return [
        { month, count: route.handed, series: m.routeSeries(route.route, m.handed) },
        ...(route.heldBack === undefined
          ? []
          : [{ month, count: route.heldBack, series: m.routeSeries(route.route, m.heldBack) }]),
        ...(route.capacity === null
          ? []
          : [{ month, count: route.capacity, series: m.routeSeries(route.route, m.capacity) }]),
      ];
    }),
  );
  if (rows.length === 0) return null;
  return (
    <BarChart
      data={rows}
      axes={{
        x: { field: 'month', fieldType: 'category', label: r.month },
        y: { field: 'count', fieldType: 'linear', label: r.contacts },
        options: { groupFieldByColor: 'series' },
      }}
      options={{ title: m.reportTrendChart, showLegend: true, showTooltips: true }}
      testId="report-chart-route-trend"
    />
  );
}
