import { DescriptionList, DescriptionListItem, Flex, Text, ToggleGroup } from '@hubspot/ui-extensions';
import type { QuizBlindLead } from '@lead-pact/contracts';
import { useQuizMessages } from '../../i18n/useQuizMessages';
import { actionLine } from './QuizFormat';

/** A lead as everyone sees it while the round is open: its facts and its dated actions, never a grade. */
export function QuizLeadFacts({ lead, timeZone }: { lead: QuizBlindLead; timeZone: string }) {
  const { q, locale } = useQuizMessages();
  return (
    <Flex direction="column" gap="xs" testId={`quiz-lead-${lead.leadKey}-facts`}>
      <Text format={{ fontWeight: 'demibold' }}>{q.facts}</Text>
      {lead.facts.length === 0 ? (
        <Text variant="microcopy">{q.noFacts}</Text>
      ) : (
        <DescriptionList direction="row">
          {lead.facts.map((fact) => (
            <DescriptionListItem key={fact.property} label={fact.label}>
              <Text>{fact.value ?? q.noValue}</Text>
            </DescriptionListItem>
          ))}
        </DescriptionList>
      )}
      <Text format={{ fontWeight: 'demibold' }}>{q.actions}</Text>
      {lead.actions.length === 0 ? (
        <Text variant="microcopy">{q.noActions}</Text>
      ) : (
        lead.actions.map((action, i) => (
          <Text key={`${action.property}-${i}`} testId={`quiz-lead-${lead.leadKey}-action-${i}`}>
            {actionLine(action, q, locale, timeZone)}
          </Text>
        ))
      )}
    </Flex>
  );
}

/** The question for one lead, answered yes or no. */
export function QuizAnswerToggle({
  leadKey,
  value,
  disabled,
  onChange,
}: {
  leadKey: string;
  value: boolean | undefined;
  disabled: boolean;
  onChange: (callThisMonth: boolean) => void;
}) {
  const { q } = useQuizMessages();
  return (
    <ToggleGroup
      toggleType="radioButtonList"
      name={`quiz-answer-${leadKey}`}
      label={q.question}
      inline
      options={[
        { value: 'yes', label: q.yes, readOnly: disabled },
        { value: 'no', label: q.no, readOnly: disabled },
      ]}
      value={value === undefined ? undefined : value ? 'yes' : 'no'}
      onChange={(choice) => onChange(choice === 'yes')}
      testId={`quiz-answer-${leadKey}`}
    />
  );
}
