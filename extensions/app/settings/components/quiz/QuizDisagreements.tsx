import { Flex, Heading, Text } from '@hubspot/ui-extensions';
import {
  SIDE_VALUES,
  type QuizResult,
  type QuizRevealedLead,
  type QuizSideAnswer,
} from '@lead-pact/contracts';
import { formatNumber } from '../../../shared/locale';
import { useQuizMessages } from '../../i18n/useQuizMessages';

/**
 * The leads the sides disagree on (both sides' majorities known and different) or, when only one side answered,
 * the leads where it disagrees with the agreement's verdict: each with what each side said and the criteria and
 * points that drove the verdict.
 */
export function QuizDisagreements({ result }: { result: QuizResult }) {
  const { q } = useQuizMessages();
  const side = result.oneSided ? result.answeredSide : null;
  const leads = side
    ? result.leads.filter((lead) => lead.againstVerdict[side] === true)
    : result.leads.filter((lead) => lead.disagree);
  return (
    <Flex direction="column" gap="sm" testId="quiz-disagreements">
      <Heading>{side ? q.oneSidedDisagreementsTitle(q.sideName[side]) : q.disagreementsTitle}</Heading>
      {leads.length === 0 ? (
        <Text testId="quiz-no-disagreements">{side ? q.noneAgainstVerdict : q.noDisagreements}</Text>
      ) : (
        leads.map((lead) => <RevealedLead key={lead.leadKey} lead={lead} />)
      )}
    </Flex>
  );
}

function RevealedLead({ lead }: { lead: QuizRevealedLead }) {
  const { q, t, locale } = useQuizMessages();
  const said = (answer: QuizSideAnswer) =>
    answer.yes + answer.no === 0
      ? q.noAnswer
      : answer.majority === null
        ? q.tie
        : answer.majority
          ? q.said.yes
          : q.said.no;
  const facts = lead.facts.map((fact) => q.factLine(fact.label, fact.value ?? q.noValue)).join(' · ');
  return (
    <Flex direction="column" gap="flush" testId={`quiz-disagreement-${lead.leadKey}`}>
      <Text format={{ fontWeight: 'demibold' }}>{q.lead(lead.position)}</Text>
      {facts ? <Text variant="microcopy">{facts}</Text> : null}
      {SIDE_VALUES.map((side) => (
        <Text key={side} testId={`quiz-disagreement-${lead.leadKey}-${side}`}>
          {q.sideSaid(
            q.sideName[side],
            said(lead[side]),
            formatNumber(lead[side].yes, locale),
            formatNumber(lead[side].no, locale),
          )}
        </Text>
      ))}
      <Text testId={`quiz-disagreement-${lead.leadKey}-verdict`}>
        {q.verdict(
          t.tier[lead.verdict.tier],
          lead.verdict.grade,
          formatNumber(lead.verdict.score, locale, 1),
        )}
      </Text>
      <Text variant="microcopy">{q.drivers}</Text>
      {lead.drivers.length === 0 ? (
        <Text variant="microcopy">{q.noDrivers}</Text>
      ) : (
        lead.drivers.map((driver) => (
          <Text key={`${driver.kind}-${driver.id}`} testId={`quiz-driver-${lead.leadKey}-${driver.id}`}>
            {q.driver(driver.label, formatNumber(driver.points, locale, 1), driver.value ?? q.noValue)}
          </Text>
        ))
      )}
    </Flex>
  );
}
