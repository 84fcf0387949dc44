import { Flex, Heading, Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';
import type { MonthlyReportResponse } from '@lead-pact/contracts';
import { formatNumber } from '../../shared/locale';
import { reportLeadsMessages } from '../i18n/reportLeadsMessages';
import { ReportCountTable } from './ReportCountTable';
import { useReportMessages } from './ReportMessages';

/**
 * The month's HubSpot Leads (created, worked by a rep, disqualified and why, converted): only when the report has
 * them, that is when Lead Pact hands leads over as Leads (or did during the month).
 */
export function ReportLeads({ report }: { report: MonthlyReportResponse }) {
  const { locale } = useReportMessages();
  const leads = report.leads;
  if (leads === undefined) return null;
  const m = reportLeadsMessages(locale);
  const n = (value: number) => formatNumber(value, locale);
  return (
    <Flex direction="column" gap="sm" testId="report-leads">
      <Heading>{m.title}</Heading>
      <Text variant="microcopy">{m.help}</Text>
      <Statistics testId="report-leads-figures">
        <StatisticsItem label={m.created} number={n(leads.created)} />
        <StatisticsItem label={m.worked} number={n(leads.worked)} />
        <StatisticsItem label={m.disqualified} number={n(leads.disqualified)} />
        <StatisticsItem label={m.converted} number={n(leads.converted)} />
      </Statistics>
      <ReportCountTable
        testId="report-leads-reasons"
        head={m.reason}
        countHead={m.count}
        none={m.noneDisqualified}
        rows={leads.disqualifiedByReason.map((row) => ({
          key: row.reason,
          label: m.reasons[row.reason] ?? row.reason,
          count: row.count,
        }))}
      />
    </Flex>
  );
}
