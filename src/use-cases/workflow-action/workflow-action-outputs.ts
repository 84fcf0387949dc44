import type { ScoredCard } from '../../contracts/card';

/*
 * What the "Qualify with Lead Pact" custom workflow action answers HubSpot, and the HubSpot facts it relies on.
 *
 * - HubSpot posts `{callbackId, origin: {portalId, actionDefinitionId, actionDefinitionVersion, ...},
 *   context: {source: "WORKFLOWS", workflowId}, object: {objectId, objectType: "CONTACT"}, inputFields}` to the
 *   action's `actionUrl` ("Example function" input in the custom workflow action reference,
 *   https://developers.hubspot.com/docs/api-reference/automation-actions-v4-v4/custom-action-reference).
 * - The answer is `{outputFields: {...}}`: the action's declared output fields, which later workflow steps branch
 *   on, plus HubSpot's control keys inside `outputFields`: `hs_execution_state` (`SUCCESS`, `FAIL_CONTINUE`,
 *   `BLOCK`) and, with `BLOCK`, `hs_expiration_duration` (an ISO 8601 duration, one week when left out). A blocked
 *   enrollment waits until `POST /automation/actions/callbacks/2026-03/{callbackId}/complete` resumes it with the
 *   output fields (https://developers.hubspot.com/docs/api-reference/latest/automation/workflow-actions/custom-action-reference,
 *   sections "Output fields", "Execution", "Asynchronous custom action execution";
 *   https://developers.hubspot.com/docs/api-reference/2026-03/automation/workflow-actions/callbacks/complete-callback).
 * - The callback API takes output values as strings (`outputFields: {[name]: string}` in HubSpot's generated
 *   client, HubSpot/hubspot-sdk-typescript `CallbackCompletionRequest`), so every value is a string, in the
 *   synchronous answer too: one shape whichever way the verdict reaches the workflow.
 * - `executionRules` match output fields (here `errorCode`) and show their label in the workflow's history, in the
 *   user's language (`labels.<lang>.executionRules`, `PublicExecutionTranslationRule` and `PublicActionLabels` of
 *   the 2026-03 action definition,
 *   https://developers.hubspot.com/docs/api-reference/2026-03/automation/workflow-actions/definitions/create-action-definition).
 */

/** The output fields `extensions/app/workflow-actions/qualify-with-lead-pact-hsmeta.json` declares, in its order. */
export const QUALIFY_OUTPUT_FIELDS = ['tier', 'grade', 'score', 'stage', 'route'] as const;
export type QualifyOutputField = (typeof QUALIFY_OUTPUT_FIELDS)[number];

/** Why an enrolled contact was not scored; each has an execution rule (a message in the workflow history). */
export const WORKFLOW_FAILURES = ['NO_APPROVED_AGREEMENT', 'CONTACT_NOT_FOUND', 'NOT_CONNECTED'] as const;
export type WorkflowFailure = (typeof WORKFLOW_FAILURES)[number];

/**
 * How long HubSpot keeps a blocked enrollment waiting for its callback: a day, as long as the completion job may
 * be held back by HubSpot's rate limits before it gives up (src/jobs/deferral-limit.ts).
 */
export const BLOCK_EXPIRATION = 'P1D';

/** `outputFields` as HubSpot reads them: names to string values. */
export type OutputFields = Record<string, string>;

/** The verdict of a scored contact as the action's output fields. */
export function scoredOutputs(card: Pick<ScoredCard, QualifyOutputField>): OutputFields {
  return {
    tier: card.tier,
    grade: card.grade,
    score: String(card.score),
    stage: card.stage,
    route: card.route,
    hs_execution_state: 'SUCCESS',
  };
}

/** A contact that could not be scored: the workflow goes on, its history says why (the action's execution rules). */
export function failedOutputs(failure: WorkflowFailure): OutputFields {
  return { hs_execution_state: 'FAIL_CONTINUE', errorCode: failure };
}

/** The enrollment waits for the callback (completed by the complete-workflow-action job). */
export function blockedOutputs(): OutputFields {
  return { hs_execution_state: 'BLOCK', hs_expiration_duration: BLOCK_EXPIRATION };
}
