import type { Config } from '../config';
import { qualify } from '../domain/qualify';
import { renderReasons } from '../domain/render-reasons';
import type { Store } from '../store/create-store';
import { approvedAgreements } from '../use-cases/card/approved-agreements';
import type { CardPorts } from '../use-cases/card/card-ports';
import type { CardLeadLookups } from '../use-cases/card/card-lead';

/** The portal of single-portal static-token mode, which needs no installation row to be connected. */
export const staticPortalOf = ({ hubspot }: Pick<Config, 'hubspot'>): string | undefined =>
  hubspot.accessToken && hubspot.portalId !== undefined ? String(hubspot.portalId) : undefined;

/**
 * The card ports on the real store: approved versions kept per process, the domain engine, and the HubSpot names
 * the Lead section shows (owner names, lead stage labels) when HubSpot is configured.
 */
export function storeCardPorts(
  store: Store,
  config: Pick<Config, 'hubspot'>,
  clock: CardPorts['clock'] = { now: Date.now },
  leadLookups?: CardLeadLookups,
): CardPorts {
  const staticPortalId = staticPortalOf(config);
  return {
    store,
    ...(staticPortalId === undefined ? {} : { staticPortalId }),
    approvedAgreement: approvedAgreements((portalId, version) => store.agreements.get(portalId, version)),
    engine: { qualify, renderReasons },
    clock,
    ...(leadLookups === undefined ? {} : { leadLookups }),
  };
}
