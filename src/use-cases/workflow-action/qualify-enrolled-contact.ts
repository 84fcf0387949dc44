import { AppError, isAppError } from '../../domain/app-error';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';
import type { CardPorts } from '../card/card-ports';
import { scoreNow } from '../card/score-now';
import { portalConnection } from '../install/portal-connection';
import { syncContacts, type SyncDeps } from '../intake/sync-contacts';
import type { JobsPort } from '../ports/jobs';
import type { RequestKey } from '../ports/request-receipts';
import {
  COMPLETE_WORKFLOW_ACTION_JOB,
  completionKey,
  type CompleteWorkflowActionPayload,
} from './workflow-action-jobs';
import {
  blockedOutputs,
  failedOutputs,
  scoredOutputs,
  type OutputFields,
  type WorkflowFailure,
} from './workflow-action-outputs';

/** What the workflow action reads and writes: the card's scoring, the sync's HubSpot read, the job queue. */
export interface WorkflowActionPorts {
  /** Scoring a stored contact now, as the card's "score now" does. */
  card: CardPorts;
  /** Reading a contact Lead Pact has not stored yet from HubSpot, storing and qualifying it, as a sync does. */
  sync: SyncDeps;
  jobs: Pick<JobsPort, 'enqueue'>;
  /** The portal's HubSpot gateway for resuming a blocked enrollment; `signal` ends a wait for its request budget. */
  callbacks: (
    portalId: string,
    signal?: AbortSignal,
  ) =>
    | Pick<HubSpotGateway, 'completeWorkflowCallback'>
    | Promise<Pick<HubSpotGateway, 'completeWorkflowCallback'>>;
}

/** One execution of the action: the enrolled contact of a portal, and HubSpot's id of the execution. */
export interface EnrolledContact {
  portalId: string;
  contactId: string;
  callbackId: string;
}

/** The verdict on an enrolled contact, or why there is none. */
export type EnrolledVerdict =
  | { kind: 'scored'; outputFields: OutputFields }
  | { kind: 'failed'; failure: WorkflowFailure; outputFields: OutputFields }
  /** The portal never installed Lead Pact (or is another portal than the static token's): nothing is ours. */
  | { kind: 'unknown_portal' }
  /** The contact is not stored yet and could not be read now: the enrollment waits for the completion job. */
  | { kind: 'blocked'; outputFields: OutputFields };

type Failed = Extract<EnrolledVerdict, { kind: 'failed' }>;

const failed = (failure: WorkflowFailure): Failed => ({
  kind: 'failed',
  failure,
  outputFields: failedOutputs(failure),
});

/** A workflow's executions have no HubSpot user: their receipts are kept under this one. */
const WORKFLOW_USER = 'workflow';
const RECEIPT_ROUTE = 'workflow-action.qualify';

/**
 * Scores the enrolled contact now: a stored contact is scored from its snapshot by the card's `scoreNow` (same
 * capacity, history and write-back rules); one Lead Pact has not stored yet is first read from HubSpot by the
 * sync's `syncContacts` (through the portal's request budget; `signal` ends a wait for it), then scored the same
 * way. Throws what HubSpot threw (`rate_limited`, `upstream_failed`...) when the contact could not be read.
 */
export async function qualifyEnrolledContact(
  ports: WorkflowActionPorts,
  input: Omit<EnrolledContact, 'callbackId'> & { requestKey?: RequestKey },
  signal?: AbortSignal,
): Promise<Exclude<EnrolledVerdict, { kind: 'blocked' }> | { kind: 'pending' }> {
  const { portalId, contactId, requestKey } = input;
  const { card } = ports;
  const installation = await card.store.installations.state(portalId);
  const connection = portalConnection(installation, portalId === card.staticPortalId);
  if (connection.status === 'not_installed') return { kind: 'unknown_portal' };
  if (connection.status !== 'connected') return failed('NOT_CONNECTED');
  if (!(await card.store.agreements.active(portalId))) return failed('NO_APPROVED_AGREEMENT');
  if (!(await card.store.contacts.get(portalId, contactId))) {
    const sync = { ...ports.sync, gatewayFor: (id: string) => ports.sync.gatewayFor(id, signal) };
    const read = await syncContacts(sync, portalId, [contactId]);
    if (read.skipped === 'no_active_agreement') return failed('NO_APPROVED_AGREEMENT');
    if (read.missing > 0) return failed('CONTACT_NOT_FOUND');
  }
  const { card: after } = await scoreNow(card, { portalId, objectId: contactId, requestKey });
  if (after.state === 'scored') return { kind: 'scored', outputFields: scoredOutputs(after) };
  if (after.state === 'no_agreement') return failed('NO_APPROVED_AGREEMENT');
  if (after.state === 'not_connected') return failed('NOT_CONNECTED');
  // Not stored after all (removed between the read and the scoring): scoreNow queued a sync; the job sees it through.
  return { kind: 'pending' };
}

/** Failures that mean "not now" (HubSpot slow, rate limited or unreachable): the completion job tries again. */
const notNow = (error: unknown) =>
  isAppError(error, 'rate_limited') ||
  isAppError(error, 'upstream_failed') ||
  isAppError(error, 'unavailable') ||
  (error instanceof Error && error.name === 'AbortError');

/** What the action's HTTP answer waits for at most before it blocks the enrollment instead. */
export interface AnswerOptions {
  deadlineMs: number;
}

/**
 * The action's synchronous answer, within `deadlineMs`: the contact's verdict, or a failure the workflow history
 * names. When the verdict cannot be had in time (the contact must be read from HubSpot and HubSpot is slow, rate
 * limited or unreachable), a complete-workflow-action job is queued (one per execution: HubSpot's retries of the
 * request join it) and the answer blocks the enrollment until the job completes HubSpot's callback. A retried
 * request (same callback id) scores nothing twice: the card's request receipt keeps its scoring to one.
 */
export async function answerWorkflowAction(
  ports: WorkflowActionPorts,
  input: EnrolledContact,
  options: AnswerOptions,
): Promise<EnrolledVerdict> {
  const controller = new AbortController();
  const requestKey = {
    portalId: input.portalId,
    userId: WORKFLOW_USER,
    route: RECEIPT_ROUTE,
    requestId: input.callbackId,
  };
  const work = qualifyEnrolledContact(ports, { ...input, requestKey }, controller.signal);
  // A late outcome is left to the job (which scores again, harmlessly); a late failure must not go unhandled.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), options.deadlineMs);
  });
  try {
    const first = await Promise.race([work, late]);
    if (first !== 'late' && first.kind !== 'pending') return first;
  } catch (error) {
    if (!notNow(error)) throw error;
  } finally {
    clearTimeout(timer);
  }
  controller.abort();
  const payload: CompleteWorkflowActionPayload = input;
  await ports.jobs.enqueue(
    {
      type: COMPLETE_WORKFLOW_ACTION_JOB,
      portalId: input.portalId,
      payload,
      idempotencyKey: completionKey(payload),
    },
    ports.card.clock.now(),
  );
  return { kind: 'blocked', outputFields: blockedOutputs() };
}

/** What a completion job did: resumed the enrollment with these fields, or found nothing left to resume. */
export type CompletionResult =
  { completed: true; outputFields: OutputFields } | { completed: false; reason: string };

/** HubSpot refusing a completion for good: the execution is unknown, expired or already resumed. */
const settledAlready = (error: unknown) =>
  isAppError(error, 'not_found') || isAppError(error, 'invalid_input') || isAppError(error, 'conflict');

/**
 * The complete-workflow-action job: scores the contact (reading it from HubSpot first when it is not stored; a
 * rate limit defers the job like any HubSpot read) and resumes the blocked enrollment with its verdict or with the
 * failure the history shows. A callback HubSpot no longer waits for (expired, or resumed by a retried request
 * that was answered at once) ends the job without retrying.
 */
export async function completeWorkflowAction(
  ports: WorkflowActionPorts,
  payload: CompleteWorkflowActionPayload,
  signal?: AbortSignal,
): Promise<CompletionResult> {
  const { portalId, contactId, callbackId } = payload;
  const verdict = await qualifyEnrolledContact(ports, { portalId, contactId }, signal);
  if (verdict.kind === 'unknown_portal')
    return { completed: false, reason: `portal ${portalId} has not installed Lead Pact` };
  if (verdict.kind === 'pending')
    throw new AppError('unavailable', `Contact ${contactId} is not stored yet: its sync is still queued.`);
  const gateway = await ports.callbacks(portalId, signal);
  try {
    await gateway.completeWorkflowCallback(callbackId, { outputFields: verdict.outputFields });
  } catch (error) {
    if (!settledAlready(error)) throw error;
    return { completed: false, reason: error instanceof Error ? error.message : String(error) };
  }
  return { completed: true, outputFields: verdict.outputFields };
}
