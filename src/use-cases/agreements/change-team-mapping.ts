import { AppError, isAppError } from '../../domain/app-error';
import type {
  AgreementPorts,
  AgreementVersion,
  SuperAdminLookup,
  TeamMapping,
  TransactionalPorts,
} from './ports';
import { sameTeamMapping } from './same-team-mapping';
import { MAPPING_CHANGED_ACTION } from './team-mapping-history';

/** Why a change of mapping sends pending proposals back: the audit's reason. */
export const MAPPING_CHANGED_REASON = 'team mapping changed';
/** The comment on a proposal a change of mapping sent back (the settings page recognises it and says it in words). */
export const MAPPING_CHANGED_COMMENT =
  'Team mapping changed while this version waited for review; propose it again so the other side reviews it under the new mapping.';
/** The one plain answer to anyone else who tries. */
export const ONLY_SUPER_ADMINS =
  "Only a HubSpot super admin of this portal can change which teams count as marketing and sales. Ask one of your account's super admins (HubSpot: Settings > Users & Teams).";

/** What a change did: the mapping before and after, and the proposals it sent back. */
export interface MappingChange {
  changed: boolean;
  before: TeamMapping;
  after: TeamMapping;
  sentBack: number[];
}

/** Each team once, in the order given; a team on both sides is refused with the field to fix. */
function cleaned(mapping: TeamMapping): TeamMapping {
  const marketingTeamIds = [...new Set(mapping.marketingTeamIds)];
  const salesTeamIds = [...new Set(mapping.salesTeamIds)];
  const both = salesTeamIds.filter((id) => marketingTeamIds.includes(id));
  if (both.length > 0) {
    throw new AppError('invalid_input', 'A team cannot be on both sides.', [
      { path: 'salesTeamIds', message: `team ${both.join(', ')} is also a marketing team` },
    ]);
  }
  return { marketingTeamIds, salesTeamIds };
}

/**
 * Whether HubSpot says the user is a super admin. When HubSpot cannot say (the app lacks `settings.users.read`, or
 * HubSpot is down), the mapping stays as it is and the answer says why in words.
 */
async function superAdmin(admins: SuperAdminLookup, portalId: string, userId: string): Promise<boolean> {
  try {
    return await admins.isSuperAdmin(portalId, userId);
  } catch (error) {
    if (isAppError(error, 'forbidden') || isAppError(error, 'unauthorized')) {
      throw new AppError(
        'forbidden',
        "Lead Pact may not read this portal's HubSpot users (scope settings.users.read), so it cannot tell who is a super admin and the team mapping stays as it is. A super admin can reinstall the app to grant it.",
        [],
        { cause: error },
      );
    }
    throw new AppError(
      'unavailable',
      'HubSpot could not say whether you are a super admin of this portal, so the team mapping stays as it is; try again in a minute.',
      [],
      { cause: error },
    );
  }
}

/**
 * A HubSpot super admin (asked of HubSpot each time) says which teams are marketing and which are sales, the first
 * mapping of a portal included. The change, who made it and the mapping before and after are audited, and every
 * pending proposal is sent back in the same transaction: a proposal is reviewed under the mapping it was proposed
 * under, never handed to the proposer's own side by a new one. The same mapping again changes nothing.
 */
export async function changeTeamMapping(
  ports: AgreementPorts & { admins: SuperAdminLookup },
  input: { portalId: string; actor: { userId: string; email: string | null }; mapping: TeamMapping },
): Promise<MappingChange> {
  const { portalId, actor } = input;
  const after = cleaned(input.mapping);
  if (!(await ports.teams.teamMapping(portalId))) {
    throw new AppError('not_found', 'This portal has not installed Lead Pact yet.');
  }
  if (!(await superAdmin(ports.admins, portalId, actor.userId)))
    throw new AppError('forbidden', ONLY_SUPER_ADMINS);
  const now = ports.clock.now();
  return ports.transaction(async (tx) => {
    await tx.versions.lockPortal(portalId);
    const before = await tx.mapping.teamMapping(portalId);
    if (!before) throw new AppError('not_found', 'This portal has not installed Lead Pact yet.');
    if (sameTeamMapping(before, after)) return { changed: false, before, after: before, sentBack: [] };
    await tx.mapping.setTeamMapping(portalId, after, now);
    const pending = await tx.versions.list(portalId, { statuses: ['proposed'] });
    const sentBack = pending.map((v) => v.version).sort((a, b) => a - b);
    await tx.audit.record({
      portalId,
      actor: actor.userId,
      action: MAPPING_CHANGED_ACTION,
      details: { email: actor.email, before, after, sentBack },
      at: now,
    });
    for (const proposed of pending) await sendBack(tx, proposed, actor.userId, now);
    return { changed: true, before, after, sentBack };
  });
}

/** Sends a proposal back because the mapping changed under it, audited. */
async function sendBack(tx: TransactionalPorts, proposed: AgreementVersion, userId: string, now: number) {
  await tx.versions.save({
    ...proposed,
    status: 'sent_back',
    sentBackBy: userId,
    sentBackAt: now,
    sentBackComment: MAPPING_CHANGED_COMMENT,
  });
  await tx.audit.record({
    portalId: proposed.portalId,
    actor: userId,
    action: 'agreement.sent_back',
    details: {
      version: proposed.version,
      side: null,
      reason: MAPPING_CHANGED_REASON,
      comment: MAPPING_CHANGED_COMMENT,
    },
    at: now,
  });
}
