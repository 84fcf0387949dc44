import type { Client } from '@hubspot/api-client';
import { HUBSPOT_BATCH_LIMIT, type OwnersPage } from './hubspot-gateway';
import { translateHubSpotError } from './translate-hubspot-error';

const userIdOf = (id: number | undefined): string | null => (id === undefined ? null : String(id));

/**
 * One page of `GET /crm/v3/owners` (scope `crm.objects.owners.read`), 100 owners at most, `after` set while more
 * follow. HubSpot lists active owners, or with `archived` those of deactivated users, whose ids old contacts
 * still carry in `hubspot_owner_id`.
 */
export async function listOwners(
  client: Client,
  after: string | undefined,
  archived: boolean,
): Promise<OwnersPage> {
  const response = await client.crm.owners.ownersApi
    .getPage(undefined, after, HUBSPOT_BATCH_LIMIT, archived)
    .catch((error: unknown) => {
      throw translateHubSpotError(error, 'Listing the HubSpot owners');
    });
  const page: OwnersPage = {
    owners: response.results.map((owner) => ({
      id: String(owner.id),
      firstName: owner.firstName ?? null,
      lastName: owner.lastName ?? null,
      email: owner.email ?? null,
      archived: Boolean(owner.archived),
      // The HubSpot user behind the owner (the id signed requests and the settings API use); a deactivated user's
      // owner has only `userIdIncludingInactive`. https://developers.hubspot.com/docs/api-reference/crm-crm-owners-v3/guide
      userId: userIdOf(owner.userId ?? owner.userIdIncludingInactive),
      // Each owner's teams (`teams: [{id, name, primary}]`), as the owners API lists them when the account has teams.
      // https://developers.hubspot.com/docs/api-reference/legacy/crm/owners/get-owner
      teamIds: (owner.teams ?? []).map((team) => String(team.id)),
    })),
  };
  const next = response.paging?.next?.after;
  if (next) page.after = next;
  return page;
}
