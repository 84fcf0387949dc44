import { useState } from 'react';
import { Button, Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { QuizResult } from '@lead-pact/contracts';
import type { QuizWrites } from '../../hooks/useQuiz';
import { useQuizMessages } from '../../i18n/useQuizMessages';

/**
 * The edits the server suggests, each in the user's language with an "Apply to draft" button: applying writes it
 * into the draft only, which is then proposed and approved as any change (`onDraftChanged` reloads the agreement).
 */
export function QuizSuggestions({
  result,
  writes,
  onDraftChanged,
}: {
  result: QuizResult;
  writes: QuizWrites;
  onDraftChanged?: () => void;
}) {
  const { q, locale } = useQuizMessages();
  const [applied, setApplied] = useState<Record<number, number>>({});
  const apply = async (n: number) => {
    const answer = await writes.apply(result.round.id, n, (a) => q.applied(a.draft.version), q.applyFailed);
    if (!answer) return;
    setApplied((prev) => ({ ...prev, [n]: answer.draft.version }));
    onDraftChanged?.();
  };
  return (
    <Flex direction="column" gap="sm" testId="quiz-suggestions">
      <Heading>{q.suggestionsTitle}</Heading>
      {result.suggestions.length === 0 ? (
        <Text testId="quiz-no-suggestions">{q.noSuggestions}</Text>
      ) : (
        <>
          <Text variant="microcopy" testId="quiz-apply-how-to">
            {q.applyHowTo}
          </Text>
          {result.suggestions.map((suggestion) => {
            const version = applied[suggestion.n];
            return (
              <Flex key={suggestion.n} direction="column" gap="xs" testId={`quiz-suggestion-${suggestion.n}`}>
                <Text>{suggestion.text[locale]}</Text>
                {version === undefined ? (
                  <Button
                    size="sm"
                    disabled={writes.busy}
                    onClick={() => void apply(suggestion.n)}
                    testId={`quiz-apply-${suggestion.n}`}
                  >
                    {q.applyToDraft}
                  </Button>
                ) : (
                  <Text variant="microcopy" testId={`quiz-applied-${suggestion.n}`}>
                    {q.applied(version)}
                  </Text>
                )}
              </Flex>
            );
          })}
        </>
      )}
    </Flex>
  );
}
