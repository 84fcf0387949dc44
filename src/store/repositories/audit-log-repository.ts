import { z } from 'zod';
import type { AuditEntry, AuditLogPort } from '../../use-cases/ports/audit-log';
import type { DbContext } from '../db-context';
import { fromJson, toJson } from '../json-column';

const detailsSchema = z.record(z.string(), z.unknown());

/** Append-only audit log of who changed what. */
export function auditLogRepository(ctx: DbContext): AuditLogPort {
  return {
    /** Appends one entry. */
    async record(entry: AuditEntry): Promise<void> {
      await ctx.db
        .insertInto('audit_log')
        .values({
          portal_id: entry.portalId,
          actor: entry.actor,
          action: entry.action,
          details: toJson(entry.details),
          at: entry.at,
        })
        .execute();
    },
    /** The latest entries of a portal, newest first; only those of `actions` when given (the mapping's history). */
    async list(portalId: string, limit = 100, actions?: readonly string[]): Promise<AuditEntry[]> {
      let query = ctx.db.selectFrom('audit_log').selectAll().where('portal_id', '=', portalId);
      if (actions) {
        if (actions.length === 0) return [];
        query = query.where('action', 'in', [...actions]);
      }
      const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        portalId: r.portal_id,
        actor: r.actor,
        action: r.action,
        details: fromJson(detailsSchema, r.details, 'audit_log.details'),
        at: r.at,
      }));
    },
  };
}
