import { Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { TeamsResponse } from '@lead-pact/contracts';
import { useExtensionContext } from '@hubspot/ui-extensions';
import { formatDateTime } from '../../shared/locale';
import { useSettingsMessages } from '../i18n/useSettingsMessages';
import { teamLabels } from '../utils/teamLabels';

/** Who changed the team mapping when, each side before and after, and the proposals it sent back; newest first. */
export function TeamsHistory({ data }: { data: TeamsResponse }) {
  const { t, locale } = useSettingsMessages();
  const timeZone = useExtensionContext<'settings'>().portal.timezone;
  if (!data.history) return null; // an older server keeps no history
  const labels = teamLabels(data.teams, { unnamed: t.teamNameUnavailable, none: t.noTeams });
  return (
    <Flex direction="column" gap="xs" testId="teams-history">
      <Heading>{t.teamsHistoryTitle}</Heading>
      {data.history.length === 0 ? (
        <Text variant="microcopy" testId="teams-history-empty">
          {t.teamsHistoryEmpty}
        </Text>
      ) : null}
      {data.history.map((change, index) => (
        <Flex direction="column" gap="flush" key={`${change.at}-${index}`} testId={`teams-change-${index}`}>
          <Text format={{ fontWeight: 'demibold' }} testId={`teams-change-${index}-who`}>
            {t.teamsChangedBy(change.email ?? change.userId, formatDateTime(change.at, locale, timeZone))}
          </Text>
          <Text variant="microcopy" testId={`teams-change-${index}-marketing`}>
            {t.teamsChangedSide(
              t.side.marketing,
              labels(change.before.marketingTeamIds),
              labels(change.after.marketingTeamIds),
            )}
          </Text>
          <Text variant="microcopy" testId={`teams-change-${index}-sales`}>
            {t.teamsChangedSide(
              t.side.sales,
              labels(change.before.salesTeamIds),
              labels(change.after.salesTeamIds),
            )}
          </Text>
          {change.sentBack.length > 0 ? (
            <Text variant="microcopy" testId={`teams-change-${index}-sent-back`}>
              {t.teamsChangeSentBack(change.sentBack.join(', '))}
            </Text>
          ) : null}
        </Flex>
      ))}
    </Flex>
  );
}
