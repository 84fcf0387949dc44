import { Alert, Flex, Heading, Tag, Text } from '@hubspot/ui-extensions';
import type { MonthlyReportResponse } from '@lead-pact/contracts';
import { useReportMessages } from './ReportMessages';

/**
 * `notes`: why the report is thin or empty (little history, no agreement, capacity zero), first on the tab.
 * `evidence`: the plain-language flags per rule or signal, and next month's suggestion, marked as not applied.
 */
export function ReportEvidence({
  report,
  part,
}: {
  report: MonthlyReportResponse;
  part: 'notes' | 'evidence';
}) {
  const { r, locale } = useReportMessages();
  if (part === 'notes') {
    if (report.notes.length === 0) return null;
    return (
      <Alert title={r.notesTitle} variant="info" testId="report-notes">
        {report.notes.map((note) => (
          <Text key={note.code} testId={`report-note-${note.code}`}>
            {note[locale]}
          </Text>
        ))}
      </Alert>
    );
  }
  const flagged = report.evidence.filter((row) => row.flag !== null);
  return (
    <Flex direction="column" gap="sm" testId="report-evidence">
      <Heading>{r.evidenceTitle}</Heading>
      {flagged.length === 0 ? <Text testId="report-no-flags">{r.noFlags}</Text> : null}
      {flagged.map((row) => (
        <Alert key={row.id} title={row.label} variant="warning" testId={`report-flag-${row.id}`}>
          <Flex direction="row" gap="xs" align="center">
            {row.flag ? <Tag variant="warning">{r.flagKind[row.flag.kind]}</Tag> : null}
            <Text>{row.flag?.[locale]}</Text>
          </Flex>
        </Alert>
      ))}
      {report.suggestion ? (
        <Alert title={r.suggestionTitle} variant="tip" testId="report-suggestion">
          <Text>{report.suggestion.text[locale]}</Text>
          <Text variant="microcopy">{r.suggestionHowTo}</Text>
        </Alert>
      ) : null}
    </Flex>
  );
}
