import type { Client } from '@hubspot/api-client';
import { AppError } from '../domain/app-error';
import type { WorkflowCallbackCompletion } from './hubspot-gateway';
import { translateHubSpotError } from './translate-hubspot-error';

const OPERATION = 'Completing a blocked workflow action';

/** A callback id as HubSpot hands it out (`ap-102670506-56777914962-11-0`): nothing to escape in a path. */
const CALLBACK_ID = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * `POST /automation/actions/callbacks/2026-03/{callbackId}/complete` (scope `automation`; 204, no body): resumes a
 * workflow enrollment a custom action blocked (`hs_execution_state: BLOCK`) with its output fields.
 *
 * HubSpot's facts this relies on:
 * - path, body and 204 answer, "Complete a specific blocked action execution by ID":
 *   https://developers.hubspot.com/docs/api-reference/2026-03/automation/workflow-actions/callbacks/complete-callback
 *   (legacy v4 twin: POST /automation/v4/actions/callbacks/{callbackId}/complete,
 *   https://developers.hubspot.com/docs/api-reference/legacy/automation/workflow-actions/callbacks/complete-callback).
 *   The body is `{outputFields: {name: string}, typedOutputs: {}, failureReasonType?, requestContext?}`; HubSpot's
 *   own generated client (HubSpot/hubspot-sdk-typescript, CallbackCompletionRequest) types `outputFields` as a map
 *   of strings and marks `typedOutputs` required, so both are always sent.
 * - scope `automation`: the custom workflow actions reference's scope requirements,
 *   https://developers.hubspot.com/docs/api-reference/latest/automation/workflow-actions/custom-action-reference
 */
export async function completeWorkflowCallback(
  client: Client,
  callbackId: string,
  completion: WorkflowCallbackCompletion,
): Promise<void> {
  if (!CALLBACK_ID.test(callbackId))
    throw new AppError('invalid_input', `${OPERATION}: "${callbackId}" is not a HubSpot callback id.`);
  const response = await client
    .apiRequest({
      method: 'POST',
      path: `/automation/actions/callbacks/2026-03/${callbackId}/complete`,
      body: { outputFields: completion.outputFields, typedOutputs: {} },
    })
    .catch((error: unknown) => {
      throw translateHubSpotError(error, OPERATION);
    });
  if (response.ok) return;
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text: error pages are not always JSON
  }
  const headers = Object.fromEntries(response.headers.entries());
  throw translateHubSpotError({ code: response.status, body, headers }, OPERATION);
}
