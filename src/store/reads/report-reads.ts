import { z } from 'zod';
import type {
  ContactInstant,
  LeadEventRow,
  ReportReadsPort,
  ReportWindow,
  SeenValue,
  StoredContactProperties,
  StoredVerdictRow,
} from '../../use-cases/ports/report-reads';
import type { DbContext } from '../db-context';
import { fromJson } from '../json-column';
import { reportCohort } from './report-cohort';
import { reportHeldBack } from './report-held-back';

const storedProperties = z.record(z.string(), z.string().nullable().optional());

/** The monthly report's read model over history, contacts, signals and verdicts (bench/report-bench.ts). */
export function reportReads(ctx: DbContext): ReportReadsPort {
  const { db } = ctx;
  return {
    async leadEvents(portalId: string, window: ReportWindow): Promise<LeadEventRow[]> {
      const rows = await db
        .selectFrom('qualification_history')
        .select([
          'contact_id',
          'tier',
          'qualified_at',
          'recycled_at',
          'sla_status',
          'grade',
          'score',
          'stage',
        ])
        .select(['agreement_version', 'follow_up_due', 'recycle_cause', 'route'])
        .where('portal_id', '=', portalId)
        // A row is written when (or after) it qualifies or recycles: the bound lets the report index skip older months.
        .where('at', '>=', window.start)
        // Redundant with the branches below, but lets an index on (portal_id, tier, ...) narrow the read.
        .where('tier', 'in', ['sales_ready', 'recycled'])
        .where((eb) =>
          eb.or([
            eb.and([
              eb('tier', '=', 'sales_ready'),
              eb('qualified_at', '>=', window.start),
              eb('qualified_at', '<', window.end),
            ]),
            eb.and([
              eb('tier', '=', 'recycled'),
              eb('recycled_at', '>=', window.monthStart),
              eb('recycled_at', '<', window.end),
            ]),
          ]),
        )
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        contactId: row.contact_id,
        tier: row.tier,
        qualifiedAt: row.qualified_at === null ? null : Number(row.qualified_at),
        recycledAt: row.recycled_at === null ? null : Number(row.recycled_at),
        slaStatus: row.sla_status,
        grade: row.grade,
        score: row.score,
        stage: row.stage,
        agreementVersion: row.agreement_version,
        followUpDue: row.follow_up_due === null ? null : Number(row.follow_up_due),
        recycleCause: row.recycle_cause,
        route: row.route,
      }));
    },
    cohort: (portalId, window) => reportCohort(ctx, portalId, window),
    heldBack: (portalId, window) => reportHeldBack(ctx, portalId, window),
    async contactProperties(portalId, contactIds): Promise<StoredContactProperties[]> {
      const rows = await db
        .selectFrom('contacts')
        .select(['contact_id', 'properties'])
        .where('portal_id', '=', portalId)
        .where('contact_id', 'in', contactIds)
        .execute();
      return rows.map((row) => ({
        contactId: row.contact_id,
        properties: fromJson(storedProperties, row.properties, 'contacts.properties'),
      }));
    },
    async seenValues(portalId, contactIds, properties): Promise<SeenValue[]> {
      const rows = await db
        .selectFrom('signal_history')
        .select(['contact_id', 'value'])
        .where('portal_id', '=', portalId)
        .where('contact_id', 'in', contactIds)
        .where('property', 'in', [...properties])
        .execute();
      return rows.map((row) => ({ contactId: row.contact_id, value: row.value }));
    },
    async verdicts(portalId, contactIds): Promise<StoredVerdictRow[]> {
      const rows = await db
        .selectFrom('verdicts')
        .select(['contact_id', 'verdict', 'reason', 'at'])
        .where('portal_id', '=', portalId)
        .where('contact_id', 'in', contactIds)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        contactId: row.contact_id,
        verdict: row.verdict,
        reason: row.reason,
        at: Number(row.at),
      }));
    },
    async slaBreaches(portalId, contactIds, since): Promise<ContactInstant[]> {
      const rows = await db
        .selectFrom('qualification_history')
        .select(['contact_id', (eb) => eb.fn.min('at').as('at')])
        .where('portal_id', '=', portalId)
        .where('contact_id', 'in', contactIds)
        .where('sla_status', '=', 'breached')
        .where('at', '>=', since)
        .groupBy(['contact_id', 'qualified_at'])
        .execute();
      return rows.map((row) => ({ contactId: row.contact_id, at: Number(row.at) }));
    },
    async leadTouches(portalId, contactIds): Promise<ContactInstant[]> {
      if (contactIds.length === 0) return [];
      const rows = await db
        .selectFrom('leads')
        .select(['contact_id', 'worked_at'])
        .where('portal_id', '=', portalId)
        .where('contact_id', 'in', contactIds)
        .where('worked_at', 'is not', null)
        .orderBy('contact_id')
        .orderBy('handoff_at')
        .execute();
      return rows.map((row) => ({ contactId: row.contact_id, at: Number(row.worked_at) }));
    },
  };
}
