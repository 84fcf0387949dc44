import { Alert, Text } from '@hubspot/ui-extensions';
import type { ScoredCard } from '@lead-pact/contracts';
import { useCardMessages } from '../i18n/useCardMessages';

/** Why the tier is not simply the grade's: disqualified (and by what), over capacity, or recycled. */
export function TierNotes({ card }: { card: ScoredCard }) {
  const { t, locale } = useCardMessages();
  if (card.tier === 'disqualified') {
    const separator = locale === 'ja' ? '、' : ', ';
    return (
      <Alert title={t.disqualifiedTitle} variant="danger" testId="card-disqualified">
        {t.disqualifiedBody(card.disqualifiedBy.join(separator))}
      </Alert>
    );
  }
  if (card.tierReason === 'capacity') {
    return (
      <Text variant="microcopy" testId="card-capacity">
        {t.capacityNote}
      </Text>
    );
  }
  if (card.tier === 'recycled') {
    return (
      <Text variant="microcopy" testId="card-recycled">
        {t.recycledNote}
      </Text>
    );
  }
  return null;
}
