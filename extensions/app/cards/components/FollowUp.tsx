import { Alert, Flex, Text } from '@hubspot/ui-extensions';
import type { ScoredCard } from '@lead-pact/contracts';
import { formatDateTime, splitDuration } from '../../shared/locale';
import { useCardMessages } from '../i18n/useCardMessages';
import { useNow } from '../hooks/useNow';

/** For a sales-ready lead: the first-touch deadline in the portal's time zone, a countdown, a warning once missed. */
export function FollowUp({ card }: { card: ScoredCard }) {
  const { t, locale } = useCardMessages();
  const now = useNow();
  if (card.tier !== 'sales_ready' || card.followUpDue === null) return null;
  const remaining = Date.parse(card.followUpDue) - now;
  const { days, hours, minutes } = splitDuration(remaining);
  const breached = card.slaStatus === 'breached' || (card.slaStatus !== 'met' && remaining < 0);
  const countdown =
    card.slaStatus === 'met'
      ? t.slaMet
      : remaining >= 0
        ? t.dueIn(days, hours, minutes)
        : t.overdueBy(days, hours, minutes);
  return (
    <Flex direction="column" gap="xs">
      <Text format={{ fontWeight: 'demibold' }} testId="card-follow-up-due">
        {`${t.followUpTitle}: ${formatDateTime(card.followUpDue, locale, card.portalTimezone)}`}
      </Text>
      <Text testId="card-countdown">{countdown}</Text>
      {breached ? (
        <Alert title={t.breachedTitle} variant="danger" testId="card-breached">
          {t.breachedBody}
        </Alert>
      ) : null}
    </Flex>
  );
}
