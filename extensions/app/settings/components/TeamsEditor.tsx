import { useEffect, useState } from 'react';
import { Alert, Button, Flex, LoadingSpinner, MultiSelect, Text } from '@hubspot/ui-extensions';
import { teamsResponseSchema } from '@lead-pact/contracts';
import { useExtensionActions } from '@hubspot/ui-extensions';
import { asBackendError } from '../../shared/backendClient';
import { useBackendQuery } from '../hooks/useBackendQuery';
import { useSettingsMessages } from '../i18n/useSettingsMessages';
import { withRequestId } from '../../shared/requestId';
import { fetchBackend } from '../utils/fetchBackend';

/** Which HubSpot teams count as marketing and which as sales (`GET|PUT /api/settings/teams`). */
export function TeamsEditor({ baseUrl }: { baseUrl: string }) {
  const { t } = useSettingsMessages();
  const actions = useExtensionActions<'settings'>();
  const state = useBackendQuery(baseUrl, '/api/settings/teams', teamsResponseSchema);
  const [marketing, setMarketing] = useState<string[]>([]);
  const [sales, setSales] = useState<string[]>([]);
  useEffect(() => {
    if (state.status !== 'success') return;
    setMarketing(state.data.marketingTeamIds);
    setSales(state.data.salesTeamIds);
  }, [state]);
  if (state.status !== 'success') return <LoadingSpinner label={t.loading} />;
  const { names } = state.data;
  const options = state.data.teams.map((team) => ({
    value: team.id,
    label: team.named === false ? t.teamNameUnavailable(team.id) : team.name,
  }));
  const save = async () => {
    try {
      const body = { marketingTeamIds: marketing, salesTeamIds: sales };
      const request = withRequestId({ path: '/api/settings/teams', method: 'PUT', body });
      await fetchBackend(baseUrl, request, teamsResponseSchema);
      actions.addAlert({ type: 'success', message: t.teamsSaved });
    } catch (error) {
      actions.addAlert({ type: 'danger', title: t.actionFailed, message: asBackendError(error).message });
    }
  };
  return (
    <Flex direction="column" gap="sm" testId="teams">
      <Text>{t.teamsHelp}</Text>
      {names?.source === 'ids' && (
        <Alert title={t.teamNamesMissingTitle} variant="warning" testId="teams-names-missing">
          {t.teamNamesMissing[names.reason](names.scope)}
        </Alert>
      )}
      <MultiSelect
        label={t.marketingTeams}
        name="marketingTeamIds"
        value={marketing}
        options={options}
        onChange={(v) => setMarketing(v.map(String))}
        testId="marketing-teams"
      />
      <MultiSelect
        label={t.salesTeams}
        name="salesTeamIds"
        value={sales}
        options={options}
        onChange={(v) => setSales(v.map(String))}
        testId="sales-teams"
      />
      <Button onClick={() => void save()} testId="save-teams">
        {t.saveTeams}
      </Button>
    </Flex>
  );
}
