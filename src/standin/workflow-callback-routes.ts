import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { sendHubSpotError } from './hubspot-error-body';
import { requireScope } from './scope-guard';
import type { StandinState } from './standin-state';
import type { StandinWorkflowCallback } from './workflow-callback-state';

/*
 * HubSpot's callback completion for blocked custom workflow action executions, and what the stand-in holds of it.
 *
 * Documented (the stand-in follows it):
 * - `POST /automation/actions/callbacks/2026-03/{callbackId}/complete`, body `CallbackCompletionRequest`
 *   `{outputFields: {[name]: string}, typedOutputs: {}, failureReasonType?, requestContext?}` with `outputFields` and
 *   `typedOutputs` required, answer 204 with no body, any error the standard `Error` body
 *   `{category, correlationId, message, context?, errors?, links?, subCategory?}`:
 *   https://developers.hubspot.com/docs/api-reference/2026-03/automation/workflow-actions/callbacks/complete-callback
 *   and HubSpot's OpenAPI file for it,
 *   https://github.com/HubSpot/HubSpot-public-api-spec-collection/blob/main/PublicApiSpecs/Automation/Actions%20V4/Rollouts/148901/2026-03/actionsV4.json
 *   (`CallbackCompletionRequest`, `Error`).
 * - OAuth: that file names the internal scope `workflows-access`; the scope an app requests for it is `automation`
 *   (custom workflow action reference, "Scope requirements",
 *   https://developers.hubspot.com/docs/api-reference/latest/automation/workflow-actions/custom-action-reference;
 *   the v4 workflows API names `automation` for OAuth and private apps,
 *   https://developers.hubspot.com/docs/api/automation/workflows). A token without it is refused 403
 *   `MISSING_SCOPES` as every other scope is (scope-guard.ts); without a token, 401 (limits-middleware.ts).
 *
 * Not documented (the stand-in takes the stricter of the plausible answers, so the app must cope with a refusal):
 * - an unknown callback id, or one whose enrollment stopped waiting (its `hs_expiration_duration` passed), is
 *   refused 404 `OBJECT_NOT_FOUND`;
 * - a callback completed already is refused 409 `CONFLICT` rather than accepted again: HubSpot resumes an enrollment
 *   once, and an app that completes twice must not count on the second call succeeding;
 * - an `outputFields` value that is not a string is refused 400 `VALIDATION_ERROR` (the schema types the map's values
 *   as strings; HubSpot might coerce a number, the stand-in does not).
 */

export const COMPLETE_CALLBACK_PATH = '/automation/actions/callbacks/2026-03/:callbackId/complete';
const AUTOMATION_SCOPE = 'automation';

const completionBody = z.object({
  outputFields: z.record(z.string(), z.string()),
  typedOutputs: z.record(z.string(), z.unknown()),
  failureReasonType: z.string().optional(),
  requestContext: z.record(z.string(), z.unknown()).optional(),
});

/** HubSpot's wording for a body its JSON mapper could not build (attribute names in brackets). */
function refuseBody(res: Response, body: unknown): void {
  const given = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const missing = ['outputFields', 'typedOutputs'].filter((name) => given[name] === undefined);
  const message =
    missing.length > 0
      ? `Invalid input JSON: Cannot build CallbackCompletionRequest, some of required attributes are not set [${missing.join(', ')}]`
      : 'Invalid input JSON: outputFields values must be strings and typedOutputs an object';
  sendHubSpotError(res, 400, message, 'VALIDATION_ERROR');
}

function complete(state: StandinState, now: () => number) {
  return (req: Request, res: Response) => {
    // The body is mapped before the execution is looked up: a malformed completion is a 400 whatever the id.
    const body = completionBody.safeParse(req.body);
    if (!body.success) return refuseBody(res, req.body);
    const callbackId = String(req.params.callbackId);
    const callback = state.workflowCallbacks.get(callbackId);
    if (!callback || (callback.expiresAt !== undefined && callback.expiresAt <= now()))
      return sendHubSpotError(
        res,
        404,
        `No blocked action execution found for callback ${callbackId}`,
        'OBJECT_NOT_FOUND',
      );
    if (callback.completedAt !== undefined)
      return sendHubSpotError(
        res,
        409,
        `The action execution for callback ${callbackId} was already completed`,
        'CONFLICT',
      );
    Object.assign(callback, body.data, { completedAt: now() });
    res.status(204).end();
  };
}

/** The callback completion API (scope `automation`); mount after the limits middleware covers `/automation`. */
export function workflowCallbackRoutes(state: StandinState, now: () => number): Router {
  const router = Router();
  router.post(COMPLETE_CALLBACK_PATH, requireScope(state, AUTOMATION_SCOPE), complete(state, now));
  return router;
}

const registration = z
  .object({
    callbackId: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/),
    objectId: z.coerce.string().optional(),
    /** How long the enrollment waits (HubSpot: the answer's `hs_expiration_duration`, a week by default). */
    expiresInMs: z.number().int().min(1).optional(),
  })
  .strict();

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

const shown = (callback: StandinWorkflowCallback) => ({
  ...callback,
  state: callback.completedAt === undefined ? 'pending' : 'completed',
});

/**
 * Test hooks under `/__standin` (not counted, not rate limited), for a test that plays HubSpot sending an action
 * execution: `POST /__standin/workflow-callbacks {callbackId, objectId?, expiresInMs?}` registers a blocked
 * execution (409 if that id is known), `GET /__standin/workflow-callbacks` lists them all with their `state`
 * (`pending` or `completed`) and completion, `GET /__standin/workflow-callbacks/:callbackId` one.
 */
export function workflowCallbackAdminRoutes(state: StandinState, now: () => number): Router {
  const router = Router();
  router.post('/__standin/workflow-callbacks', express.json(), (req, res) => {
    const body = registration.safeParse(req.body ?? {});
    if (!body.success)
      return fail(res, 400, 'invalid_input', 'expected {callbackId, objectId?, expiresInMs?}');
    const { callbackId, objectId, expiresInMs } = body.data;
    if (state.workflowCallbacks.has(callbackId))
      return fail(res, 409, 'conflict', `callback ${callbackId} is already registered`);
    const at = now();
    const callback: StandinWorkflowCallback = {
      callbackId,
      registeredAt: at,
      ...(objectId !== undefined ? { objectId } : {}),
      ...(expiresInMs !== undefined ? { expiresAt: at + expiresInMs } : {}),
    };
    state.workflowCallbacks.set(callbackId, callback);
    res.status(201).json(shown(callback));
  });
  router.get('/__standin/workflow-callbacks', (_req, res) => {
    const callbacks = [...state.workflowCallbacks.values()].map(shown);
    res.json({
      total: callbacks.length,
      completed: callbacks.filter((callback) => callback.state === 'completed').length,
      callbacks,
    });
  });
  router.get('/__standin/workflow-callbacks/:callbackId', (req, res) => {
    const callback = state.workflowCallbacks.get(String(req.params.callbackId));
    if (!callback) return fail(res, 404, 'not_found', `No callback ${req.params.callbackId}`);
    res.json(shown(callback));
  });
  return router;
}
