import { Flex, StatusTag, Text } from '@hubspot/ui-extensions';
import type { NextStep, Side } from '@lead-pact/contracts';
import { useSettingsMessages } from '../i18n/useSettingsMessages';

/** Who must act next, in the user's language, and whether that is them. */
export function NextStepLine({ next, mySide }: { next: NextStep; mySide: Side | undefined }) {
  const { t } = useSettingsMessages();
  const sideName = next.side ? t.side[next.side] : t.someone;
  const sentence =
    next.action === 'approve' || next.action === 'revise'
      ? t.nextStep[next.action](sideName, next.version ?? 0)
      : t.nextStep[next.action](next.version);
  const mine = mySide !== undefined && next.action !== 'none' && (next.side === null || next.side === mySide);
  const waiting = !mine && next.side !== null && next.action !== 'none';
  return (
    <Flex direction="row" gap="sm" align="center">
      <Text format={{ fontWeight: 'demibold' }} testId="next-step">
        {sentence}
      </Text>
      {mine ? (
        <StatusTag variant="warning" testId="turn">
          {t.yourTurn}
        </StatusTag>
      ) : null}
      {waiting ? (
        <StatusTag variant="info" testId="turn">
          {t.waitingFor(sideName)}
        </StatusTag>
      ) : null}
    </Flex>
  );
}
