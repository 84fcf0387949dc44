import { Router, type RequestHandler } from 'express';
import type { Config } from '../config';
import { AppError } from '../domain/app-error';
import { requireHubSpotSignature } from '../hubspot/require-hubspot-signature';
import type { HubSpotGateway } from '../hubspot/hubspot-gateway';
import type { LeadsGateway } from '../hubspot/leads-gateway';
import type { Logger } from '../logger';
import type { Store } from '../store/create-store';
import type { SuperAdminLookup, UserTeamsLookup } from '../use-cases/agreements/ports';
import { storeAgreementPorts, type AgreementStore } from '../use-cases/agreements/store-ports';
import { applyOnceOnStore } from './apply-once-on-store';
import { staticPortalOf, storeCardPorts } from './store-card-ports';
import { simulatePortal, slicedSimulationRunner } from '../use-cases/simulate/simulate-portal';
import type { SimulateInput, SimulationRunner } from '../use-cases/simulate/simulation-ports';
import { apiBodyLimit } from '../http/routes/api-body-limits';
import { agreementsRouter } from '../http/routes/agreements-router';
import { cardRouter } from '../http/routes/card-router';
import { noHubSpotUsers } from '../http/routes/no-hubspot-users';
import { settingsRouter } from '../http/routes/settings-router';
import { teamsRouter } from '../http/routes/teams-router';
import { quizRouter } from '../http/routes/quiz-router';
import { ownerDirectory, ownerNames } from '../use-cases/names/owner-names';
import type { QuizPorts } from '../use-cases/quiz/quiz-ports';
import { leadStageLabels } from '../use-cases/names/lead-stage-labels';

/** What the card and settings API is built from. */
export interface ApiDeps {
  config: Pick<Config, 'hubspot' | 'publicBaseUrl'>;
  store: Store;
  /** A HubSpot user's team ids; decides which side (marketing, sales) they act for. */
  userTeams: UserTeamsLookup;
  /** Who may change which teams are marketing and sales: HubSpot super admins. Without it, nobody may. */
  superAdmins?: SuperAdminLookup;
  clock?: { now(): number };
  /** Each portal's HubSpot gateway, for its property list and team and owner names; absent when HubSpot is not configured. */
  gatewayFor?: (portalId: string) => Pick<HubSpotGateway, 'listProperties' | 'listTeams' | 'listOwners'>;
  logger?: Pick<Logger, 'warn'>;
  /** Each portal's Leads gateway, for the card's lead stage labels; absent: default stages in the card's words. */
  leadsGatewayFor?: (portalId: string, signal?: AbortSignal) => Pick<LeadsGateway, 'listLeadStages'>;
  /** Where simulations run: a worker thread in the compiled service; default the calling thread, in time slices. */
  simulationRunner?: SimulationRunner;
}

/**
 * Every `/api/*` request must carry HubSpot's signature, over a body no larger than its route takes (api-body-limits);
 * without a client secret and public URL none can.
 */
function signatureCheck(config: ApiDeps['config']): RequestHandler {
  const { clientSecret } = config.hubspot;
  if (!clientSecret || !config.publicBaseUrl) {
    return () => {
      throw new AppError(
        'unavailable',
        'Signed requests cannot be checked: set HUBSPOT_CLIENT_SECRET and PUBLIC_BASE_URL.',
      );
    };
  }
  return requireHubSpotSignature({
    clientSecret,
    publicBaseUrl: config.publicBaseUrl,
    maxBodyBytes: apiBodyLimit,
  });
}

/** The card and settings API (`/api/*`), behind the HubSpot signature check, portal and user from the signed URL. */
export function apiRouters(deps: ApiDeps): RequestHandler[] {
  const clock = deps.clock ?? { now: Date.now };
  const router = Router();
  router.use('/api', signatureCheck(deps.config));
  const portsOn = (store: AgreementStore) => storeAgreementPorts(store, { userTeams: deps.userTeams, clock });
  const agreements = { ports: portsOn(deps.store), once: applyOnceOnStore(deps.store, portsOn, clock) };
  // The card's Lead section names the Lead's owner and the portal's own stages (each cached per portal).
  const leadLookups = {
    ownerNames: ownerNames({ ...deps, now: () => clock.now() }),
    leadStageLabels: leadStageLabels({ ...deps, now: () => clock.now() }),
  };
  router.use(cardRouter(storeCardPorts(deps.store, deps.config, clock, leadLookups)));
  router.use(agreementsRouter(agreements));
  const quizOn = (store: Store): QuizPorts => ({
    store,
    userTeams: deps.userTeams,
    clock,
    agreements: portsOn(store),
  });
  // Quiz participants by name: HubSpot user ids through the owners list (owners carry their userId).
  const { userNames } = ownerDirectory({ ...deps, now: () => clock.now() });
  router.use(
    quizRouter({ ports: quizOn(deps.store), once: applyOnceOnStore(deps.store, quizOn, clock), userNames }),
  );
  const { gatewayFor, logger } = deps;
  const superAdmins = deps.superAdmins ?? noHubSpotUsers;
  const audit = deps.store.audit;
  router.use(teamsRouter({ ...agreements, clock, superAdmins, audit, gatewayFor, logger }));
  const staticPortalId = staticPortalOf(deps.config);
  const runner = deps.simulationRunner ?? slicedSimulationRunner(deps.store.contactBatches);
  const simulate = (input: SimulateInput) => simulatePortal({ contacts: deps.store.contacts, runner }, input);
  router.use(settingsRouter({ store: deps.store, clock, simulate, gatewayFor, logger, staticPortalId }));
  return [router];
}
