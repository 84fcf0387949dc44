import type { LeadCounts, LeadHandoff, LeadSyncStatus, LeadsPort } from '../../../src/use-cases/ports/leads';
import type { JobsPort, NewJob } from '../../../src/use-cases/ports/jobs';

type Row = LeadHandoff & { closedAt: number | null; portalId: string };

/**
 * The leads table in memory, with the store's rules (test/store/leads.contract.ts holds the real one to them): one
 * open row per contact, revisions, claims, a refused creation frees the contact, a conversion closes the Lead.
 */
export function inMemoryLeads() {
  const rows: Row[] = [];
  const find = (portalId: string, key: { contactId: string; handoffAt: number }) =>
    rows.find(
      (r) => r.portalId === portalId && r.contactId === key.contactId && r.handoffAt === key.handoffAt,
    );
  const openOf = (portalId: string, contactId: string) =>
    rows.find((r) => r.portalId === portalId && r.contactId === contactId && r.closedAt === null);
  const strip = ({ closedAt: _c, portalId: _p, ...row }: Row): LeadHandoff => ({ ...row });
  const port: LeadsPort = {
    async open(portalId, h, now) {
      if (find(portalId, h) || openOf(portalId, h.contactId)) return false;
      rows.push({
        portalId,
        ...h,
        teamId: h.teamId ?? null,
        leadId: null,
        wanted: 'open',
        reason: null,
        reasonNote: null,
        hubspotStage: null,
        workedAt: null,
        convertedAt: null,
        closedAt: null,
        status: 'pending',
        revision: 1,
        attempts: 0,
        nextAttemptAt: now,
        message: null,
        createdAt: now,
        updatedAt: now,
      });
      return true;
    },
    async close(portalId, contactId, wanted, reason, reasonNote, now) {
      const row = openOf(portalId, contactId);
      if (!row || (wanted === 'accepted' && row.wanted !== 'open')) return false;
      Object.assign(row, {
        wanted,
        reason,
        reasonNote,
        closedAt: wanted === 'disqualified' ? now : null,
        status: 'pending',
        revision: row.revision + 1,
        attempts: 0,
        nextAttemptAt: now,
        message: null,
        updatedAt: now,
      });
      return true;
    },
    async claimDue(portalId, now, limit, leaseMs) {
      const due = rows
        .filter((r) => r.portalId === portalId && r.status === 'pending' && r.nextAttemptAt <= now)
        .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.handoffAt - b.handoffAt)
        .slice(0, limit);
      for (const r of due) r.nextAttemptAt = now + leaseMs;
      return due.sort((a, b) => a.handoffAt - b.handoffAt).map(strip);
    },
    async markSynced(portalId, key, leadId, hubspotStage, now) {
      const row = find(portalId, key);
      if (!row) return;
      Object.assign(row, { leadId, hubspotStage, updatedAt: now });
      if (row.revision === key.revision) Object.assign(row, { status: 'synced', attempts: 0, message: null });
      else row.nextAttemptAt = now;
    },
    async recordLead(portalId, key, leadId, hubspotStage, now) {
      const row = find(portalId, key);
      if (row) Object.assign(row, { leadId, hubspotStage, updatedAt: now });
    },
    async markRejected(portalId, key, message, now) {
      const row = find(portalId, key);
      if (!row || row.revision !== key.revision) return;
      Object.assign(row, { status: 'rejected', message, updatedAt: now });
      if (row.leadId === null) row.closedAt ??= now;
    },
    async retryLater(portalId, keys, nextAttemptAt, message) {
      for (const key of keys) {
        const row = find(portalId, key);
        if (row?.status !== 'pending') continue;
        Object.assign(row, { attempts: row.attempts + 1, nextAttemptAt, message });
      }
    },
    async recordStage(portalId, leadId, stage, at, flags) {
      const row = rows.find((r) => r.portalId === portalId && r.leadId === leadId);
      if (!row) return undefined;
      row.hubspotStage = stage;
      if (flags.byRep) row.workedAt ??= at;
      if (flags.converted) {
        row.convertedAt ??= at;
        row.closedAt ??= at;
      }
      if (flags.deleted) {
        row.closedAt ??= at;
        if (row.status === 'pending') row.status = 'synced';
        row.revision++;
      }
      row.updatedAt = at;
      return strip(row);
    },
    async disqualifiedInHubSpot(portalId, leadId, stage, note, at) {
      const row = rows.find((r) => r.portalId === portalId && r.leadId === leadId && r.closedAt === null);
      if (!row) return undefined;
      Object.assign(row, {
        ...{ wanted: 'disqualified', reason: 'rep_in_hubspot', reasonNote: note, hubspotStage: stage },
        ...{ workedAt: row.workedAt ?? at, closedAt: at, status: 'synced', revision: row.revision + 1 },
        ...{ attempts: 0, message: null, updatedAt: at },
      });
      return strip(row);
    },
    async openFor(portalId, contactId) {
      const row = openOf(portalId, contactId);
      return row && strip(row);
    },
    async openAmong(portalId, contactIds) {
      return new Set(contactIds.filter((id) => openOf(portalId, id)));
    },
    async recordedAmong(portalId, handoffs) {
      return new Set(handoffs.filter((h) => find(portalId, h)).map((h) => h.contactId));
    },
    async assignOwner(portalId, key, ownerId, now) {
      const row = find(portalId, key);
      if (row) Object.assign(row, { ownerId, teamId: null, updatedAt: now });
    },
    async recordContact(portalId, key, contact, now) {
      const r = find(portalId, key);
      if (r) Object.assign(r, { name: contact.name, companyId: contact.companyId, updatedAt: now });
    },
    async openCountsByOwner(portalId, ownerIds) {
      return Object.fromEntries(
        ownerIds.map((id) => [
          id,
          rows.filter((r) => r.portalId === portalId && r.closedAt === null && r.ownerId === id).length,
        ]),
      );
    },
    async latest(portalId, contactId) {
      const mine = rows.filter((r) => r.portalId === portalId && r.contactId === contactId);
      const last = mine.sort((a, b) => b.handoffAt - a.handoffAt)[0];
      return last && strip(last);
    },
    async byLeadId(portalId, leadId) {
      const row = rows.find((r) => r.portalId === portalId && r.leadId === leadId);
      return row && strip(row);
    },
    async nextDueAt(portalId) {
      const due = rows
        .filter((r) => r.portalId === portalId && r.status === 'pending')
        .map((r) => r.nextAttemptAt);
      return due.length === 0 ? null : Math.min(...due);
    },
    async counts(portalId) {
      const counts: Record<LeadSyncStatus, number> = { pending: 0, synced: 0, rejected: 0 };
      for (const r of rows) if (r.portalId === portalId) counts[r.status]++;
      return counts;
    },
    async countsBetween(): Promise<LeadCounts> {
      throw new Error('not needed in memory');
    },
  };
  return { leads: port, rows: () => rows.map(strip) };
}

/** A job queue that records what was enqueued (one per idempotency key), for `enqueue…AfterWrites`. */
export function recordingJobs() {
  const enqueued: NewJob[] = [];
  const jobs: Pick<JobsPort, 'enqueue' | 'list'> & { waiting: () => Promise<[]> } = {
    enqueue: async (job) => {
      if (!enqueued.some((j) => j.idempotencyKey === job.idempotencyKey)) enqueued.push(job);
      return { job: { id: enqueued.length } as never, created: true };
    },
    list: async () => [],
    waiting: async () => [],
  };
  return { jobs, enqueued };
}
