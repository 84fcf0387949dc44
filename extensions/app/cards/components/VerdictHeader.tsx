import {
  DescriptionList,
  DescriptionListItem,
  Flex,
  ScoreCircle,
  StatusTag,
  Text,
} from '@hubspot/ui-extensions';
import type { ScoredCard, Tier } from '@lead-pact/contracts';
import { useCardMessages } from '../i18n/useCardMessages';

const TIER_VARIANT: Record<Tier, 'success' | 'info' | 'warning' | 'danger'> = {
  sales_ready: 'success',
  nurture: 'info',
  recycled: 'warning',
  disqualified: 'danger',
};

/** Score circle, grade, tier tag, stage and route: the verdict at a glance. */
export function VerdictHeader({ card }: { card: ScoredCard }) {
  const { t } = useCardMessages();
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="md" align="center">
        <ScoreCircle score={Math.round(card.score)} testId="card-score" />
        <Flex direction="column" gap="xs">
          <Text format={{ fontWeight: 'bold' }} testId="card-grade">
            {`${t.gradeLabel} ${card.grade}`}
          </Text>
          <StatusTag variant={TIER_VARIANT[card.tier]} testId="card-tier">
            {t.tier[card.tier]}
          </StatusTag>
        </Flex>
      </Flex>
      <DescriptionList direction="row">
        <DescriptionListItem label={t.stageLabel}>
          <Text testId="card-stage">{t.stage[card.stage]}</Text>
        </DescriptionListItem>
        <DescriptionListItem label={t.routeLabel}>
          <Text testId="card-route">{t.route[card.route]}</Text>
        </DescriptionListItem>
      </DescriptionList>
    </Flex>
  );
}
