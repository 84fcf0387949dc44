import { Router, type RequestHandler } from 'express';
import type { Config } from '../../config';
import { AppError } from '../../domain/app-error';
import { requireHubSpotSignature } from '../../hubspot/require-hubspot-signature';
import { parseWebhookEvents } from '../../hubspot/webhook-events';
import type { Logger } from '../../logger';
import type { ReceiveWebhookStore } from '../../use-cases/intake/intake-ports';
import { receiveWebhookEvents } from '../../use-cases/intake/receive-webhook-events';

/** The path HubSpot posts webhook deliveries to (the `targetUrl` of the webhooks config). */
export const WEBHOOK_PATH = '/webhooks/hubspot';

/**
 * A delivery holds at most 100 events of ~400 bytes (35 KB); the properties subscribed to are short single-line
 * values. 1 MB leaves ~10 KB per event and matches HubSpot's own request payload cap.
 */
export const WEBHOOK_BODY_MAX_BYTES = 1024 * 1024;

/** What the webhook endpoint is built from. */
export interface WebhooksDeps {
  config: Pick<Config, 'hubspot' | 'publicBaseUrl'>;
  store: ReceiveWebhookStore;
  logger: Pick<Logger, 'info'>;
  clock?: { now(): number };
}

/** Without a client secret and public URL no delivery can be verified: every one is refused (HubSpot retries). */
function signatureCheck(config: WebhooksDeps['config'], now: () => number): RequestHandler {
  const { clientSecret } = config.hubspot;
  if (!clientSecret || !config.publicBaseUrl) {
    return () => {
      throw new AppError(
        'unavailable',
        'Webhooks cannot be verified: set HUBSPOT_CLIENT_SECRET and PUBLIC_BASE_URL.',
      );
    };
  }
  return requireHubSpotSignature({
    clientSecret,
    publicBaseUrl: config.publicBaseUrl,
    now,
    maxBodyBytes: WEBHOOK_BODY_MAX_BYTES,
  });
}

/** In static-token mode the service serves one portal; events of any other are not stored. */
function portalFilter(config: WebhooksDeps['config']): ((portalId: string) => boolean) | undefined {
  const only = config.hubspot.clientId === undefined ? config.hubspot.portalId : undefined;
  return only === undefined ? undefined : (portalId) => portalId === String(only);
}

/**
 * `POST /webhooks/hubspot`: 401 unless signed by HubSpot, 400 with paths for a malformed body,
 * otherwise the events are stored (deduplicated) and queued for processing before the 200.
 * No HubSpot call happens here.
 */
export function webhooksRouter(deps: WebhooksDeps): Router {
  const now = deps.clock?.now.bind(deps.clock) ?? Date.now;
  const servesPortal = portalFilter(deps.config);
  const router = Router();
  router.post(WEBHOOK_PATH, signatureCheck(deps.config, now), async (req, res) => {
    const { events, ignored } = parseWebhookEvents(req.body);
    const result = await receiveWebhookEvents(deps.store, events, { now: now(), servesPortal });
    deps.logger.info({ ...result, ignored }, 'webhook delivery stored');
    res.json({ ...result, ignored });
  });
  return router;
}
