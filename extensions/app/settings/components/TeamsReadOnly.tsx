import { Alert, Flex, Text } from '@hubspot/ui-extensions';
import type { TeamsEditing, TeamsResponse } from '@lead-pact/contracts';
import { useSettingsMessages } from '../i18n/useSettingsMessages';
import { teamLabels } from '../utils/teamLabels';

/** The mapping as it stands, for someone who may not change it, and a plain note on who can (or why nobody can now). */
export function TeamsReadOnly({
  data,
  reason,
}: {
  data: TeamsResponse;
  reason: NonNullable<TeamsEditing['reason']>;
}) {
  const { t } = useSettingsMessages();
  const labels = teamLabels(data.teams, { unnamed: t.teamNameUnavailable, none: t.noTeams });
  return (
    <Flex direction="column" gap="xs">
      <Alert title={t.teamsReadOnlyTitle} variant="info" testId="teams-read-only">
        {t.teamsReadOnly[reason]}
      </Alert>
      <Text testId="marketing-teams-read-only">
        {t.teamsOnSide(t.marketingTeams, labels(data.marketingTeamIds))}
      </Text>
      <Text testId="sales-teams-read-only">{t.teamsOnSide(t.salesTeams, labels(data.salesTeamIds))}</Text>
    </Flex>
  );
}
