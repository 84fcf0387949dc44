import { abortableSleep } from '../../abortable-sleep';
import { isAppError } from '../../domain/app-error';
import { LEAD_DELETED_STAGE } from '../../domain/lead-stages';
import type { HubSpotContact, HubSpotGateway } from '../../hubspot/hubspot-gateway';
import type { HubSpotLead, LeadPipelineStage, LeadsGateway } from '../../hubspot/leads-gateway';
import type { CheckpointsPort } from '../ports/checkpoints';
import { hubspotErrorInfo } from '../ports/hubspot-error-info';
import type { InstallationsPort } from '../ports/installations';
import type { LeadHandoff, LeadsPort } from '../ports/leads';
import type { RateBudgetPort } from '../ports/rate-budget';
import { retryDelay } from '../retry-delay';
import { UPSTREAM_BACKOFF } from '../write-back/batch-outcome';
import { leadName } from './hand-over-leads';

/** Claimed rows stay hidden from other workers this long (a few requests each, plus waits for the budget). */
export const LEAD_CLAIM_LEASE_MS = 120_000;
/** Rows per claim: each costs one to four requests, so a claim is worked well inside its lease. */
const CLAIM_SIZE = 10;
/** The checkpoint saying Lead Pact's lead properties (the unique handoff key first) exist in the portal. */
export const LEAD_PROPERTIES_CHECKPOINT = 'lead-properties';

/** What the lead sync needs from the store: the leads table, the portal's connection and budget, a checkpoint. */
export interface LeadSyncStore {
  leads: Pick<
    LeadsPort,
    | 'claimDue'
    | 'markSynced'
    | 'recordLead'
    | 'markRejected'
    | 'retryLater'
    | 'nextDueAt'
    | 'assignOwner'
    | 'recordContact'
    | 'recordStage'
    | 'openCountsByOwner'
  >;
  installations: Pick<InstallationsPort, 'get' | 'setStatus'>;
  rateBudget: Pick<RateBudgetPort, 'status'>;
  checkpoints: Pick<CheckpointsPort, 'get' | 'set'>;
}

/** Where sync events go (pino-shaped). */
export interface LeadSyncLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface LeadSyncOptions {
  portalId: string;
  /** The portal's Leads gateway; every request it sends waits for a slot of the portal's request budget. */
  gateway: LeadsGateway;
  /**
   * The portal's HubSpot gateway, its reads taking slots of the same request budget: the contacts of the Leads about
   * to be created (names, primary company), and the owners (with their teams) for a route that names a team.
   */
  hubspot: Pick<HubSpotGateway, 'listOwners' | 'readContacts'>;
  log?: LeadSyncLog;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** Stop and hand back to the queue after this long (the job queues itself again). */
  maxRunMs?: number;
  /** A retry due within this long is waited for in the run; a later one ends it (`resumeAt`). */
  maxInlineWaitMs?: number;
}

/** How a run ended: nothing pending, more later (`resumeAt`), paused by HubSpot's limit, or disconnected. */
export interface LeadSyncResult {
  outcome: 'drained' | 'more' | 'paused' | 'disconnected';
  created: number;
  moved: number;
  synced: number;
  rejected: number;
  retried: number;
  resumeAt?: number;
}

type Settings = Required<Omit<LeadSyncOptions, 'log' | 'signal'>> & Pick<LeadSyncOptions, 'log' | 'signal'>;

/** Lead Pact's key of a handoff, kept in the Lead's unique `lead_pact_handoff_key`: one Lead per handoff. */
export const handoffKey = (row: Pick<LeadHandoff, 'contactId' | 'handoffAt'>) =>
  `${row.contactId}:${row.handoffAt}`;

/** What one failed row means for the run: go on with the next, or stop (and when to come back). */
type Stop = { outcome: 'paused' | 'more' | 'disconnected'; resumeAt?: number };

/**
 * A HubSpot call that failed: only these are judged (retry, reject, pause); a store failure (the database gone, the
 * process dying) ends the run as it is, the rows it claimed coming back when their lease ends.
 */
class HubSpotCallFailed extends Error {
  constructor(readonly failure: unknown) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

async function hubspot<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new HubSpotCallFailed(error);
  }
}

/** HubSpot refuses these for good: the row is marked rejected with HubSpot's message, never retried. */
const PERMANENT = ['invalid_input', 'not_found', 'forbidden', 'conflict', 'payload_too_large'] as const;

/** The pipeline stage a wanted state moves the Lead to, when the Lead still sits where that makes sense. */
function targetStage(
  row: LeadHandoff,
  current: HubSpotLead,
  stages: readonly LeadPipelineStage[],
): LeadPipelineStage | null | undefined {
  const kind = stages.find((s) => s.id === current.stage)?.kind ?? (current.stage ? 'in_progress' : 'new');
  if (row.wanted === 'accepted') {
    // A rep who already works the Lead (attempting, connected...) is not moved back.
    if (kind !== 'new') return null;
    return stages.find((s) => s.kind === 'in_progress');
  }
  if (row.wanted === 'disqualified') {
    // A converted or already disqualified Lead stays as it is.
    if (kind === 'qualified' || kind === 'disqualified') return null;
    return stages.find((s) => s.kind === 'disqualified');
  }
  return null;
}

/** One run's lazily read facts of the portal: its pipeline's stages, owners by team, lead properties ensured. */
function portalFacts(store: LeadSyncStore, s: Settings) {
  let stages: Promise<LeadPipelineStage[]> | undefined;
  let owners: Promise<{ id: string; teamIds: string[] }[]> | undefined;
  let ensured = false;
  const listOwners = async () => {
    const all: { id: string; teamIds: string[] }[] = [];
    let after: string | undefined;
    do {
      const page = await hubspot(() => s.hubspot.listOwners(after, false));
      for (const o of page.owners) if (!o.archived) all.push({ id: o.id, teamIds: o.teamIds ?? [] });
      after = page.after;
    } while (after);
    return all;
  };
  return {
    stages: () =>
      (stages ??= hubspot(() => s.gateway.listLeadStages())).catch((error: unknown) => {
        stages = undefined;
        throw error;
      }),
    /** Creates Lead Pact's lead properties once per portal (the unique handoff key makes creation idempotent). */
    async ensureProperties() {
      if (ensured) return;
      if ((await store.checkpoints.get(s.portalId, LEAD_PROPERTIES_CHECKPOINT)) === undefined) {
        await hubspot(() => s.gateway.ensureLeadProperties());
        await store.checkpoints.set(s.portalId, LEAD_PROPERTIES_CHECKPOINT, { ensuredAt: s.now() }, s.now());
      }
      ensured = true;
    },
    /** A team's member owners, in HubSpot's order; empty when the owners cannot be read (no scope). */
    async members(teamId: string): Promise<string[]> {
      owners ??= listOwners().catch((error: unknown) => {
        owners = undefined;
        throw error;
      });
      try {
        return (await owners).filter((o) => o.teamIds.includes(teamId)).map((o) => o.id);
      } catch (error) {
        const failure = error instanceof HubSpotCallFailed ? error.failure : error;
        if (!isAppError(failure, 'forbidden')) throw error;
        s.log?.warn(
          { portalId: s.portalId, teamId },
          `cannot read the owners of team ${teamId}: ${failure.message}`,
        );
        return [];
      }
    },
  };
}

/**
 * The route's team is resolved to its member owner with the fewest open Lead Pact Leads (ties: HubSpot's order), kept
 * on the row before the Lead is created so a retry creates it for the same person; a team without members (or
 * unreadable owners) leaves the fallback (the contact's owner, or unassigned).
 */
async function ownerOf(
  store: LeadSyncStore,
  s: Settings,
  facts: ReturnType<typeof portalFacts>,
  row: LeadHandoff,
) {
  if (row.teamId === null) return row.ownerId;
  const members = await facts.members(row.teamId);
  let owner = row.ownerId;
  if (members.length > 0) {
    const open = await store.leads.openCountsByOwner(s.portalId, members);
    owner = members.reduce((best, id) => ((open[id] ?? 0) < (open[best] ?? 0) ? id : best), members[0]!);
  }
  await store.leads.assignOwner(s.portalId, row, owner, s.now());
  return owner;
}

/** The contact properties a Lead's name is made of (`leadName`). */
export const LEAD_NAME_PROPERTIES = ['firstname', 'lastname', 'email'] as const;
/**
 * A company property to read with the contacts: asking for one makes `readContacts` read each contact's primary
 * company association (its id is what the Lead is associated with).
 */
const COMPANY_PROPERTIES = ['name'] as const;

/** The claim's contacts as HubSpot has them now, for the Leads about to be created; ids HubSpot no longer has. */
interface FreshContacts {
  read: ReadonlyMap<string, HubSpotContact>;
  missing: ReadonlySet<string>;
}

const NOTHING_READ: FreshContacts = { read: new Map(), missing: new Set() };

/**
 * Reads, in one batch (every request through the portal's budget), the contacts of the claimed rows whose Lead is
 * still to be created: the stored contact may have been read before Leads were on, without names or company. A
 * refused token, a rate limit or a stop ends the run as for any call (`failure`); any other failure (HubSpot
 * unavailable) leaves the stored name and company to be used.
 */
async function freshContacts(
  s: Settings,
  rows: readonly LeadHandoff[],
): Promise<FreshContacts | { failure: unknown }> {
  const ids = [...new Set(rows.filter((r) => r.leadId === null).map((r) => r.contactId))];
  if (ids.length === 0) return NOTHING_READ;
  try {
    const { contacts, missing } = await s.hubspot.readContacts(ids, LEAD_NAME_PROPERTIES, COMPANY_PROPERTIES);
    return { read: new Map(contacts.map((c) => [c.id, c])), missing: new Set(missing) };
  } catch (error) {
    if (s.signal?.aborted || isAppError(error, 'unauthorized') || isAppError(error, 'rate_limited'))
      return { failure: error };
    const message = error instanceof Error ? error.message : String(error);
    s.log?.warn(
      { portalId: s.portalId, contacts: ids.length },
      `cannot read the contacts of new Leads, their stored names and companies are used: ${message}`,
    );
    return NOTHING_READ;
  }
}

/** The name and company a Lead is created with: HubSpot's contact as just read, else what the handoff stored. */
function contactOf(row: LeadHandoff, contact: HubSpotContact | undefined) {
  if (!contact) return { name: row.name, companyId: row.companyId };
  return {
    name: leadName(contact, row.contactId, row.grade),
    // A gateway that did not read associations says nothing of the company: the stored one stays.
    companyId: contact.companyId === undefined ? row.companyId : contact.companyId,
  };
}

/** Sends one row to HubSpot: creates its Lead when it has none, then moves it to the stage Lead Pact wants. */
async function syncRow(
  store: LeadSyncStore,
  s: Settings,
  facts: ReturnType<typeof portalFacts>,
  fresh: FreshContacts,
  row: LeadHandoff,
  result: LeadSyncResult,
): Promise<void> {
  let leadId = row.leadId;
  let stage = row.hubspotStage ?? '';
  if (leadId === null) {
    if (fresh.missing.has(row.contactId)) {
      const message = `HubSpot no longer has contact ${row.contactId} (deleted or merged): no Lead is created`;
      await store.leads.markRejected(s.portalId, row, message, s.now());
      result.rejected++;
      s.log?.warn({ portalId: s.portalId, contactId: row.contactId }, message);
      return;
    }
    const contact = contactOf(row, fresh.read.get(row.contactId));
    if (contact.name !== row.name || contact.companyId !== row.companyId)
      await store.leads.recordContact(s.portalId, row, contact, s.now());
    await facts.ensureProperties();
    const ownerId = await ownerOf(store, s, facts, row);
    const lead = await hubspot(() =>
      s.gateway.createLead({
        handoffKey: handoffKey(row),
        name: contact.name,
        contactId: row.contactId,
        companyId: contact.companyId,
        ownerId,
        reasons: row.reasons,
        grade: row.grade,
        route: row.route,
      }),
    );
    result.created++;
    ({ id: leadId, stage } = lead);
    if (row.wanted !== 'open') await store.leads.recordLead(s.portalId, row, leadId, stage, s.now());
  }
  if (row.wanted !== 'open') {
    const id = leadId;
    const current = await hubspot(() => s.gateway.getLead(id));
    if (!current) {
      // Deleted in HubSpot before its webhook arrived: recorded as that webhook would (the handoff closes, nothing is
      // sent to it, the contact may get a new Lead later).
      const deleted = { byRep: false, converted: false, deleted: true };
      await store.leads.recordStage(s.portalId, id, LEAD_DELETED_STAGE, s.now(), deleted);
      s.log?.info(
        { portalId: s.portalId, contactId: row.contactId },
        `Lead ${id} no longer exists in HubSpot`,
      );
      result.synced++;
      return;
    }
    stage = current.stage;
    const stages = await facts.stages();
    const target = targetStage(row, current, stages);
    if (target === undefined) {
      const which = row.wanted === 'accepted' ? 'in-progress' : 'disqualified';
      const message = `The portal's lead pipeline has no ${which} stage to move Lead ${leadId} to`;
      await store.leads.markRejected(s.portalId, row, message, s.now());
      result.rejected++;
      return;
    }
    if (target) {
      const moved = await hubspot(() =>
        s.gateway.moveLead({
          leadId: id,
          stage: target.id,
          ...(row.wanted === 'disqualified'
            ? { disqualification: { reason: row.reason ?? 'disqualified', note: row.reasonNote ?? '' } }
            : {}),
        }),
      );
      stage = moved.stage || target.id;
      result.moved++;
    }
  }
  await store.leads.markSynced(s.portalId, row, leadId, stage, s.now());
  result.synced++;
}

/**
 * Records a failed row: HubSpot's refusal for good (4xx) marks it rejected with HubSpot's message; a rate limit puts
 * it (and the rest of the claim) back until HubSpot's hint and ends the run; a refused token disconnects the portal;
 * anything else (5xx, network) retries the row with backoff while the run goes on.
 */
async function recordFailure(
  store: LeadSyncStore,
  s: Settings,
  row: LeadHandoff,
  rest: readonly LeadHandoff[],
  error: unknown,
  result: LeadSyncResult,
): Promise<Stop | undefined> {
  const now = s.now();
  const message = error instanceof Error ? error.message : String(error);
  if (s.signal?.aborted) {
    await store.leads.retryLater(s.portalId, [row, ...rest], now, 'stopped before it was sent');
    return { outcome: 'more', resumeAt: now };
  }
  if (isAppError(error, 'unauthorized')) {
    await store.leads.retryLater(s.portalId, [row, ...rest], now, message);
    await store.installations.setStatus(s.portalId, 'disconnected', 'HubSpot refused the access token', now);
    s.log?.warn(
      { portalId: s.portalId },
      'HubSpot refused the token: portal marked disconnected, Leads kept',
    );
    return { outcome: 'disconnected' };
  }
  if (isAppError(error, 'rate_limited')) {
    const info = hubspotErrorInfo(error);
    const until = now + Math.max(1, info.retryAfterMs ?? 1_000);
    await store.leads.retryLater(s.portalId, [row, ...rest], until, message);
    result.retried += 1 + rest.length;
    return { outcome: info.policyName === 'DAILY' ? 'paused' : 'more', resumeAt: until };
  }
  if (PERMANENT.some((code) => isAppError(error, code))) {
    await store.leads.markRejected(s.portalId, row, message, now);
    result.rejected++;
    s.log?.warn({ portalId: s.portalId, contactId: row.contactId }, `HubSpot refused the Lead: ${message}`);
    return undefined;
  }
  await store.leads.retryLater(
    s.portalId,
    [row],
    now + retryDelay(row.attempts + 1, UPSTREAM_BACKOFF),
    message,
  );
  result.retried++;
  return undefined;
}

/**
 * Sends a portal's handed-over Leads to HubSpot (the leads table is their outbox): claims due rows, reads the
 * contacts of those still without a Lead in one batch (a contact HubSpot no longer has gets none), creates each
 * Lead once, named from the contact as HubSpot has it now and associated with its primary company (HubSpot keeps the
 * handoff key unique, so a create repeated after a crash finds the first Lead), then moves it to the pipeline's
 * in-progress stage when accepted, or to its disqualified stage with the reason and note, and records what HubSpot
 * answered. Every request waits for the portal's request budget (in the gateway). Ends
 * when nothing is due, on a rate limit (`resumeAt`), a refused token, or after `maxRunMs`.
 */
export async function syncLeads(store: LeadSyncStore, options: LeadSyncOptions): Promise<LeadSyncResult> {
  const s: Settings = {
    now: Date.now,
    sleep: abortableSleep,
    maxRunMs: 60_000,
    maxInlineWaitMs: 15_000,
    ...options,
  };
  const result: LeadSyncResult = {
    outcome: 'drained',
    created: 0,
    moved: 0,
    synced: 0,
    rejected: 0,
    retried: 0,
  };
  const installation = await store.installations.get(s.portalId);
  if (installation?.status === 'disconnected') return { ...result, outcome: 'disconnected' };
  const facts = portalFacts(store, s);
  const started = s.now();
  while (!s.signal?.aborted && s.now() - started < s.maxRunMs) {
    const rows = await store.leads.claimDue(s.portalId, s.now(), CLAIM_SIZE, LEAD_CLAIM_LEASE_MS);
    if (rows.length === 0) {
      const next = await store.leads.nextDueAt(s.portalId);
      if (next === null) return result;
      const budget = await store.rateBudget.status(s.portalId, s.now());
      const resumeAt = Math.max(next, budget.pausedUntil ?? 0, s.now() + 1);
      const wait = resumeAt - s.now();
      if (wait > s.maxInlineWaitMs || resumeAt - started >= s.maxRunMs)
        return { ...result, outcome: 'more', resumeAt };
      await s.sleep(wait, s.signal);
      continue;
    }
    const fresh = await freshContacts(s, rows);
    if ('failure' in fresh) {
      const stop = await recordFailure(store, s, rows[0]!, rows.slice(1), fresh.failure, result);
      return { ...result, ...(stop ?? { outcome: 'more', resumeAt: s.now() }) };
    }
    for (const [i, row] of rows.entries()) {
      if (s.signal?.aborted) {
        await store.leads.retryLater(s.portalId, rows.slice(i), s.now(), 'stopped before it was sent');
        return { ...result, outcome: 'more', resumeAt: s.now() };
      }
      try {
        await syncRow(store, s, facts, fresh, row, result);
      } catch (error) {
        if (!(error instanceof HubSpotCallFailed)) throw error;
        const stop = await recordFailure(store, s, row, rows.slice(i + 1), error.failure, result);
        if (stop) return { ...result, ...stop };
      }
    }
  }
  return { ...result, outcome: 'more', resumeAt: s.now() };
}
