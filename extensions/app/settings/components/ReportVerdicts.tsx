import { Flex, Heading, Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';
import type { MonthlyReportResponse } from '@lead-pact/contracts';
import { formatNumber } from '../../shared/locale';
import { ReportCountTable } from './ReportCountTable';
import { formatRate } from './ReportFormat';
import { useReportMessages } from './ReportMessages';

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
      <ReportCountTable
        testId="report-rejections"
        head={r.reason}
        countHead={r.count}
        none={r.noRejections}
        rows={verdicts.rejectionsByReason.map((row) => ({
          key: row.reason,
          label: r.rejectReason[row.reason],
          count: row.count,
        }))}
      />
      <Heading>{r.recycledTitle}</Heading>
      <ReportCountTable
        testId="report-recycled"
        head={r.cause}
        countHead={r.count}
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
