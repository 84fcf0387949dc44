import { Button, EmptyState, ErrorState, LoadingButton, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { useCardMessages } from '../i18n/useCardMessages';

/** The backend address is missing from the app's profile: say what to fix instead of failing. */
export function NotConfigured() {
  const { t } = useCardMessages();
  return (
    <ErrorState title={t.notConfiguredTitle} type="support" testId="card-not-configured">
      <Text>{t.notConfiguredBody}</Text>
    </ErrorState>
  );
}

/** Spinner while the card loads. */
export function Loading() {
  const { t } = useCardMessages();
  return <LoadingSpinner label={t.loading} showLabel layout="centered" testId="card-loading" />;
}

/** The backend did not answer (details are in its logs, not here). */
export function Unreachable({ onRetry }: { onRetry: () => void }) {
  const { t } = useCardMessages();
  return (
    <ErrorState title={t.unreachableTitle} testId="card-unreachable">
      <Text>{t.unreachableBody}</Text>
      <Button onClick={onRetry} testId="card-retry">
        {t.retry}
      </Button>
    </ErrorState>
  );
}

/** The portal has not installed the app (no OAuth tokens stored). */
export function NotConnected({ baseUrl }: { baseUrl: string }) {
  const { t } = useCardMessages();
  return (
    <EmptyState
      title={t.notConnectedTitle}
      imageName="integrations"
      layout="vertical"
      testId="card-not-connected"
    >
      <Text>{t.notConnectedBody}</Text>
      <Button href={{ url: `${baseUrl}/oauth/install`, external: true }} variant="primary">
        {t.connect}
      </Button>
    </EmptyState>
  );
}

/** No agreement has been approved for this portal yet. */
export function NoAgreement() {
  const { t } = useCardMessages();
  return (
    <EmptyState title={t.noAgreementTitle} imageName="target" layout="vertical" testId="card-no-agreement">
      <Text>{t.noAgreementBody}</Text>
    </EmptyState>
  );
}

/** Scored under no version yet: offer to score it now. */
export function NotScored(props: { version: number; busy: boolean; onScoreNow: () => void }) {
  const { t } = useCardMessages();
  return (
    <EmptyState title={t.notScoredTitle} imageName="leads" layout="vertical" testId="card-not-scored">
      <Text>{t.notScoredBody(props.version)}</Text>
      <LoadingButton
        variant="primary"
        loading={props.busy}
        onClick={props.onScoreNow}
        testId="card-score-now"
      >
        {t.scoreNow}
      </LoadingButton>
    </EmptyState>
  );
}
