import {
  Alert,
  Flex,
  Heading,
  LineChart,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@hubspot/ui-extensions';
import type { MonthlyReportResponse } from '@lead-pact/contracts';
import { formatNumber } from '../../shared/locale';
import { formatMonth, formatRate, percentPoints } from './ReportFormat';
import { useReportMessages } from './ReportMessages';

type Row = MonthlyReportResponse['followUp']['total'];

/** Share followed up within the SLA over six months, and this month per rep and in total. */
export function ReportFollowUp({ report }: { report: MonthlyReportResponse }) {
  const { r, locale } = useReportMessages();
  const { total, byOwner } = report.followUp;
  const names = report.ownerNames;
  const repName = (row: Row) =>
    row.ownerId === null ? r.unassigned : (row.ownerName ?? r.ownerNameUnavailable(row.ownerId));
  const cells = (row: Row, name: string, testId: string) => (
    <TableRow key={testId} testId={testId}>
      <TableCell>{name}</TableCell>
      <TableCell>{formatNumber(row.handed, locale)}</TableCell>
      <TableCell>{formatRate(row.withinSla, locale)}</TableCell>
      <TableCell>{formatNumber(row.breaches, locale)}</TableCell>
      <TableCell>{formatNumber(row.pending, locale)}</TableCell>
      <TableCell>
        {row.medianHoursToFirstTouch === null
          ? '–'
          : r.hours(formatNumber(row.medianHoursToFirstTouch, locale, 1))}
      </TableCell>
    </TableRow>
  );
  return (
    <Flex direction="column" gap="sm" testId="report-follow-up">
      <Heading>{r.followUpTitle}</Heading>
      <LineChart
        data={report.trend.map((point) => ({
          month: formatMonth(point.month, locale),
          share: percentPoints(point.followUp),
        }))}
        axes={{
          x: { field: 'month', fieldType: 'category', label: r.month },
          y: { field: 'share', fieldType: 'linear', label: r.withinSla },
        }}
        options={{ title: r.followUpChart, showTooltips: true }}
        testId="report-chart-follow-up"
      />
      {names?.source === 'ids' && (
        <Alert title={r.ownerNamesMissingTitle} variant="warning" testId="report-owner-names-missing">
          {r.ownerNamesMissing[names.reason](names.scope)}
        </Alert>
      )}
      <Table bordered density="condensed" testId="report-follow-up-table">
        <TableHead>
          <TableRow>
            <TableHeader>{r.rep}</TableHeader>
            <TableHeader>{r.handed}</TableHeader>
            <TableHeader>{r.withinSlaColumn}</TableHeader>
            <TableHeader>{r.breaches}</TableHeader>
            <TableHeader>{r.pending}</TableHeader>
            <TableHeader>{r.median}</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {byOwner.map((row) => cells(row, repName(row), `report-follow-up-${row.ownerId ?? 'none'}`))}
          {cells(total, r.allReps, 'report-follow-up-total')}
        </TableBody>
      </Table>
    </Flex>
  );
}
