import express, { type Express } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountRoutes } from './account-routes';
import { adminRoutes } from './admin-routes';
import { batchRoutes } from './batch-routes';
import { FailurePlan } from './failure-plan';
import { generateSeed } from './generate-seed';
import { sendHubSpotError } from './hubspot-error-body';
import { leadAdminRoutes } from './lead-admin-routes';
import { leadPropertyRoutes } from './lead-property-routes';
import { leadRoutes } from './lead-routes';
import { limitsMiddleware } from './limits-middleware';
import type { StandinOAuthClient } from './oauth-form-guard';
import { oauthRoutes } from './oauth-routes';
import { propertyRoutes } from './property-routes';
import type { StandinLanguage } from './standard-properties';
import { queryRoutes } from './query-routes';
import { requestLog } from './request-log';
import { createStandinState, type StandinSeed, type StandinState } from './standin-state';
import { userRoutes } from './user-routes';
import { WebhookSender, type WebhookTarget } from './webhook-sender';
import { workflowCallbackAdminRoutes, workflowCallbackRoutes } from './workflow-callback-routes';

export interface StandinOptions {
  seed?: StandinSeed;
  /** Requests per token per rolling 10 s (HubSpot private apps: 100). */
  perTenSeconds?: number;
  daily?: number;
  failureRate?: number;
  /** Search requests per token per second (HubSpot: 5). */
  searchPerSecond?: number;
  portalId?: number;
  /** The OAuth app's credentials the token endpoints accept (any non-empty pair when unset). */
  oauthClient?: StandinOAuthClient;
  /** The account's time zone setting, served by the account-info API (default Asia/Tokyo). */
  timeZone?: string;
  /** The account's language: HubSpot-defined property labels and option labels come in it (default en). */
  language?: StandinLanguage;
  /**
   * When set, `POST /__standin/contacts/:id` sends HubSpot's signed webhook events to the app, and so does every
   * Lead stage change (API writes as `INTEGRATION`, `POST /__standin/leads/:id/stage` as a rep's `CRM_UI`).
   */
  webhook?: Omit<WebhookTarget, 'portalId'>;
  random?: () => number;
  now?: () => number;
}

export interface Standin {
  app: Express;
  state: StandinState;
  /** Starts listening (port 0 picks a free one); resolves with the base URL and a close function. */
  listen(port?: number, host?: string): Promise<{ url: string; server: Server; close: () => Promise<void> }>;
}

/** A local HubSpot API stand-in for end-to-end tests and benchmarks (a test double, not HubSpot). */
export function createStandin(options: StandinOptions = {}): Standin {
  const now = options.now ?? Date.now;
  const state = createStandinState(options.seed ?? generateSeed({ contacts: 100 }), now());
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(state, now));
  const plan = new FailurePlan();
  const portalId = options.portalId ?? 62515;
  const sender = options.webhook ? new WebhookSender({ ...options.webhook, portalId }) : undefined;
  app.use(adminRoutes(state, now, { sender, plan }));
  app.use(leadAdminRoutes(state, now, portalId, sender));
  app.use(workflowCallbackAdminRoutes(state, now));
  const oauth = { portalId, appId: 456789, expiresIn: 1800, client: options.oauthClient, now };
  app.use(oauthRoutes(state, oauth));
  // Every HubSpot API route needs a token and counts against the portal's limits.
  app.use(
    ['/crm', '/settings', '/account-info', '/automation'],
    limitsMiddleware(state, {
      perTenSeconds: options.perTenSeconds ?? 100,
      daily: options.daily,
      failureRate: options.failureRate ?? 0,
      searchPerSecond: options.searchPerSecond ?? 5,
      random: options.random ?? Math.random,
      now,
      plan,
    }),
  );
  app.use(express.json({ limit: '5mb' }));
  app.use(accountRoutes({ portalId, timeZone: options.timeZone ?? 'Asia/Tokyo' }));
  app.use(
    batchRoutes(state, now, portalId),
    queryRoutes(state),
    propertyRoutes(state, options),
    userRoutes(state),
    leadRoutes(state, now, portalId, sender),
    leadPropertyRoutes(state),
    workflowCallbackRoutes(state, now),
  );
  app.use((_req, res) => sendHubSpotError(res, 404, 'Not found', 'OBJECT_NOT_FOUND'));
  return {
    app,
    state,
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        const server = app.listen(port, host);
        server.once('error', reject);
        server.once('listening', () => {
          const { port: actual } = server.address() as AddressInfo;
          const close = () => new Promise<void>((done) => server.close(() => done()));
          resolve({ url: `http://${host}:${actual}`, server, close });
        });
      }),
  };
}
