import { z } from 'zod';

/** Job type that turns a portal's pending webhook events into history, deletions and syncs. */
export const PROCESS_INBOX_JOB = 'process-inbox';
/** Job type that reads changed contacts from HubSpot, qualifies them and fills the outbox. */
export const SYNC_CONTACTS_JOB = 'sync-contacts';

/** HubSpot's batch read takes up to 100 ids: one sync job per batch. */
export const SYNC_BATCH_SIZE = 100;

/** Payload of a process-inbox job. */
export const processInboxPayloadSchema = z.object({
  portalId: z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).transform(String),
});
export type ProcessInboxPayload = z.infer<typeof processInboxPayloadSchema>;

/** Payload of a sync-contacts job: up to 100 contact ids of one portal. */
export const syncContactsPayloadSchema = z.object({
  portalId: z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).transform(String),
  contactIds: z.array(z.string().regex(/^\d+$/)).min(1).max(SYNC_BATCH_SIZE),
});
export type SyncContactsPayload = z.infer<typeof syncContactsPayloadSchema>;

/** Job type that finds the contacts of changed companies and queues them for a sync. */
export const COMPANY_CONTACTS_JOB = 'sync-company-contacts';

/** Companies per fan-out job: HubSpot's association batch read takes 100 of them per request. */
export const COMPANY_BATCH_SIZE = 100;

/** Payload of a sync-company-contacts job: up to 100 company ids of one portal. */
export const companyContactsPayloadSchema = z.object({
  portalId: z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).transform(String),
  companyIds: z.array(z.string().regex(/^\d+$/)).min(1).max(COMPANY_BATCH_SIZE),
});
export type CompanyContactsPayload = z.infer<typeof companyContactsPayloadSchema>;
