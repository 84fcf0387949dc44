import { useState } from 'react';
import { Button, MultiSelect } from '@hubspot/ui-extensions';
import { teamsResponseSchema, type TeamsResponse } from '@lead-pact/contracts';
import { useExtensionActions } from '@hubspot/ui-extensions';
import { asBackendError } from '../../shared/backendClient';
import { withRequestId } from '../../shared/requestId';
import { useSettingsMessages } from '../i18n/useSettingsMessages';
import { fetchBackend } from '../utils/fetchBackend';

/** The two team pickers and Save, for a HubSpot super admin; says which proposals a change sent back. */
export function TeamsForm({
  baseUrl,
  data,
  onSaved,
}: {
  baseUrl: string;
  data: TeamsResponse;
  onSaved: (answer: TeamsResponse) => void;
}) {
  const { t } = useSettingsMessages();
  const actions = useExtensionActions<'settings'>();
  const [marketing, setMarketing] = useState<string[]>(data.marketingTeamIds);
  const [sales, setSales] = useState<string[]>(data.salesTeamIds);
  const options = data.teams.map((team) => ({
    value: team.id,
    label: team.named === false ? t.teamNameUnavailable(team.id) : team.name,
  }));
  const save = async () => {
    try {
      const body = { marketingTeamIds: marketing, salesTeamIds: sales };
      const request = withRequestId({ path: '/api/settings/teams', method: 'PUT', body });
      const answer = await fetchBackend(baseUrl, request, teamsResponseSchema);
      const sentBack = answer.sentBack ?? [];
      const message = sentBack.length > 0 ? t.teamsSavedSentBack(sentBack.join(', ')) : t.teamsSaved;
      actions.addAlert({ type: sentBack.length > 0 ? 'warning' : 'success', message });
      onSaved(answer);
    } catch (error) {
      actions.addAlert({ type: 'danger', title: t.actionFailed, message: asBackendError(error).message });
    }
  };
  return (
    <>
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
    </>
  );
}
