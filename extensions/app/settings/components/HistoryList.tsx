import { Accordion, Flex, List, Text } from '@hubspot/ui-extensions';
import type { VersionSummary } from '@lead-pact/contracts';
import { formatDateTime } from '../../shared/locale';
import { useSettingsMessages } from '../i18n/useSettingsMessages';

/** Every version, newest first: who proposed and approved it, when, why, and its readable diff. */
export function HistoryList({ history, timeZone }: { history: readonly VersionSummary[]; timeZone: string }) {
  const { t, locale } = useSettingsMessages();
  if (history.length === 0) return <Text>{t.historyEmpty}</Text>;
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);
  return (
    <Flex direction="column" gap="sm" testId="history">
      {history.map((v) => (
        <Accordion
          key={v.version}
          title={`v${v.version} · ${v.name} · ${t.status[v.status]}`}
          defaultOpen={v.status === 'active'}
          testId={`history-v${v.version}`}
        >
          <Flex direction="column" gap="xs">
            {v.proposedAt ? (
              <Text>
                {t.proposedBy(
                  v.proposedBy ?? '?',
                  v.proposedSide ? t.side[v.proposedSide] : '-',
                  when(v.proposedAt),
                )}
              </Text>
            ) : null}
            {v.rationale ? <Text>{t.why(v.rationale)}</Text> : null}
            {v.approvedAt ? <Text>{t.approvedBy(v.approvedBy ?? '?', when(v.approvedAt))}</Text> : null}
            {v.sentBackAt ? (
              <Text>
                {v.sentBackReason === 'team_mapping_changed'
                  ? `${t.sentBackBy(v.sentBackBy ?? '?', when(v.sentBackAt))}: ${t.sentBackByMapping(v.sentBackBy ?? '?')}`
                  : `${t.sentBackBy(v.sentBackBy ?? '?', when(v.sentBackAt))}: ${v.sentBackComment ?? ''}`}
              </Text>
            ) : null}
            {v.diff.length === 0 ? (
              <Text variant="microcopy">{t.noChanges}</Text>
            ) : (
              <List testId={`diff-v${v.version}`}>
                {v.diff.map((line) => (
                  <Text key={`${line.path}-${line.change}`} variant="microcopy">
                    {line.text}
                  </Text>
                ))}
              </List>
            )}
          </Flex>
        </Accordion>
      ))}
    </Flex>
  );
}
