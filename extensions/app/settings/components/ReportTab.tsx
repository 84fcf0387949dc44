import { useState } from 'react';
import {
  Button,
  EmptyState,
  ErrorState,
  Flex,
  LoadingSpinner,
  Select,
  Text,
  useExtensionContext,
} from '@hubspot/ui-extensions';
import type { MonthlyReportResponse } from '@lead-pact/contracts';
import { reportMonths, useReport } from '../hooks/useReport';
import { ReportConversion } from './ReportConversion';
import { ReportEvidence } from './ReportEvidence';
import { formatMonth } from './ReportFormat';
import { ReportFollowUp } from './ReportFollowUp';
import { ReportHandoff } from './ReportHandoff';
import { ReportLeads } from './ReportLeads';
import { useReportMessages } from './ReportMessages';
import { ReportVerdicts } from './ReportVerdicts';
import { ReportQuiz } from './quiz/ReportQuiz';

/** The monthly alignment report: a month picker (this month and the eleven before, in the portal's time zone). */
export function ReportTab({ baseUrl }: { baseUrl: string }) {
  const { r, locale } = useReportMessages();
  const timeZone = useExtensionContext<'settings'>().portal.timezone ?? 'UTC';
  const [months] = useState(() => reportMonths(Date.now(), timeZone));
  const [month, setMonth] = useState(months[0] as string);
  const [attempt, setAttempt] = useState(0);
  return (
    <Flex direction="column" gap="md" testId="report">
      <Select
        label={r.month}
        name="report-month"
        value={month}
        options={months.map((m) => ({ value: m, label: formatMonth(m, locale) }))}
        onChange={(value) => setMonth(String(value))}
        testId="report-month"
      />
      <ReportForMonth
        key={`${month}:${attempt}`}
        baseUrl={baseUrl}
        month={month}
        onRetry={() => setAttempt((n) => n + 1)}
      />
    </Flex>
  );
}

function ReportForMonth({
  baseUrl,
  month,
  onRetry,
}: {
  baseUrl: string;
  month: string;
  onRetry: () => void;
}) {
  const { r } = useReportMessages();
  const state = useReport(baseUrl, month);
  if (state.status === 'loading')
    return <LoadingSpinner label={r.loading} showLabel testId="report-loading" />;
  if (state.status === 'error') {
    return (
      <ErrorState title={r.failedTitle} testId="report-failed">
        {/* A 4xx carries a plain message meant for the user; anything else stays generic. */}
        <Text>{state.error.kind === 'unreachable' ? r.failedBody : state.error.message}</Text>
        <Button onClick={onRetry} testId="report-retry">
          {r.retry}
        </Button>
      </ErrorState>
    );
  }
  return <ReportBody report={state.data} />;
}

function ReportBody({ report }: { report: MonthlyReportResponse }) {
  const { r } = useReportMessages();
  if (report.conversion.overall.trials === 0 && report.handoff.handed === 0) {
    // Nothing scored this month: say so plainly, with the notes and the months before it.
    return (
      <Flex direction="column" gap="lg">
        <ReportEvidence report={report} part="notes" />
        <EmptyState title={r.empty} imageName="emptyStateCharts" layout="horizontal" testId="report-empty">
          <Text>{r.emptyBody}</Text>
        </EmptyState>
        <ReportHandoff report={report} />
        <ReportLeads report={report} />
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="lg">
      <ReportEvidence report={report} part="notes" />
      <ReportHandoff report={report} />
      <ReportQuiz report={report} />
      <ReportFollowUp report={report} />
      <ReportVerdicts report={report} />
      <ReportLeads report={report} />
      <ReportConversion report={report} />
      <ReportEvidence report={report} part="evidence" />
    </Flex>
  );
}
