import { useState, type ReactNode } from 'react';
import {
  Button,
  ErrorState,
  Flex,
  Heading,
  LoadingSpinner,
  NumberInput,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  useExtensionContext,
} from '@hubspot/ui-extensions';
import {
  QUIZ_SIZE,
  quizResultSchema,
  quizRoundListSchema,
  quizRoundViewSchema,
  type QuizResult,
  type QuizRoundSummary,
  type QuizRoundView,
} from '@lead-pact/contracts';
import type { BackendError } from '../../../shared/backendClient';
import { formatDateTime, formatNumber } from '../../../shared/locale';
import { useBackendQuery } from '../../hooks/useBackendQuery';
import { roundPath, useQuizWrites, type QuizWrites } from '../../hooks/useQuiz';
import { useQuizMessages } from '../../i18n/useQuizMessages';
import { QuizAnswering } from './QuizAnswering';
import { QuizResultView } from './QuizResultView';

/**
 * The calibration quiz: the rounds (start one, open one), an open round's blind leads to answer, and a closed
 * round's result. `onDraftChanged` lets the page reload the agreement after a suggestion went into the draft.
 */
export function QuizTab({ baseUrl, onDraftChanged }: { baseUrl: string; onDraftChanged?: () => void }) {
  const writes = useQuizWrites(baseUrl);
  const [openRound, setOpenRound] = useState<QuizRoundSummary | null>(null);
  const [listKey, setListKey] = useState(0);
  if (openRound !== null) {
    return (
      <QuizRound
        key={openRound.id}
        baseUrl={baseUrl}
        round={openRound}
        writes={writes}
        onDraftChanged={onDraftChanged}
        onBack={() => {
          setOpenRound(null);
          setListKey((n) => n + 1);
        }}
      />
    );
  }
  return <QuizRounds key={listKey} baseUrl={baseUrl} writes={writes} onOpen={setOpenRound} />;
}

function Failed({ error, onRetry }: { error: BackendError; onRetry: () => void }) {
  const { q } = useQuizMessages();
  return (
    <ErrorState title={q.failedTitle} testId="quiz-failed">
      {/* A 4xx carries a plain message meant for the user; anything else stays generic. */}
      <Text>{error.kind === 'unreachable' ? q.failedBody : error.message}</Text>
      <Button onClick={onRetry}>{q.retry}</Button>
    </ErrorState>
  );
}

function QuizRounds({
  baseUrl,
  writes,
  onOpen,
}: {
  baseUrl: string;
  writes: QuizWrites;
  onOpen: (round: QuizRoundSummary) => void;
}) {
  const { q } = useQuizMessages();
  const [attempt, setAttempt] = useState(0);
  const [size, setSize] = useState<number>(QUIZ_SIZE.default);
  const start = async () => {
    const round = await writes.start(size, q.started, q.startFailed);
    if (round) onOpen(round);
  };
  return (
    <Flex direction="column" gap="md" testId="quiz">
      <Text>{q.intro}</Text>
      <Text format={{ fontWeight: 'demibold' }} testId="quiz-question">
        {q.question}
      </Text>
      <Flex direction="row" gap="sm" align="end">
        <NumberInput
          label={q.size}
          name="quiz-size"
          value={size}
          min={QUIZ_SIZE.min}
          max={QUIZ_SIZE.max}
          precision={0}
          onChange={(value) => setSize(Number(value) || QUIZ_SIZE.default)}
          testId="quiz-size"
        />
        <Button variant="primary" disabled={writes.busy} onClick={() => void start()} testId="quiz-start">
          {q.start}
        </Button>
      </Flex>
      <RoundList key={attempt} baseUrl={baseUrl} onOpen={onOpen} onRetry={() => setAttempt((n) => n + 1)} />
    </Flex>
  );
}

function RoundList({
  baseUrl,
  onOpen,
  onRetry,
}: {
  baseUrl: string;
  onOpen: (round: QuizRoundSummary) => void;
  onRetry: () => void;
}) {
  const { q, locale } = useQuizMessages();
  const timeZone = useExtensionContext<'settings'>().portal.timezone ?? 'UTC';
  const state = useBackendQuery(baseUrl, '/api/quiz/rounds', quizRoundListSchema);
  if (state.status === 'loading') return <LoadingSpinner label={q.loading} showLabel testId="quiz-loading" />;
  if (state.status === 'error') return <Failed error={state.error} onRetry={onRetry} />;
  const { rounds } = state.data;
  const num = (n: number) => formatNumber(n, locale);
  return (
    <Flex direction="column" gap="sm">
      <Heading>{q.roundsTitle}</Heading>
      {rounds.length === 0 ? (
        <Text testId="quiz-rounds-empty">{q.roundsEmpty}</Text>
      ) : (
        <Table bordered density="condensed" testId="quiz-rounds">
          <TableHead>
            <TableRow>
              <TableHeader>{q.startedAt}</TableHeader>
              <TableHeader>{q.startedBy}</TableHeader>
              <TableHeader>{q.status}</TableHeader>
              <TableHeader>{q.leads}</TableHeader>
              <TableHeader>{q.answered}</TableHeader>
              <TableHeader> </TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {rounds.map((round: QuizRoundSummary) => (
              <TableRow key={round.id} testId={`quiz-round-${round.id}`}>
                <TableCell>{formatDateTime(round.startedAt, locale, timeZone)}</TableCell>
                <TableCell>{round.startedByName ?? q.user(round.startedBy)}</TableCell>
                <TableCell>{q.roundStatus[round.status]}</TableCell>
                <TableCell>{num(round.size)}</TableCell>
                <TableCell>
                  {q.answeredCounts(num(round.participants.marketing), num(round.participants.sales))}
                </TableCell>
                <TableCell>
                  <Button size="sm" onClick={() => onOpen(round)} testId={`quiz-open-${round.id}`}>
                    {round.status === 'open' ? q.answer : q.seeResult}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Flex>
  );
}

/** One round: its blind leads while open, its result once closed (or as soon as someone closes it here). */
function QuizRound({
  baseUrl,
  round,
  writes,
  onDraftChanged,
  onBack,
}: {
  baseUrl: string;
  round: QuizRoundSummary;
  writes: QuizWrites;
  onDraftChanged?: () => void;
  onBack: () => void;
}) {
  const { q, locale } = useQuizMessages();
  const timeZone = useExtensionContext<'settings'>().portal.timezone ?? 'UTC';
  const [attempt, setAttempt] = useState(0);
  const [closed, setClosed] = useState<QuizResult | null>(null);
  const onRetry = () => setAttempt((n) => n + 1);
  const showResult = (result: QuizResult) => (
    <QuizResultView result={result} writes={writes} onDraftChanged={onDraftChanged} />
  );
  let body;
  if (closed) body = showResult(closed);
  else if (round.status === 'closed') {
    body = (
      <ClosedResult key={attempt} baseUrl={baseUrl} roundId={round.id} onRetry={onRetry} show={showResult} />
    );
  } else {
    body = (
      <OpenRound
        key={attempt}
        baseUrl={baseUrl}
        roundId={round.id}
        onRetry={onRetry}
        show={(view) => (
          <QuizAnswering initial={view} writes={writes} timeZone={timeZone} onClosed={setClosed} />
        )}
        showResult={showResult}
      />
    );
  }
  return (
    <Flex direction="column" gap="md" testId="quiz-round">
      <Button variant="transparent" onClick={onBack} testId="quiz-back">
        {q.back}
      </Button>
      <Heading>{q.roundTitle(round.id, formatDateTime(round.startedAt, locale, timeZone))}</Heading>
      {body}
    </Flex>
  );
}

/** An open round's blind view (`GET /api/quiz/rounds/:id`); if it was closed meanwhile, its result. */
function OpenRound({
  baseUrl,
  roundId,
  onRetry,
  show,
  showResult,
}: {
  baseUrl: string;
  roundId: string;
  onRetry: () => void;
  show: (view: QuizRoundView) => ReactNode;
  showResult: (result: QuizResult) => ReactNode;
}) {
  const { q } = useQuizMessages();
  const state = useBackendQuery(baseUrl, roundPath(roundId), quizRoundViewSchema);
  if (state.status === 'loading') return <LoadingSpinner label={q.loading} showLabel testId="quiz-loading" />;
  if (state.status === 'error') return <Failed error={state.error} onRetry={onRetry} />;
  if (state.data.round.status === 'closed') {
    return <ClosedResult baseUrl={baseUrl} roundId={roundId} onRetry={onRetry} show={showResult} />;
  }
  return <>{show(state.data)}</>;
}

/** A closed round's result (`GET /api/quiz/rounds/:id/result`). */
function ClosedResult({
  baseUrl,
  roundId,
  onRetry,
  show,
}: {
  baseUrl: string;
  roundId: string;
  onRetry: () => void;
  show: (result: QuizResult) => ReactNode;
}) {
  const { q } = useQuizMessages();
  const state = useBackendQuery(baseUrl, roundPath(roundId, '/result'), quizResultSchema);
  if (state.status === 'loading') return <LoadingSpinner label={q.loading} showLabel testId="quiz-loading" />;
  if (state.status === 'error') return <Failed error={state.error} onRetry={onRetry} />;
  return <>{show(state.data)}</>;
}
