import { Alert, Text } from '@hubspot/ui-extensions';
import type { ScoredCard } from '@lead-pact/contracts';
import { LABELS } from '@lead-pact/labels';
import { formatNumber, type Locale } from '../../shared/locale';
import { useCardMessages } from '../i18n/useCardMessages';

/** `2026-12` as "December" / "12月", with the year when it is not this year's in the portal's time zone. */
function monthName(month: string, locale: Locale, timeZone: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const thisYear = Number(
    new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone }).format(new Date(Date.now())),
  );
  const options: Intl.DateTimeFormatOptions = { month: 'long', timeZone: 'UTC' };
  if (year !== thisYear) options.year = 'numeric';
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', options).format(
    new Date(Date.UTC(year, index - 1, 15)),
  );
}

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
    const held = card.heldBack;
    return (
      <Text variant="microcopy" testId="card-capacity">
        {held
          ? t.capacityHeld(
              held.route === null ? null : LABELS[locale][`route.${held.route}`],
              monthName(held.month, locale, card.portalTimezone),
              formatNumber(held.used, locale),
              formatNumber(held.capacity, locale),
            )
          : t.capacityNote}
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
