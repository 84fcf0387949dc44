import { Router } from 'express';
import { connectionResponseSchema } from '../../contracts/connection';
import { currentJobResponseSchema } from '../../contracts/jobs';
import { propertiesResponseSchema } from '../../contracts/properties';
import { monthlyReportSchema, reportQuerySchema } from '../../contracts/report';
import {
  simulateRequestSchema,
  simulateResponseSchema,
  type SimulateResponse,
} from '../../contracts/simulate';
import type { SimulateInput } from '../../use-cases/simulate/simulation-ports';
import { validAgreement } from '../../use-cases/agreements/save-draft';
import { loadReportInput } from '../../use-cases/report/load-report-input';
import { monthlyReport } from '../../use-cases/report/monthly-report';
import { withOwnerNames } from '../../use-cases/report/with-owner-names';
import { latestQuizAgreement } from '../../use-cases/quiz/latest-quiz-agreement';
import type { QuizStore } from '../../use-cases/quiz/quiz-ports';
import { ownerNames } from '../../use-cases/names/owner-names';
import { portalConnection } from '../../use-cases/install/portal-connection';
import type { AgreementVersionsPort } from '../../use-cases/ports/agreement-versions';
import type { InstallationsPort } from '../../use-cases/ports/installations';
import type { JobsPort } from '../../use-cases/ports/jobs';
import type { ReportStore } from '../../use-cases/report/report-ports';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';
import type { Logger } from '../../logger';
import { currentJob, SHOWN_JOB_TYPES } from './current-job';
import { GAVE_UP_SHOWN, GAVE_UP_SHOWN_MS, gaveUpJobs } from './gave-up-jobs';
import { parseInput } from './parse-input';
import { portalProperties, type PortalPropertiesDeps } from './portal-properties';
import { signedCaller } from './signed-caller';

/** What the settings page's routes read: the store implements it. */
export type SettingsStore = ReportStore &
  PortalPropertiesDeps['store'] &
  Pick<QuizStore, 'quizRounds' | 'quizLeads' | 'quizAnswers'> & {
    agreements: Pick<AgreementVersionsPort, 'active' | 'get'>;
    jobs: Pick<JobsPort, 'current' | 'deadSince'>;
    installations: Pick<InstallationsPort, 'state'>;
  };

/** Simulation, job progress, the monthly report and the property pickers of the settings page. */
export function settingsRouter(deps: {
  store: SettingsStore;
  clock: { now(): number };
  /** Runs a simulation within its budget (use-cases/simulate/simulate-portal). */
  simulate: (input: SimulateInput) => Promise<SimulateResponse>;
  staticPortalId?: string;
  /** Each portal's HubSpot gateway (properties, team and owner names); absent when HubSpot is not configured. */
  gatewayFor?: (portalId: string) => Pick<HubSpotGateway, 'listProperties' | 'listTeams' | 'listOwners'>;
  logger?: Pick<Logger, 'warn'>;
}): Router {
  const { store, clock } = deps;
  const propertiesOf = portalProperties({ ...deps, now: () => clock.now() });
  const ownerNamesOf = ownerNames({ ...deps, now: () => clock.now() });
  const router = Router();
  router.post('/api/simulate', async (req, res) => {
    const { portalId } = signedCaller(res);
    const { agreement, month } = parseInput(simulateRequestSchema, req.body, 'simulation');
    const draft = validAgreement(agreement);
    const active = (await store.agreements.active(portalId))?.body ?? null;
    const result = await deps.simulate({ portalId, draft, active, month, now: clock.now() });
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
    const source = (portal: string, m: string, now: number) => loadReportInput(store, portal, m, now);
    const report = await monthlyReport({ source, now: () => clock.now() }, portalId, month);
    const named = await withOwnerNames(report, (ids) => ownerNamesOf(portalId, ids));
    // The latest closed calibration quiz round beside the month's figures (its words: src/domain/i18n quiz.*).
    const quiz = await latestQuizAgreement(store, portalId, month, report.timezone);
    res.json(monthlyReportSchema.parse(quiz === null ? named : { ...named, quiz }));
  });
  router.get('/api/settings/connection', async (_req, res) => {
    const { portalId } = signedCaller(res);
    const connection = portalConnection(
      await store.installations.state(portalId),
      portalId === deps.staticPortalId,
    );
    res.json(connectionResponseSchema.parse(connection));
  });
  router.get('/api/properties', async (_req, res) => {
    const { portalId } = signedCaller(res);
    res.json(propertiesResponseSchema.parse(await propertiesOf(portalId)));
  });
  return router;
}
