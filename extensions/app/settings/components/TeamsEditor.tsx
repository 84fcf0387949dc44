import { useState } from 'react';
import { Alert, Flex, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { teamsResponseSchema, type TeamsResponse } from '@lead-pact/contracts';
import { useBackendQuery } from '../hooks/useBackendQuery';
import { useSettingsMessages } from '../i18n/useSettingsMessages';
import { TeamsForm } from './TeamsForm';
import { TeamsHistory } from './TeamsHistory';
import { TeamsReadOnly } from './TeamsReadOnly';

/**
 * Which HubSpot teams count as marketing and which as sales (`GET|PUT /api/settings/teams`): a HubSpot super admin
 * changes it, everyone else reads it with a note on who can; below, who changed it when. `onSaved` lets the page
 * reload the agreement, whose pending proposal a change may have sent back.
 */
export function TeamsEditor({ baseUrl, onSaved }: { baseUrl: string; onSaved?: () => void }) {
  const { t } = useSettingsMessages();
  const state = useBackendQuery(baseUrl, '/api/settings/teams', teamsResponseSchema);
  const [saved, setSaved] = useState<TeamsResponse | null>(null);
  if (state.status !== 'success') return <LoadingSpinner label={t.loading} />;
  const data = saved ?? state.data;
  const { names, editing } = data;
  return (
    <Flex direction="column" gap="sm" testId="teams">
      <Text>{t.teamsHelp}</Text>
      {names?.source === 'ids' && (
        <Alert title={t.teamNamesMissingTitle} variant="warning" testId="teams-names-missing">
          {t.teamNamesMissing[names.reason](names.scope)}
        </Alert>
      )}
      {editing && !editing.allowed ? (
        <TeamsReadOnly data={data} reason={editing.reason ?? 'not_super_admin'} />
      ) : (
        <TeamsForm
          baseUrl={baseUrl}
          data={data}
          onSaved={(answer) => {
            setSaved(answer);
            onSaved?.();
          }}
        />
      )}
      <TeamsHistory data={data} />
    </Flex>
  );
}
