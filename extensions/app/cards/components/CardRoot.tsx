import type { CardResponse } from '@lead-pact/contracts';
import { useCardActions } from '../hooks/useCardActions';
import { useCardData } from '../hooks/useCardData';
import { Loading, NoAgreement, NotConfigured, NotConnected, NotScored, Unreachable } from './CardStates';
import { ScoredCard } from './ScoredCard';

/** The lead quality card: picks the one state to show for the open contact. */
export function CardRoot() {
  const { state, baseUrl, objectId, reload, show } = useCardData();
  if (state.status === 'not_configured' || !baseUrl) return <NotConfigured />;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <Unreachable onRetry={reload} />;
  return <CardAnswer data={state.data} baseUrl={baseUrl} objectId={objectId} reload={reload} show={show} />;
}

function CardAnswer(props: {
  data: CardResponse;
  baseUrl: string;
  objectId: string;
  reload: () => void;
  show: (data: CardResponse) => void;
}) {
  const { data, baseUrl } = props;
  const { busy, submitVerdict, scoreNow } = useCardActions(props);
  switch (data.state) {
    case 'not_connected':
      return <NotConnected baseUrl={baseUrl} />;
    case 'no_agreement':
      return <NoAgreement />;
    case 'not_scored':
      return <NotScored version={data.agreement.version} busy={busy} onScoreNow={scoreNow} />;
    case 'scored':
      return <ScoredCard card={data} busy={busy} onVerdict={submitVerdict} />;
  }
}
