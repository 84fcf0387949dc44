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

/** The key a HubSpot user's name is kept under, beside the owner ids (digits) in the same list. */
const userKey = (userId: string) => `user:${userId}`;

/** Every owner's name by owner id, and by HubSpot user id under `userKey` (one read of the list serves both). */
async function allOwners(gateway: Pick<HubSpotGateway, 'listOwners'>, archived: boolean) {
  const names = new Map<string, string>();
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const read = await gateway.listOwners(after, archived);
    for (const owner of read.owners) {
      const name = ownerName(owner);
      if (!name) continue;
      names.set(owner.id, name);
      if (owner.userId) names.set(userKey(owner.userId), name);
    }
    if (!read.after || read.after === after) break;
    after = read.after;
  }
  return names;
}

/** Only the asked keys' names, under the ids they were asked by. */
function picked(all: Names, ids: readonly string[], key: (id: string) => string): Names {
  const names = new Map<string, string>();
  for (const id of ids) {
    const name = all.names.get(key(id));
    if (name !== undefined) names.set(id, name);
  }
  return { names, status: all.status };
}

/** Names from HubSpot's owners list, by owner id (who owns a contact) or by HubSpot user id (who answered a quiz). */
export interface OwnerDirectory {
  ownerNames(portalId: string, ownerIds: readonly string[]): Promise<Names>;
  /**
   * HubSpot user ids (the signed requests', the quiz's) to the names of their owners: `GET /crm/v3/owners` gives each
   * owner its `userId` ("the ID of the user ... used to specify users in the settings API";
   * https://developers.hubspot.com/docs/api-reference/crm-crm-owners-v3/guide). A user HubSpot has no owner for
   * keeps no name.
   */
  userNames(portalId: string, userIds: readonly string[]): Promise<Names>;
}

/**
 * Owner names from HubSpot's active owners, then, for ids not among them, from the archived ones (users since
 * deactivated still own old leads and answered old quiz rounds). Both lists are cached per portal and serve both
 * lookups. When the active list cannot be read, no names and the reason; an id HubSpot does not know keeps no name.
 */
export function ownerDirectory(deps: OwnerNamesDeps): OwnerDirectory {
  const { gatewayFor } = deps;
  if (!gatewayFor) {
    const none: Names = {
      names: new Map(),
      status: { source: 'ids', reason: 'not_configured', scope: OWNERS_SCOPE },
    };
    return { ownerNames: async () => none, userNames: async () => none };
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
  const lookup = async (portalId: string, ids: readonly string[], key: (id: string) => string) => {
    const current = await active(portalId);
    if (current.status.source !== 'hubspot' || ids.every((id) => current.names.has(key(id))))
      return picked(current, ids, key);
    const former = await archived(portalId);
    const both = { names: new Map([...former.names, ...current.names]), status: current.status };
    return picked(both, ids, key);
  };
  return {
    ownerNames: (portalId, ids) => lookup(portalId, ids, (id) => id),
    userNames: (portalId, ids) => lookup(portalId, ids, userKey),
  };
}

/** The names of the owners with the given ids (see `ownerDirectory`). */
export function ownerNames(
  deps: OwnerNamesDeps,
): (portalId: string, ids: readonly string[]) => Promise<Names> {
  return ownerDirectory(deps).ownerNames;
}
