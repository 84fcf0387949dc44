import { z } from 'zod';

/** Job type that scores a contact a workflow action blocked on, then resumes the enrollment through HubSpot. */
export const COMPLETE_WORKFLOW_ACTION_JOB = 'complete-workflow-action';

/** HubSpot's callback ids (`ap-102670506-56777914962-11-0`): letters, digits, `-` and `_`. */
export const callbackIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'expected a HubSpot callback id');

/** Payload of a complete-workflow-action job: the blocked execution and the contact it scores. */
export const completeWorkflowActionPayloadSchema = z.object({
  portalId: z.string().regex(/^\d+$/),
  contactId: z.string().regex(/^\d+$/),
  callbackId: callbackIdSchema,
});
export type CompleteWorkflowActionPayload = z.infer<typeof completeWorkflowActionPayloadSchema>;

/** One job per blocked execution: HubSpot's retries of the same request join it. */
export const completionKey = ({ portalId, callbackId }: CompleteWorkflowActionPayload): string =>
  `workflow-action:${portalId}:${callbackId}`;
