import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import { formatNumber } from '../../shared/locale';
import { useReportMessages } from './ReportMessages';

/** A two-column table of labelled counts (rows of zero left out), or a sentence when every count is zero. */
export function ReportCountTable({
  rows,
  head,
  countHead,
  none,
  testId,
}: {
  rows: { key: string; label: string; count: number }[];
  head: string;
  countHead: string;
  none: string;
  testId: string;
}) {
  const { locale } = useReportMessages();
  const shown = rows.filter((row) => row.count > 0);
  if (shown.length === 0) return <Text testId={testId}>{none}</Text>;
  return (
    <Table bordered density="condensed" testId={testId}>
      <TableHead>
        <TableRow>
          <TableHeader>{head}</TableHeader>
          <TableHeader>{countHead}</TableHeader>
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
