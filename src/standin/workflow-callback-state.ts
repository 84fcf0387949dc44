/**
 * The stand-in's blocked custom workflow action executions (HubSpot's facts and the stand-in's choices are in
 * workflow-callback-routes.ts), kept apart from the routes so the state can hold them without an import cycle.
 */

/** One execution HubSpot blocked on, waiting for its completion (or completed). */
export interface StandinWorkflowCallback {
  callbackId: string;
  /** The enrolled object the execution was for, as the test registered it (informative). */
  objectId?: string;
  registeredAt: number;
  /** When the enrollment stops waiting; a completion after it is refused as unknown. */
  expiresAt?: number;
  completedAt?: number;
  outputFields?: Record<string, string>;
  typedOutputs?: Record<string, unknown>;
  failureReasonType?: string;
  requestContext?: Record<string, unknown>;
}

/** The account's blocked executions by callback id. */
export type StandinWorkflowCallbacks = Map<string, StandinWorkflowCallback>;
