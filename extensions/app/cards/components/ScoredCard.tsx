import { Divider, Flex, Text } from '@hubspot/ui-extensions';
import type { ScoredCard as ScoredCardData } from '@lead-pact/contracts';
import { formatDate } from '../../shared/locale';
import type { VerdictInput } from '../hooks/useCardActions';
import { useCardMessages } from '../i18n/useCardMessages';
import { CriteriaList } from './CriteriaList';
import { FollowUp } from './FollowUp';
import { LeadSection } from './LeadSection';
import { TierNotes } from './TierNotes';
import { VerdictHeader } from './VerdictHeader';
import { VerdictPanel } from './VerdictPanel';

/** A scored contact: the verdict, why, by when to follow up, its HubSpot Lead, and the rep's accept / reject. */
export function ScoredCard(props: {
  card: ScoredCardData;
  busy: boolean;
  onVerdict: (input: VerdictInput) => void;
}) {
  const { card } = props;
  const { t, locale } = useCardMessages();
  return (
    <Flex direction="column" gap="md" testId="card-scored">
      <VerdictHeader card={card} />
      <TierNotes card={card} />
      <FollowUp card={card} />
      <LeadSection card={card} />
      <VerdictPanel {...props} />
      <Divider />
      <CriteriaList criteria={card.criteria} />
      <Text variant="microcopy" testId="card-agreement">
        {t.agreementLine(
          card.agreement.version,
          card.agreement.name,
          formatDate(card.agreement.approvedAt, locale, card.portalTimezone),
        )}
      </Text>
    </Flex>
  );
}
