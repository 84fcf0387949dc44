import {
  completeWorkflowAction,
  type WorkflowActionPorts,
} from '../../use-cases/workflow-action/qualify-enrolled-contact';
import {
  COMPLETE_WORKFLOW_ACTION_JOB,
  completeWorkflowActionPayloadSchema,
} from '../../use-cases/workflow-action/workflow-action-jobs';
import type { JobRegistry } from '../job-registry';

/**
 * Registers the job that scores a contact a workflow action blocked on and resumes the enrollment. Thin: the
 * use-case does the work; HubSpot's rate limits defer it and a refused token parks it as for any portal job.
 */
export function registerCompleteWorkflowAction(
  registry: JobRegistry,
  ports: WorkflowActionPorts,
): JobRegistry {
  return registry.register(
    COMPLETE_WORKFLOW_ACTION_JOB,
    completeWorkflowActionPayloadSchema,
    (payload, ctx) => completeWorkflowAction(ports, payload, ctx.signal),
  );
}
