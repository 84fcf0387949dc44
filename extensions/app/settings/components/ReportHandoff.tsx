import { BarChart, Flex, Heading, Statistics, StatisticsItem } from '@hubspot/ui-extensions';
import type { MonthlyReportResponse } from '@lead-pact/contracts';
import { formatNumber } from '../../shared/locale';
import { formatMonth, formatPercent } from './ReportFormat';
import { useReportMessages } from './ReportMessages';

/** Handed to sales against capacity this month (with those held back), and the six-month trend as bars. */
export function ReportHandoff({ report }: { report: MonthlyReportResponse }) {
  const { r, locale } = useReportMessages();
  const { handoff } = report;
  const rows = report.trend.flatMap((point) => [
    { month: formatMonth(point.month, locale), count: point.handed, series: r.series.handed },
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
    </Flex>
  );
}
