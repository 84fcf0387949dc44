import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Config } from '../../config';
import { AppError } from '../../domain/app-error';
import { requireHubSpotSignature } from '../../hubspot/require-hubspot-signature';
import {
  answerWorkflowAction,
  type WorkflowActionPorts,
} from '../../use-cases/workflow-action/qualify-enrolled-contact';
import { callbackIdSchema } from '../../use-cases/workflow-action/workflow-action-jobs';
import { parseInput } from './parse-input';

/** Where HubSpot posts executions of "Qualify with Lead Pact" (the action's `actionUrl` is BACKEND_URL + this). */
export const WORKFLOW_ACTION_PATH = '/workflow-actions/qualify';

/**
 * An execution request is a callback id, its origin and context ids, the enrolled object and the action's input
 * fields (it has none): a few hundred bytes. 64 KB leaves room for enrolled-object properties HubSpot may add.
 */
export const WORKFLOW_ACTION_BODY_MAX_BYTES = 64 * 1024;

/**
 * How long the action's answer waits for a verdict before it blocks the enrollment instead. HubSpot's custom action
 * docs give no figure for their request timeout; HubSpot's webhook action waits 30 s for an answer
 * (https://legacydocs.hubspot.com/docs/methods/workflows/webhook_information) and retries on 5xx and 429 only.
 * Five seconds is far inside either; a stored contact is answered in milliseconds.
 */
export const WORKFLOW_ACTION_DEADLINE_MS = 5_000;

const idSchema = z.union([z.number().int().positive(), z.string().regex(/^\d{1,20}$/)]).transform(String);

/**
 * The execution request (custom workflow action reference, "Example function" input,
 * https://developers.hubspot.com/docs/api-reference/automation-actions-v4-v4/custom-action-reference): the action
 * is declared for contacts only (`objectTypes: ["CONTACT"]`), so any other enrolled object is refused by name.
 * The portal is the signed body's `origin.portalId`: the whole body is under the signature.
 */
const executionSchema = z
  .object({
    callbackId: callbackIdSchema,
    origin: z.object({ portalId: idSchema }).loose(),
    object: z.object({ objectId: idSchema, objectType: z.literal('CONTACT') }).loose(),
    inputFields: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();

/** What the action's endpoint is built from. */
export interface WorkflowActionDeps {
  config: Pick<Config, 'hubspot' | 'publicBaseUrl'>;
  ports: WorkflowActionPorts;
  /** WORKFLOW_ACTION_DEADLINE_MS unless a test says otherwise. */
  deadlineMs?: number;
  /** Clock of the signature's 5-minute window; injectable for tests. */
  now?: () => number;
}

/**
 * Without a client secret and public URL no execution can be verified: each is refused (HubSpot retries a 503).
 * This is the one route that also takes a v2-only signature (see workflowActionRouter); every other stays v3-only.
 */
function signatureCheck(deps: WorkflowActionDeps): RequestHandler {
  const { clientSecret } = deps.config.hubspot;
  const { publicBaseUrl } = deps.config;
  if (!clientSecret || !publicBaseUrl) {
    return () => {
      throw new AppError(
        'unavailable',
        'Workflow actions cannot be verified: set HUBSPOT_CLIENT_SECRET and PUBLIC_BASE_URL.',
      );
    };
  }
  return requireHubSpotSignature({
    clientSecret,
    publicBaseUrl,
    maxBodyBytes: WORKFLOW_ACTION_BODY_MAX_BYTES,
    acceptV2: true,
    ...(deps.now ? { now: deps.now } : {}),
  });
}

/**
 * `POST /workflow-actions/qualify`, HubSpot's call when a workflow reaches "Qualify with Lead Pact":
 * - 401 unless the raw body's signature is valid, checked before the body is parsed:
 *   - with `X-HubSpot-Signature-v3` + `X-HubSpot-Request-Timestamp`, the v3 signature (base64 HMAC-SHA256 of
 *     method + URI + body + timestamp, 5-minute window): HubSpot adds these headers to its outgoing requests to
 *     OAuth apps, prior versions still included
 *     (https://developers.hubspot.com/changelog/introducing-version-3-of-webhook-signatures);
 *   - with no v3 header and `X-HubSpot-Signature-Version: v2`, the v2 `X-HubSpot-Signature` (hex SHA-256 of
 *     client secret + method + URI + body): "Requests made for your custom action will use the v2 version of the
 *     X-HubSpot-Signature" (https://developers.hubspot.com/docs/api-reference/automation-actions-v4-v4/custom-action-guide;
 *     recipe: https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation).
 *     v2 has no timestamp, so a captured request verifies forever; a replay does no harm because an execution is
 *     applied once per callbackId (the card's request receipt, kept a day; past it, a replay re-scores the contact
 *     as of now, as the nightly rescore would, and writes only what changed);
 *   - anything else (unsigned, v1, a malformed v2) is refused before its body is read; a signature of other
 *     bytes (v3 or v2) after reading it, never parsed;
 * - 400 naming the field for a malformed execution; 403 for a portal that never installed Lead Pact;
 * - 200 `{outputFields: {tier, grade, score, stage, route, hs_execution_state: "SUCCESS"}}` with the verdict;
 * - 200 `{outputFields: {hs_execution_state: "FAIL_CONTINUE", errorCode}}` when the contact cannot be scored (no
 *   approved agreement, contact gone, access lost): the workflow goes on and its history shows the action's message;
 * - 200 `{outputFields: {hs_execution_state: "BLOCK", hs_expiration_duration}}` when HubSpot must be read first and
 *   is slow or rate limited: a job scores the contact and completes HubSpot's callback.
 */
export function workflowActionRouter(deps: WorkflowActionDeps): Router {
  const deadlineMs = deps.deadlineMs ?? WORKFLOW_ACTION_DEADLINE_MS;
  const router = Router();
  router.post(WORKFLOW_ACTION_PATH, signatureCheck(deps), async (req, res) => {
    const execution = parseInput(executionSchema, req.body, 'workflow action execution');
    const enrolled = {
      portalId: execution.origin.portalId,
      contactId: execution.object.objectId,
      callbackId: execution.callbackId,
    };
    const verdict = await answerWorkflowAction(deps.ports, enrolled, { deadlineMs });
    if (verdict.kind === 'unknown_portal')
      throw new AppError('forbidden', 'This HubSpot account has not installed Lead Pact.');
    res.json({ outputFields: verdict.outputFields });
  });
  return router;
}
