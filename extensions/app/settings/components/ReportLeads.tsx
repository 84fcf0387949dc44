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
import { reportLeadsMessages } from '../i18n/reportLeadsMessages';
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
      {leads.disqualifiedByReason.length === 0 ? (
        <Text testId="report-leads-reasons">{m.noneDisqualified}</Text>
      ) : (
        <Table bordered density="condensed" testId="report-leads-reasons">
          <TableHead>
            <TableRow>
              <TableHeader>{m.reason}</TableHeader>
              <TableHeader>{m.count}</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {leads.disqualifiedByReason.map((row) => (
              <TableRow key={row.reason} testId={`report-leads-reasons-${row.reason}`}>
                <TableCell>{m.reasons[row.reason] ?? row.reason}</TableCell>
                <TableCell>{n(row.count)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Flex>
  );
}
