import { z } from 'zod';
import { createStandinLeads, type StandinLeads } from './lead-state';
import type { StandinWorkflowCallbacks } from './workflow-callback-state';

import type { StandinProperty, StandinRecord } from './standin-records';

export type { StandinOption, StandinProperty, StandinRecord } from './standin-records';

/** One batch update as the stand-in received it, for tests and benchmarks to assert on. */
export interface RecordedBatchUpdate {
  at: number;
  token: string;
  status: number;
  inputs: Array<{ id: string; properties: Record<string, string> }>;
}

/** One API request as the stand-in answered it (admin routes excluded), for tests to assert on. */
export interface LoggedRequest {
  at: number;
  method: string;
  path: string;
  status: number;
  /** The `inputs[].id` of a batch request whose body was read (absent when refused before that). */
  ids?: string[];
}

export interface StandinStats {
  requests: number;
  byRoute: Record<string, number>;
  rateLimited: { TEN_SECONDLY_ROLLING: number; SECONDLY: number; DAILY: number };
  injectedFailures: number;
  /** Answers forced by the failure plan (`PUT /__standin/failures`), by status. */
  scriptedFailures: { '429': number; '503': number };
  batchUpdates: number;
  contactsWritten: number;
}

/** A team as `GET /settings/v3/users/teams` lists it. */
export interface StandinTeam {
  id: string;
  name: string;
  userIds: string[];
  secondaryUserIds: string[];
}

/** A CRM owner as `GET /crm/v3/owners` lists it (`archived`: a deactivated user). */
export interface StandinOwner {
  id: string;
  email?: string;
  type: 'PERSON' | 'QUEUE';
  firstName?: string;
  lastName?: string;
  userId?: number;
  userIdIncludingInactive?: number;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  teams?: { id: string; name: string; primary: boolean }[];
}

/** Teams, owners, and the scopes every token was granted (null: all of them, as an app granted what it asked for). */
export interface StandinDirectory {
  teams: StandinTeam[];
  owners: StandinOwner[];
  grantedScopes: Set<string> | null;
}

/** Everything the stand-in knows: CRM data, property definitions, issued tokens and what it has seen. */
export interface StandinState {
  contacts: Map<string, StandinRecord>;
  companies: Map<string, StandinRecord>;
  /** contact id -> associated company ids, the primary one first. */
  associations: Map<string, string[]>;
  groups: Map<string, { name: string; label: string; displayOrder: number }>;
  properties: Map<string, StandinProperty>;
  /** Names of the properties the seed's contacts carry beyond HubSpot's own: the portal's custom properties. */
  seededContactProperties: Set<string>;
  revokedTokens: Set<string>;
  /** user id -> teams and super admin flag, served by `GET /settings/v3/users/:id`. */
  users: Map<string, { primaryTeamId?: string; secondaryTeamIds: string[]; superAdmin: boolean }>;
  /** The account's teams and CRM owners (`GET /settings/v3/users/teams`, `GET /crm/v3/owners`), HubSpot's shapes. */
  directory: StandinDirectory;
  /** HubSpot Leads (`0-136`): records, lead properties and pipelines (lead-state.ts). */
  leads: StandinLeads;
  /** Custom workflow action executions HubSpot blocked on, by callback id (workflow-callback-routes.ts). */
  workflowCallbacks: StandinWorkflowCallbacks;
  stats: StandinStats;
  updates: RecordedBatchUpdate[];
  requestLog: LoggedRequest[];
}

/** A seed file: contacts (each optionally with its primary company id) and companies. */
export const seedSchema = z.object({
  contacts: z.array(
    z.object({
      id: z.coerce.string(),
      properties: z.record(z.string(), z.string().nullable()),
      companyId: z.coerce.string().optional(),
    }),
  ),
  companies: z
    .array(z.object({ id: z.coerce.string(), properties: z.record(z.string(), z.string().nullable()) }))
    .default([]),
});
export type StandinSeed = z.infer<typeof seedSchema>;

/** Fresh counters. */
export function emptyStats(): StandinStats {
  return {
    requests: 0,
    byRoute: {},
    rateLimited: { TEN_SECONDLY_ROLLING: 0, SECONDLY: 0, DAILY: 0 },
    injectedFailures: 0,
    scriptedFailures: { '429': 0, '503': 0 },
    batchUpdates: 0,
    contactsWritten: 0,
  };
}

/** Where HubSpot keeps a record's last change: `lastmodifieddate` on contacts, `hs_lastmodifieddate` on companies. */
export const MODIFIED_PROPERTY = { contacts: 'lastmodifieddate', companies: 'hs_lastmodifieddate' } as const;

function toRecord(
  id: string,
  properties: Record<string, string | null>,
  at: string,
  modified: string = MODIFIED_PROPERTY.contacts,
): StandinRecord {
  return {
    id,
    properties: { createdate: at, [modified]: at, hs_object_id: id, ...properties },
    createdAt: at,
    updatedAt: at,
  };
}

/** Builds the in-memory state from a seed. */
export function createStandinState(seed: StandinSeed, now = Date.now()): StandinState {
  const at = new Date(now).toISOString();
  const state: StandinState = {
    contacts: new Map(),
    companies: new Map(),
    associations: new Map(),
    groups: new Map([
      ['contactinformation', { name: 'contactinformation', label: 'Contact information', displayOrder: -1 }],
    ]),
    properties: new Map(),
    seededContactProperties: new Set(
      seed.contacts
        .flatMap((contact) => Object.keys(contact.properties))
        .filter((name) => !name.startsWith('lead_pact_')),
    ),
    revokedTokens: new Set(),
    users: new Map(),
    directory: { teams: [], owners: [], grantedScopes: null },
    leads: createStandinLeads(),
    workflowCallbacks: new Map(),
    stats: emptyStats(),
    updates: [],
    requestLog: [],
  };
  for (const company of seed.companies)
    state.companies.set(
      company.id,
      toRecord(company.id, company.properties, at, MODIFIED_PROPERTY.companies),
    );
  for (const contact of seed.contacts) {
    state.contacts.set(contact.id, toRecord(contact.id, contact.properties, at));
    if (contact.companyId !== undefined && state.companies.has(contact.companyId)) {
      state.associations.set(contact.id, [contact.companyId]);
    }
  }
  return state;
}
