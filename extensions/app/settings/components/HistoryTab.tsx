import { Button, Flex, Text } from '@hubspot/ui-extensions';
import type { AgreementsResponse } from '@lead-pact/contracts';
import { useOlderHistory } from '../hooks/useOlderHistory';
import { useSettingsMessages } from '../i18n/useSettingsMessages';
import { HistoryList } from './HistoryList';

/** The history tab: the newest versions from the agreements answer, and older pages on "show older versions". */
export function HistoryTab({
  baseUrl,
  data,
  timeZone,
}: {
  baseUrl: string;
  data: Pick<AgreementsResponse, 'history' | 'historyCursor'>;
  timeZone: string;
}) {
  const { t } = useSettingsMessages();
  const { history, hasOlder, status, showOlder } = useOlderHistory(baseUrl, data);
  return (
    <Flex direction="column" gap="sm">
      <HistoryList history={history} timeZone={timeZone} />
      {status === 'error' ? (
        <Text variant="microcopy" testId="history-older-failed">
          {t.olderFailed}
        </Text>
      ) : null}
      {hasOlder ? (
        <Button onClick={() => void showOlder()} disabled={status === 'loading'} testId="history-show-older">
          {t.showOlder}
        </Button>
      ) : null}
    </Flex>
  );
}
