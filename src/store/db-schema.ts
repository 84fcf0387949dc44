import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of every table (Kysely's view of the database). Times are epoch milliseconds, JSON is
 * stored as text on both engines so one query layer reads it the same way; repositories parse it.
 */
export interface InstallationsTable {
  portal_id: string;
  access_token_enc: string | null;
  refresh_token_enc: string | null;
  token_expires_at: number | null;
  scopes: string | null;
  status: string;
  status_reason: string | null;
  marketing_team_ids: string;
  sales_team_ids: string;
  locale: string;
  /** The HubSpot account's time zone setting, once read (migration 003). */
  time_zone: string | null;
  installed_at: number;
  updated_at: number;
}

export interface AgreementVersionsTable {
  portal_id: string;
  version: number;
  status: string;
  name: string;
  body: string;
  created_by: string | null;
  created_at: number;
  proposed_by: string | null;
  proposed_at: number | null;
  proposed_side: string | null;
  /** The team mapping a version was proposed under, JSON (migration 006). */
  proposed_team_mapping: string | null;
  rationale: string | null;
  approved_by: string | null;
  approved_at: number | null;
  sent_back_by: string | null;
  sent_back_at: number | null;
  sent_back_comment: string | null;
  diff: string | null;
}

export interface ContactsTable {
  portal_id: string;
  contact_id: string;
  properties: string;
  company: string | null;
  hs_last_modified: number | null;
  updated_at: number;
}

export interface SignalHistoryTable {
  portal_id: string;
  contact_id: string;
  property: string;
  value: string;
  occurred_at: number;
}

interface QualificationColumns {
  portal_id: string;
  contact_id: string;
  tier: string;
  grade: string;
  score: number;
  stage: string;
  route: string;
  tier_reason: string | null;
  reasons: string;
  agreement_version: number;
  qualified_at: number | null;
  follow_up_due: number | null;
  sla_status: string | null;
  recycled_at: number | null;
  capacity_month: string | null;
  criteria: string;
  /** A lead held back by capacity: the route it was headed to, and the cap that was full (migration 010). */
  held_route: ColumnType<string | null, string | null | undefined, string | null>;
  held_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface QualificationsTable extends QualificationColumns {
  updated_at: number;
}

export interface QualificationHistoryTable extends QualificationColumns {
  id: Generated<number>;
  at: number;
  /** Why a recycle row recycled the contact (migration 002); optional on insert, null elsewhere. */
  recycle_cause: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface VerdictsTable {
  id: Generated<number>;
  portal_id: string;
  contact_id: string;
  user_id: string;
  verdict: string;
  reason: string | null;
  note: string | null;
  at: number;
}

export interface WebhookInboxTable {
  id: Generated<number>;
  portal_id: string;
  event_id: string;
  payload: string;
  received_at: number;
  processed_at: number | null;
  attempts: number;
  last_error: string | null;
}

export interface JobsTable {
  id: Generated<number>;
  type: string;
  portal_id: string | null;
  payload: string;
  idempotency_key: string | null;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: number;
  lease_owner: string | null;
  lease_expires_at: number | null;
  last_error: string | null;
  progress: string | null;
  result: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
  deferred_since: number | null;
  deferrals: Generated<number>;
  dead_reason: string | null;
}

export interface OutboxTable {
  portal_id: string;
  contact_id: string;
  properties: string;
  status: string;
  revision: number;
  attempts: number;
  next_attempt_at: number;
  message: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
}

export interface CapacityUsageTable {
  portal_id: string;
  month: string;
  used: number;
}

/** Places each route took in a month (migration 008), beside the total in `capacity_usage`. */
export interface RouteCapacityUsageTable {
  portal_id: string;
  month: string;
  route: string;
  used: number;
}

export interface RateBudgetTable {
  portal_id: string;
  /** JSON array of epoch-ms request times inside the current rolling window. */
  recent: string;
  paused_until: number | null;
  updated_at: number;
}

export interface CheckpointsTable {
  portal_id: string;
  name: string;
  value: string;
  updated_at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  portal_id: string;
  actor: string;
  action: string;
  details: string;
  at: number;
}

/** A state-changing request already applied (migration 004); a retried copy finds it and changes nothing. */
export interface RequestReceiptsTable {
  portal_id: string;
  user_id: string;
  route: string;
  request_id: string;
  created_at: number;
}

/** A calibration quiz round (migration 007); `id` counts up per portal. */
export interface QuizRoundsTable {
  portal_id: string;
  id: number;
  status: string;
  size: number;
  agreement_version: number;
  started_at: number;
  started_by: string;
  closed_at: number | null;
  closed_by: string | null;
}

/** A lead of a quiz round: what participants see (`shown`, JSON) and the verdict at start (`verdict`, JSON). */
export interface QuizRoundLeadsTable {
  portal_id: string;
  round_id: number;
  lead_key: string;
  position: number;
  contact_id: string;
  shown: string;
  verdict: string;
}

/** One participant's answer to one lead of a round (1: call this month, 0: not). */
export interface QuizAnswersTable {
  portal_id: string;
  round_id: number;
  lead_key: string;
  user_id: string;
  side: string;
  call_this_month: number;
  answered_at: number;
}

/** A handed-over HubSpot Lead and its sync state (migration 009): one row per handoff, the Leads outbox. */
export interface LeadsTable {
  portal_id: string;
  contact_id: string;
  handoff_at: number;
  lead_id: string | null;
  wanted: string;
  reason: string | null;
  reason_note: string | null;
  name: string;
  owner_id: string | null;
  team_id: string | null;
  company_id: string | null;
  grade: string;
  route: string;
  reasons: string;
  hubspot_stage: string | null;
  worked_at: number | null;
  converted_at: number | null;
  /** Set when the Lead is no longer open for Lead Pact; at most one row per contact has it null. */
  closed_at: number | null;
  status: string;
  revision: number;
  attempts: number;
  next_attempt_at: number;
  message: string | null;
  created_at: number;
  updated_at: number;
}

/** The whole database as Kysely sees it. */
export interface Database {
  installations: InstallationsTable;
  agreement_versions: AgreementVersionsTable;
  contacts: ContactsTable;
  signal_history: SignalHistoryTable;
  qualifications: QualificationsTable;
  quiz_rounds: QuizRoundsTable;
  quiz_round_leads: QuizRoundLeadsTable;
  quiz_answers: QuizAnswersTable;
  qualification_history: QualificationHistoryTable;
  verdicts: VerdictsTable;
  webhook_inbox: WebhookInboxTable;
  jobs: JobsTable;
  outbox: OutboxTable;
  capacity_usage: CapacityUsageTable;
  route_capacity_usage: RouteCapacityUsageTable;
  rate_budget: RateBudgetTable;
  checkpoints: CheckpointsTable;
  audit_log: AuditLogTable;
  request_receipts: RequestReceiptsTable;
  leads: LeadsTable;
}
