import { useState } from 'react';
import {
  Alert,
  Button,
  ButtonRow,
  Flex,
  Heading,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  ToggleGroup,
} from '@hubspot/ui-extensions';
import type { QuizBlindLead, QuizResult, QuizRoundView, Side } from '@lead-pact/contracts';
import type { QuizWrites } from '../../hooks/useQuiz';
import { useQuizMessages } from '../../i18n/useQuizMessages';
import { QuizAnswerToggle, QuizLeadFacts } from './QuizLead';

type Answers = Record<string, boolean>;
const answersOf = (view: QuizRoundView): Answers =>
  Object.fromEntries(view.myAnswers.map((a) => [a.leadKey, a.callThisMonth]));

/**
 * An open round: the leads blind (one by one or as a table), the caller's yes/no per lead, submit, and close. A user
 * in no team reads the leads and is told why they cannot answer; a user on both sides says which side they answer
 * for until their first answer fixes it.
 */
export function QuizAnswering({
  initial,
  writes,
  timeZone,
  onClosed,
}: {
  initial: QuizRoundView;
  writes: QuizWrites;
  timeZone: string;
  onClosed: (result: QuizResult) => void;
}) {
  const { q } = useQuizMessages();
  const [view, setView] = useState(initial);
  const [answers, setAnswers] = useState<Answers>(() => answersOf(initial));
  const [mode, setMode] = useState<'one' | 'table'>('one');
  const [index, setIndex] = useState(0);
  const [actingAs, setActingAs] = useState<Side | undefined>(undefined);
  const { viewer, leads, round } = view;
  const mustChooseSide = viewer.canAnswer && viewer.sides.length > 1 && viewer.answeredAs === null;
  const side = viewer.answeredAs ?? (viewer.sides.length === 1 ? viewer.sides[0] : actingAs);
  const answered = leads.filter((lead) => answers[lead.leadKey] !== undefined).length;
  const setAnswer = (leadKey: string, value: boolean) =>
    setAnswers((prev) => ({ ...prev, [leadKey]: value }));

  const submit = async () => {
    const body = leads
      .filter((lead) => answers[lead.leadKey] !== undefined)
      .map((lead) => ({ leadKey: lead.leadKey, callThisMonth: answers[lead.leadKey] as boolean }));
    const saved = await writes.answer(
      round.id,
      body,
      mustChooseSide ? actingAs : undefined,
      (next) => q.submitted(next.myAnswers.length, next.leads.length),
      q.submitFailed,
    );
    if (saved) {
      setView(saved);
      setAnswers(answersOf(saved));
    }
  };
  const close = async () => {
    const result = await writes.close(round.id, q.closed, q.closeFailed);
    if (result) onClosed(result);
  };

  return (
    <Flex direction="column" gap="md" testId="quiz-answering">
      <Text testId="quiz-blind-note">{q.blindNote}</Text>
      {!viewer.canAnswer && viewer.reason !== 'closed' ? (
        <Alert title={q.noTeamTitle} variant="warning" testId="quiz-no-team">
          {q.noTeamBody}
        </Alert>
      ) : null}
      {mustChooseSide ? (
        <Select
          label={q.answerAs}
          name="quiz-acting-as"
          value={actingAs}
          required
          options={(['marketing', 'sales'] as const).map((s) => ({ value: s, label: q.sideName[s] }))}
          onChange={(value) => setActingAs(value as Side)}
          testId="quiz-acting-as"
        />
      ) : null}
      {viewer.canAnswer && side ? (
        <Text testId="quiz-answering-as">{q.answeringAs(q.sideName[side])}</Text>
      ) : null}
      <ToggleGroup
        toggleType="radioButtonList"
        name="quiz-mode"
        label={q.show}
        inline
        value={mode}
        options={[
          { value: 'one', label: q.oneByOne },
          { value: 'table', label: q.asTable },
        ]}
        onChange={(value) => setMode(value === 'table' ? 'table' : 'one')}
        testId="quiz-mode"
      />
      {mode === 'one' ? (
        <OneByOne
          leads={leads}
          index={Math.min(index, leads.length - 1)}
          onIndex={setIndex}
          answers={answers}
          canAnswer={viewer.canAnswer}
          timeZone={timeZone}
          onAnswer={(leadKey, value) => {
            setAnswer(leadKey, value);
            if (index < leads.length - 1) setIndex(index + 1);
          }}
        />
      ) : (
        <LeadsTable
          leads={leads}
          answers={answers}
          canAnswer={viewer.canAnswer}
          timeZone={timeZone}
          onAnswer={setAnswer}
        />
      )}
      <Text testId="quiz-progress">{q.progress(answered, leads.length)}</Text>
      <ButtonRow>
        {viewer.canAnswer ? (
          <Button
            variant="primary"
            disabled={writes.busy || answered === 0 || (mustChooseSide && !actingAs)}
            onClick={() => void submit()}
            testId="quiz-submit"
          >
            {q.submit}
          </Button>
        ) : null}
        <Button disabled={writes.busy} onClick={() => void close()} testId="quiz-close">
          {q.close}
        </Button>
      </ButtonRow>
      <Text variant="microcopy">{q.closeHelp}</Text>
    </Flex>
  );
}

function OneByOne({
  leads,
  index,
  onIndex,
  answers,
  canAnswer,
  timeZone,
  onAnswer,
}: {
  leads: QuizBlindLead[];
  index: number;
  onIndex: (index: number) => void;
  answers: Answers;
  canAnswer: boolean;
  timeZone: string;
  onAnswer: (leadKey: string, value: boolean) => void;
}) {
  const { q } = useQuizMessages();
  const lead = leads[index];
  if (!lead) return null;
  return (
    <Flex direction="column" gap="sm" testId={`quiz-lead-${lead.leadKey}`}>
      <Heading>{q.leadOf(lead.position, leads.length)}</Heading>
      <QuizLeadFacts lead={lead} timeZone={timeZone} />
      <QuizAnswerToggle
        leadKey={lead.leadKey}
        value={answers[lead.leadKey]}
        disabled={!canAnswer}
        onChange={(value) => onAnswer(lead.leadKey, value)}
      />
      <ButtonRow>
        <Button disabled={index === 0} onClick={() => onIndex(index - 1)} testId="quiz-previous">
          {q.previous}
        </Button>
        <Button disabled={index >= leads.length - 1} onClick={() => onIndex(index + 1)} testId="quiz-next">
          {q.next}
        </Button>
      </ButtonRow>
    </Flex>
  );
}

function LeadsTable({
  leads,
  answers,
  canAnswer,
  timeZone,
  onAnswer,
}: {
  leads: QuizBlindLead[];
  answers: Answers;
  canAnswer: boolean;
  timeZone: string;
  onAnswer: (leadKey: string, value: boolean) => void;
}) {
  const { q } = useQuizMessages();
  return (
    <Table bordered testId="quiz-leads-table">
      <TableHead>
        <TableRow>
          <TableHeader>#</TableHeader>
          <TableHeader>{`${q.facts} / ${q.actions}`}</TableHeader>
          <TableHeader>{q.question}</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {leads.map((lead) => (
          <TableRow key={lead.leadKey} testId={`quiz-row-${lead.leadKey}`}>
            <TableCell>{String(lead.position)}</TableCell>
            <TableCell>
              <QuizLeadFacts lead={lead} timeZone={timeZone} />
            </TableCell>
            <TableCell>
              <QuizAnswerToggle
                leadKey={lead.leadKey}
                value={answers[lead.leadKey]}
                disabled={!canAnswer}
                onChange={(value) => onAnswer(lead.leadKey, value)}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
