import { Flex, Heading, Tag, Text } from '@hubspot/ui-extensions';
import type { Criterion } from '@lead-pact/contracts';
import { formatNumber } from '../../shared/locale';
import { useCardMessages } from '../i18n/useCardMessages';
import { rankCriteria } from '../utils/rankCriteria';

const OUTCOME_VARIANT = { matched: 'success', not_matched: 'default', unknown: 'warning' } as const;

/** Each rule and signal: label, points, met / not met / unknown and the value seen, strongest first. */
export function CriteriaList({ criteria }: { criteria: readonly Criterion[] }) {
  const { t } = useCardMessages();
  return (
    <Flex direction="column" gap="sm" testId="card-criteria">
      <Heading>{t.criteriaTitle}</Heading>
      {rankCriteria(criteria).map((criterion) => (
        <CriterionRow key={`${criterion.kind}-${criterion.id}`} criterion={criterion} />
      ))}
    </Flex>
  );
}

function CriterionRow({ criterion }: { criterion: Criterion }) {
  const { t, locale } = useCardMessages();
  return (
    <Flex direction="column" gap="flush" testId={`criterion-${criterion.id}`}>
      <Flex direction="row" justify="between" gap="xs">
        <Text format={{ fontWeight: 'demibold' }}>{criterion.label}</Text>
        <Text testId={`criterion-${criterion.id}-points`}>
          {t.points(formatNumber(criterion.points, locale, 1))}
        </Text>
      </Flex>
      <Flex direction="row" gap="xs" align="center">
        <Tag variant={OUTCOME_VARIANT[criterion.outcome]} testId={`criterion-${criterion.id}-outcome`}>
          {t.outcome[criterion.outcome]}
        </Tag>
        <Text variant="microcopy" testId={`criterion-${criterion.id}-seen`}>
          {seenText(criterion, t, locale)}
        </Text>
      </Flex>
    </Flex>
  );
}

function seenText(
  criterion: Criterion,
  t: ReturnType<typeof useCardMessages>['t'],
  locale: 'en' | 'ja',
): string {
  const parts = [criterion.value === null ? t.noValue : t.seen(criterion.value)];
  const found = criterion.keyword;
  if (found) {
    parts.push(
      found.cancelledBy === undefined
        ? t.keywordMatched(found.text)
        : t.keywordCancelled(found.text, found.cancelledBy),
    );
  }
  if (criterion.ageDays !== undefined && criterion.ageDays !== null) {
    parts.push(t.ageDays(formatNumber(criterion.ageDays, locale)));
  }
  if (criterion.note === 'date_unknown') parts.push(t.dateUnknown);
  if (criterion.note === 'unparsable') parts.push(t.unparsable);
  // The dictionary's words are lower case, as the reasons use them inside a sentence; the line starts with a capital.
  const line = parts.join(' · ');
  return line.charAt(0).toLocaleUpperCase(locale) + line.slice(1);
}
