import { Router } from 'express';
import { z } from 'zod';
import { teamsResponseSchema, teamsSettingsSchema, type TeamsSettings } from '../../contracts/agreements';
import { connectionResponseSchema } from '../../contracts/connection';
import { currentJobResponseSchema } from '../../contracts/jobs';
import { propertiesResponseSchema } from '../../contracts/properties';
import { monthlyReportSchema, reportQuerySchema } from '../../contracts/report';
import { simulateRequestSchema, simulateResponseSchema } from '../../contracts/simulate';
import { AppError } from '../../errors/app-error';
import type { Store } from '../../store/create-store';
import { fromJson } from '../../store/json-column';
import { claimReceipt, requestKey } from '../../store/request-receipts';
import { validAgreement } from '../../use-cases/agreements/save-draft';
import { storedAgreement } from '../../use-cases/card/agreement-ref';
import { loadReportInput } from '../../use-cases/report/load-report-input';
import { monthlyReport } from '../../use-cases/report/monthly-report';
import { withOwnerNames } from '../../use-cases/report/with-owner-names';
import { ownerNames } from '../../use-cases/names/owner-names';
import { teamNames } from '../../use-cases/names/team-names';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';
import type { Logger } from '../../logger';
import { currentJob, SHOWN_JOB_TYPES } from './current-job';
import { GAVE_UP_SHOWN, GAVE_UP_SHOWN_MS, gaveUpJobs } from './gave-up-jobs';
import { parseInput } from './parse-input';
import { portalConnection } from './portal-connection';
import { portalProperties } from './portal-properties';
import { signedCaller } from './signed-caller';
import { simulateStored } from './simulate-stored';
import { teamsView } from './teams-view';

const teamIds = z.array(z.string());

/** The portal's team mapping (read without opening its tokens), or 404 when it never installed the app. */
async function teamsOf(store: Store, portalId: string): Promise<TeamsSettings> {
  const row = await store.ctx.db
    .selectFrom('installations')
    .select(['marketing_team_ids', 'sales_team_ids'])
    .where('portal_id', '=', portalId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'This portal has not installed Lead Pact yet.');
  return {
    marketingTeamIds: fromJson(teamIds, row.marketing_team_ids, 'installations.marketing_team_ids'),
    salesTeamIds: fromJson(teamIds, row.sales_team_ids, 'installations.sales_team_ids'),
  };
}

/** Teams, simulation, job progress, the monthly report and the property pickers of the settings page. */
export function settingsRouter(deps: {
  store: Store;
  clock: { now(): number };
  staticPortalId?: string;
  /** Each portal's HubSpot gateway (properties, team and owner names); absent when HubSpot is not configured. */
  gatewayFor?: (portalId: string) => Pick<HubSpotGateway, 'listProperties' | 'listTeams' | 'listOwners'>;
  logger?: Pick<Logger, 'warn'>;
}): Router {
  const { store, clock } = deps;
  const propertiesOf = portalProperties({ ...deps, now: () => clock.now() });
  const teamNamesOf = teamNames({ ...deps, now: () => clock.now() });
  const ownerNamesOf = ownerNames({ ...deps, now: () => clock.now() });
  /** The mapping with the portal's teams by name (ids when HubSpot's names cannot be read, and why). */
  const withNames = async (portalId: string, teams: TeamsSettings) =>
    teamsResponseSchema.parse(teamsView(teams, await teamNamesOf(portalId)));
  const router = Router();
  router.get('/api/settings/teams', async (_req, res) => {
    const { portalId } = signedCaller(res);
    res.json(await withNames(portalId, await teamsOf(store, portalId)));
  });
  router.put('/api/settings/teams', async (req, res) => {
    const caller = signedCaller(res);
    const { requestId, ...teams } = parseInput(teamsSettingsSchema, req.body, 'team mapping');
    const { portalId } = caller;
    await teamsOf(store, portalId);
    // Setting the same mapping twice changes nothing; a retried copy (same request id) does not even write.
    const key = requestKey(caller, 'settings.teams', requestId);
    await store.transaction(async (tx, ctx) => {
      const now = clock.now();
      if (key && !(await claimReceipt(ctx, key, now))) return;
      await tx.installations.setTeams(portalId, teams, now);
    });
    res.json(await withNames(portalId, teams));
  });
  router.post('/api/simulate', async (req, res) => {
    const { portalId } = signedCaller(res);
    const { agreement, month } = parseInput(simulateRequestSchema, req.body, 'simulation');
    const draft = validAgreement(agreement);
    const activeVersion = await store.agreements.getActive(portalId);
    const active = activeVersion ? storedAgreement(activeVersion) : null;
    const result = await simulateStored(store, { portalId, draft, active, month, now: clock.now() });
    res.json(simulateResponseSchema.parse(result));
  });
  router.get('/api/jobs/current', async (_req, res) => {
    const { portalId } = signedCaller(res);
    const now = clock.now();
    const running = currentJob(await store.jobs.current(portalId, SHOWN_JOB_TYPES), now);
    const dead = await store.jobs.deadSince(portalId, now - GAVE_UP_SHOWN_MS, GAVE_UP_SHOWN);
    res.json(currentJobResponseSchema.parse({ ...running, ...gaveUpJobs(dead) }));
  });
  router.get('/api/report', async (req, res) => {
    const { portalId } = signedCaller(res);
    const { month } = parseInput(reportQuerySchema.strip(), req.query, 'query');
    const source = (portal: string, m: string, now: number) => loadReportInput(store.ctx, portal, m, now);
    const report = await monthlyReport({ source, now: () => clock.now() }, portalId, month);
    res.json(monthlyReportSchema.parse(await withOwnerNames(report, (ids) => ownerNamesOf(portalId, ids))));
  });
  router.get('/api/settings/connection', async (_req, res) => {
    const { portalId } = signedCaller(res);
    res.json(connectionResponseSchema.parse(await portalConnection(store, portalId, deps.staticPortalId)));
  });
  router.get('/api/properties', async (_req, res) => {
    const { portalId } = signedCaller(res);
    res.json(propertiesResponseSchema.parse(await propertiesOf(portalId)));
  });
  return router;
}
