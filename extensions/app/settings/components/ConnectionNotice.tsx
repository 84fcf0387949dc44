import { Alert, Text } from '@hubspot/ui-extensions';
import { connectionResponseSchema } from '@lead-pact/contracts';
import { useBackendQuery } from '../hooks/useBackendQuery';
import { useSettingsMessages } from '../i18n/useSettingsMessages';

/** Says plainly when the portal is disconnected (uninstalled, token revoked) or not installed; nothing otherwise. */
export function ConnectionNotice({ baseUrl }: { baseUrl: string }) {
  const { t } = useSettingsMessages();
  const connection = useBackendQuery(baseUrl, '/api/settings/connection', connectionResponseSchema);
  if (connection.status !== 'success') return null;
  // The server's `message` is English only; the page says the same in the user's language.
  const { status, reason } = connection.data;
  if (status === 'not_installed') {
    return (
      <Alert title={t.notInstalledTitle} variant="warning" testId="portal-not-installed">
        {t.notInstalledBody}
      </Alert>
    );
  }
  if (status !== 'disconnected') return null;
  return (
    <Alert title={t.disconnectedTitle} variant="danger" testId="portal-disconnected">
      <Text>{t.disconnectedBody}</Text>
      {reason ? <Text testId="portal-disconnected-why">{t.disconnectedWhy(reason)}</Text> : null}
    </Alert>
  );
}
