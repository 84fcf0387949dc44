import {
  BarChart,
  Flex,
  Heading,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@hubspot/ui-extensions';
import type { CountRate, MonthlyReportResponse } from '@lead-pact/contracts';
import { formatCounts, formatInterval, formatPercent, percentPoints } from './ReportFormat';
import { useReportMessages } from './ReportMessages';

type Row = CountRate & { key: string; label: string };

/** Rates with their counts and Wilson 95% interval beside them, one row each. */
function RateTable({ head, rows, testId }: { head: string; rows: Row[]; testId: string }) {
  const { r, locale } = useReportMessages();
  return (
    <Table bordered density="condensed" testId={testId}>
      <TableHead>
        <TableRow>
          <TableHeader>{head}</TableHeader>
          <TableHeader>{r.rate}</TableHeader>
          <TableHeader>{r.converted}</TableHeader>
          <TableHeader>{r.interval}</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key} testId={`${testId}-${row.key}`}>
            <TableCell>{row.label}</TableCell>
            <TableCell>{formatPercent(row.rate, locale)}</TableCell>
            <TableCell>{formatCounts(row, locale)}</TableCell>
            <TableCell>{formatInterval(row, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Conversion overall, by grade (chart and table), by stage and by signal. */
export function ReportConversion({ report }: { report: MonthlyReportResponse }) {
  const { r } = useReportMessages();
  const { conversion } = report;
  return (
    <Flex direction="column" gap="sm" testId="report-conversion">
      <Heading>{r.conversionTitle}</Heading>
      <RateTable
        head=""
        testId="report-conversion-overall"
        rows={[
          { ...conversion.overall, key: 'all', label: r.allLeads },
          { ...conversion.handed, key: 'handed', label: r.handedLeads },
        ]}
      />
      {conversion.byGrade.length > 0 ? (
        <BarChart
          data={conversion.byGrade.map((row) => ({ grade: row.key, share: percentPoints(row) }))}
          axes={{
            x: { field: 'grade', fieldType: 'category', label: r.grade },
            y: { field: 'share', fieldType: 'linear', label: r.conversionPercent },
          }}
          options={{ title: r.conversionChart, showTooltips: true }}
          testId="report-chart-conversion"
        />
      ) : null}
      <RateTable head={r.grade} testId="report-conversion-grade" rows={conversion.byGrade} />
      <RateTable
        head={r.stageColumn}
        testId="report-conversion-stage"
        rows={conversion.byStage.map((row) => ({ ...row, label: r.stage[row.key] }))}
      />
      <RateTable head={r.signal} testId="report-conversion-signal" rows={conversion.bySignal} />
      <RateTable head={r.version} testId="report-conversion-version" rows={conversion.byVersion} />
    </Flex>
  );
}
