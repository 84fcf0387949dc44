import {
  Flex,
  Heading,
  Statistics,
  StatisticsItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { MonthlyReportResponse } from '@lead-pact/contracts';
import { formatNumber } from '../../shared/locale';
import { formatRate } from './ReportFormat';
import { useReportMessages } from './ReportMessages';

/** A two-column table of labelled counts, or a sentence when every count is zero. */
function CountTable({
  rows,
  head,
  none,
  testId,
}: {
  rows: { key: string; label: string; count: number }[];
  head: string;
  none: string;
  testId: string;
}) {
  const { r, locale } = useReportMessages();
  const shown = rows.filter((row) => row.count > 0);
  if (shown.length === 0) return <Text testId={testId}>{none}</Text>;
  return (
    <Table bordered density="condensed" testId={testId}>
      <TableHead>
        <TableRow>
          <TableHeader>{head}</TableHeader>
          <TableHeader>{r.count}</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {shown.map((row) => (
          <TableRow key={row.key} testId={`${testId}-${row.key}`}>
            <TableCell>{row.label}</TableCell>
            <TableCell>{formatNumber(row.count, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Rep verdicts (accepted, rejected and why) and the contacts recycled this month by cause. */
export function ReportVerdicts({ report }: { report: MonthlyReportResponse }) {
  const { r, locale } = useReportMessages();
  const { verdicts, recycled } = report;
  return (
    <Flex direction="column" gap="sm" testId="report-verdicts">
      <Heading>{r.verdictsTitle}</Heading>
      <Statistics testId="report-verdict-figures">
        <StatisticsItem label={r.accepted} number={formatNumber(verdicts.accepted, locale)} />
        <StatisticsItem label={r.rejected} number={formatNumber(verdicts.rejected, locale)} />
        <StatisticsItem label={r.undecided} number={formatNumber(verdicts.pending, locale)} />
      </Statistics>
      <Text testId="report-acceptance">{`${r.acceptance}: ${formatRate(verdicts.acceptance, locale)}`}</Text>
      <CountTable
        testId="report-rejections"
        head={r.reason}
        none={r.noRejections}
        rows={verdicts.rejectionsByReason.map((row) => ({
          key: row.reason,
          label: r.rejectReason[row.reason],
          count: row.count,
        }))}
      />
      <Heading>{r.recycledTitle}</Heading>
      <CountTable
        testId="report-recycled"
        head={r.cause}
        none={r.noRecycles}
        rows={recycled.byCause.map((row) => ({
          key: row.cause,
          label: r.recycleCause[row.cause],
          count: row.count,
        }))}
      />
    </Flex>
  );
}
