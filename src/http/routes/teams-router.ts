import { Router, type Response } from 'express';
import { teamsResponseSchema, teamsSettingsSchema, type TeamsResponse } from '../../contracts/agreements';
import { AppError } from '../../domain/app-error';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';
import { signedContext } from '../../hubspot/require-hubspot-signature';
import type { Logger } from '../../logger';
import { changeTeamMapping, type MappingChange } from '../../use-cases/agreements/change-team-mapping';
import type { AgreementPorts, SuperAdminLookup } from '../../use-cases/agreements/ports';
import { teamMappingHistory, type AuditReader } from '../../use-cases/agreements/team-mapping-history';
import { teamNames } from '../../use-cases/names/team-names';
import { parseInput } from './parse-input';
import type { ApplyOnce } from './request-once';
import { signedCaller, type Caller } from './signed-caller';
import { teamsEditing } from './teams-editing';
import { teamsView } from './teams-view';

/** What the team mapping routes are built from. */
export interface TeamsRouteDeps {
  ports: AgreementPorts;
  /** Runs the mapping change once per request id. */
  once: ApplyOnce<AgreementPorts>;
  clock: { now(): number };
  /** Who may change the mapping: HubSpot super admins. */
  superAdmins: SuperAdminLookup;
  audit: AuditReader;
  /** Each portal's HubSpot gateway, for the team names; absent when HubSpot is not configured. */
  gatewayFor?: (portalId: string) => Pick<HubSpotGateway, 'listTeams'>;
  logger?: Pick<Logger, 'warn'>;
}

/**
 * `GET|PUT /api/settings/teams`: which HubSpot teams are marketing and which sales. Anyone of the portal reads it (with
 * team names, whether they may change it, and who changed it when); only a HubSpot super admin changes it, applied
 * once per request id, pending proposals sent back (src/use-cases/agreements/change-team-mapping.ts).
 */
export function teamsRouter(deps: TeamsRouteDeps): Router {
  const { ports } = deps;
  const namesOf = teamNames({ ...deps, now: () => deps.clock.now() });
  const editingOf = teamsEditing(deps.superAdmins, deps.logger);
  const answer = async (res: Response, caller: Caller, sentBack?: number[]) => {
    const mapping = await ports.teams.teamMapping(caller.portalId);
    if (!mapping) throw new AppError('not_found', 'This portal has not installed Lead Pact yet.');
    const [names, editing, history] = await Promise.all([
      namesOf(caller.portalId),
      editingOf(caller),
      teamMappingHistory(deps.audit, caller.portalId),
    ]);
    const view: TeamsResponse = {
      ...teamsView(
        { marketingTeamIds: [...mapping.marketingTeamIds], salesTeamIds: [...mapping.salesTeamIds] },
        names,
      ),
      editing,
      history: history.map((change) => ({ ...change, at: new Date(change.at).toISOString() })),
      ...(sentBack ? { sentBack } : {}),
    };
    res.json(teamsResponseSchema.parse(view));
  };
  const router = Router();
  router.get('/api/settings/teams', async (_req, res) => answer(res, signedCaller(res)));
  router.put('/api/settings/teams', async (req, res) => {
    const caller = signedCaller(res);
    const { requestId, ...mapping } = parseInput(teamsSettingsSchema, req.body, 'team mapping');
    const actor = { userId: caller.userId, email: signedContext(res).userEmail ?? null };
    let change: MappingChange | undefined; // none for a retried copy: its first copy made the change
    await deps.once({ ...caller, route: 'settings.teams', requestId }, async (on) => {
      const input = { portalId: caller.portalId, actor, mapping };
      change = await changeTeamMapping({ ...on, admins: deps.superAdmins }, input);
    });
    await answer(res, caller, change?.changed ? change.sentBack : undefined);
  });
  return router;
}
