import { Alert, BarChart, Flex, Heading, List, Text } from '@hubspot/ui-extensions';
import { SIDE_VALUES, type QuizResult } from '@lead-pact/contracts';
import { formatNumber } from '../../../shared/locale';
import type { QuizWrites } from '../../hooks/useQuiz';
import { useQuizMessages } from '../../i18n/useQuizMessages';
import { QuizDisagreements } from './QuizDisagreements';
import { agreementLines, percentOf } from './QuizFormat';
import { QuizSuggestions } from './QuizSuggestions';

/**
 * A round's result, as the server computed it: each person's and each side's lean (a bar chart), how the sides agree
 * with each other and with the agreement's verdict (percent, Cohen's kappa and its interval), the leads they
 * disagree on with the criteria behind the verdict, and suggested edits to apply to the draft.
 */
export function QuizResultView({
  result,
  writes,
  onDraftChanged,
}: {
  result: QuizResult;
  writes: QuizWrites;
  onDraftChanged?: () => void;
}) {
  const { q } = useQuizMessages();
  return (
    <Flex direction="column" gap="lg" testId="quiz-result">
      {result.oneSided && result.answeredSide ? (
        <Alert title={q.oneSided(q.sideName[result.answeredSide])} variant="info" testId="quiz-one-sided" />
      ) : null}
      <Leans result={result} />
      <Agreement result={result} />
      <QuizDisagreements result={result} />
      <QuizSuggestions result={result} writes={writes} onDraftChanged={onDraftChanged} />
    </Flex>
  );
}

function Leans({ result }: { result: QuizResult }) {
  const { q, locale } = useQuizMessages();
  const num = (n: number) => formatNumber(n, locale);
  const rows = [
    ...result.participants.map((p) => ({
      who: p.name ?? q.user(p.userId),
      lean: percentOf(p.lean),
      side: q.sideName[p.side],
    })),
    ...SIDE_VALUES.flatMap((side) => {
      const lean = result.sides[side].lean;
      return lean === null
        ? []
        : [{ who: q.sideAll(q.sideName[side]), lean: percentOf(lean), side: q.sideName[side] }];
    }),
  ];
  return (
    <Flex direction="column" gap="sm" testId="quiz-leans">
      <Heading>{q.leanTitle}</Heading>
      <BarChart
        data={rows}
        axes={{
          x: { field: 'who', fieldType: 'category', label: q.who },
          y: { field: 'lean', fieldType: 'linear', label: q.leanAxis },
          options: { groupFieldByColor: 'side' },
        }}
        options={{ title: q.leanChart, showLegend: true, showTooltips: true, showDataLabels: true }}
        testId="quiz-chart-leans"
      />
      <List testId="quiz-lean-lines">
        {SIDE_VALUES.map((side) => {
          const s = result.sides[side];
          return (
            <Text key={side} testId={`quiz-side-lean-${side}`}>
              {s.lean === null
                ? q.noSideAnswers(q.sideName[side])
                : q.sideLean(
                    q.sideName[side],
                    formatNumber(percentOf(s.lean), locale, 1),
                    num(s.participants),
                    s.participants,
                  )}
            </Text>
          );
        })}
        {result.participants.map((p) => (
          <Text key={p.userId} testId={`quiz-lean-${p.userId}`}>
            {q.lean(
              q.personOnSide(p.name ?? q.user(p.userId), q.sideName[p.side]),
              num(p.yes),
              num(p.answered),
              formatNumber(percentOf(p.lean), locale, 1),
            )}
          </Text>
        ))}
      </List>
    </Flex>
  );
}

function Agreement({ result }: { result: QuizResult }) {
  const { q, locale } = useQuizMessages();
  const pairs = [
    ...(result.betweenSides ? [{ key: 'between', label: q.betweenSides, stats: result.betweenSides }] : []),
    ...SIDE_VALUES.flatMap((side) => {
      const stats = result.vsVerdict[side];
      return stats ? [{ key: side, label: q.vsVerdict(q.sideName[side]), stats }] : [];
    }),
  ];
  return (
    <Flex direction="column" gap="sm" testId="quiz-agreement">
      <Heading>{q.agreementTitle}</Heading>
      <BarChart
        data={pairs.map((pair) => ({ pair: pair.label, percent: Math.round(pair.stats.percent * 10) / 10 }))}
        axes={{
          x: { field: 'pair', fieldType: 'category', label: q.pair },
          y: { field: 'percent', fieldType: 'linear', label: q.sameAnswer },
        }}
        options={{ title: q.agreementChart, showTooltips: true, showDataLabels: true }}
        testId="quiz-chart-agreement"
      />
      {pairs.map((pair) => (
        <Flex key={pair.key} direction="column" gap="flush" testId={`quiz-agreement-${pair.key}`}>
          <Text format={{ fontWeight: 'demibold' }}>{pair.label}</Text>
          {agreementLines(pair.stats, q, locale).map((line) => (
            <Text key={line}>{line}</Text>
          ))}
        </Flex>
      ))}
      <Text variant="microcopy">{q.kappaHelp}</Text>
    </Flex>
  );
}
