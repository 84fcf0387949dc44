import { Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { MonthlyReportResponse } from '@lead-pact/contracts';
import { formatDate, formatNumber } from '../../../shared/locale';
import { useQuizMessages } from '../../i18n/useQuizMessages';

/**
 * The monthly report's line on the latest calibration quiz round closed by the end of the month: how far apart the
 * sides were (percent and Cohen's kappa with its interval), or that only one side answered. Nothing from an older
 * server that does not send it.
 */
export function ReportQuiz({ report }: { report: MonthlyReportResponse }) {
  const { q, locale } = useQuizMessages();
  const quiz = report.quiz;
  if (quiz === undefined) return null;
  const kappa = (value: number) => formatNumber(value, locale, 2);
  let lines: string[];
  if (quiz === null) lines = [q.reportNone];
  else {
    lines = [
      q.reportRound(
        quiz.roundId,
        formatDate(quiz.closedAt, locale, report.timezone),
        formatNumber(quiz.leads, locale),
      ),
    ];
    if (quiz.oneSided || quiz.percent === null) lines.push(q.reportOneSided);
    else {
      lines.push(q.reportPercent(formatNumber(quiz.percent, locale, 1)));
      if (quiz.kappa === null) lines.push(q.kappaUndefined);
      else if (quiz.low === null || quiz.high === null) lines.push(q.kappaNoInterval(kappa(quiz.kappa)));
      else lines.push(q.kappa(kappa(quiz.kappa), kappa(quiz.low), kappa(quiz.high)));
    }
  }
  return (
    <Flex direction="column" gap="xs" testId="report-quiz">
      <Heading>{q.reportTitle}</Heading>
      {lines.map((line) => (
        <Text key={line}>{line}</Text>
      ))}
    </Flex>
  );
}
