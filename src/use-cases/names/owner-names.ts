import type { HubSpotGateway, HubSpotOwner } from '../../hubspot/hubspot-gateway';
import type { Logger } from '../../logger';
import { cachedNames, type Names } from './cached-names';
import { NAMES_FAILURE_TTL_MS } from './team-names';

/** The scope `GET /crm/v3/owners` needs. */
export const OWNERS_SCOPE = 'crm.objects.owners.read';
/** Owners change when users join or leave; a report view should not page through them every time. */
export const OWNER_NAMES_TTL_MS = 10 * 60_000;
/** Pages read at most per list (100 owners each): far beyond any portal's users, and a bound on a looping cursor. */
const MAX_PAGES = 100;

/** What owner names are read with; without a gateway (HubSpot not configured) there are none. */
export interface OwnerNamesDeps {
  gatewayFor?: (portalId: string) => Pick<HubSpotGateway, 'listOwners'>;
  logger?: Pick<Logger, 'warn'>;
  now?: () => number;
}

/** "First Last", else the email; null when HubSpot has neither. */
export function ownerName(owner: HubSpotOwner): string | null {
  const full = [owner.firstName, owner.lastName].filter((part) => part?.trim()).join(' ');
  return full || owner.email || null;
}

async function allOwners(gateway: Pick<HubSpotGateway, 'listOwners'>, archived: boolean) {
  const names = new Map<string, string>();
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const read = await gateway.listOwners(after, archived);
    for (const owner of read.owners) {
      const name = ownerName(owner);
      if (name) names.set(owner.id, name);
    }
    if (!read.after || read.after === after) break;
    after = read.after;
  }
  return names;
}

/**
 * The names of the owners with the given ids, from HubSpot's active owners, then, for ids not among them, from the
 * archived ones (users since deactivated still own old leads). Both lists are cached per portal. When the active
 * list cannot be read, no names and the reason; an id HubSpot does not know keeps no name.
 */
export function ownerNames(
  deps: OwnerNamesDeps,
): (portalId: string, ids: readonly string[]) => Promise<Names> {
  const { gatewayFor } = deps;
  if (!gatewayFor) {
    const none: Names = {
      names: new Map(),
      status: { source: 'ids', reason: 'not_configured', scope: OWNERS_SCOPE },
    };
    return async () => none;
  }
  const options = {
    scope: OWNERS_SCOPE,
    ttlMs: OWNER_NAMES_TTL_MS,
    failureTtlMs: NAMES_FAILURE_TTL_MS,
    now: deps.now ?? Date.now,
    logger: deps.logger,
  };
  const active = cachedNames((portalId) => allOwners(gatewayFor(portalId), false), {
    ...options,
    what: 'owners',
  });
  const archived = cachedNames((portalId) => allOwners(gatewayFor(portalId), true), {
    ...options,
    what: 'archived owners',
  });
  return async (portalId, ids) => {
    const current = await active(portalId);
    if (current.status.source !== 'hubspot' || ids.every((id) => current.names.has(id))) return current;
    const former = await archived(portalId);
    return { names: new Map([...former.names, ...current.names]), status: current.status };
  };
}
