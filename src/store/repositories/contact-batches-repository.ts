import type { ContactBatchesPort } from '../../use-cases/ports/contact-batches';
import type { DbContext } from '../db-context';
import { readPropertyMap } from './contacts-repository';
import { SUMMARY_COLUMNS, toSummary } from './qualifications-repository';

/** Big-batch reads for rescoring: contacts in id order with their current qualification, one query per page. */
export function contactBatchesRepository(ctx: DbContext): ContactBatchesPort {
  return {
    /** Up to `limit` contacts after `afterId` (null = from the start), in id order. */
    async page(portalId: string, afterId: string | null, limit: number) {
      let query = ctx.db
        .selectFrom('contacts as c')
        .leftJoin('qualifications as q', (join) =>
          join.onRef('q.portal_id', '=', 'c.portal_id').onRef('q.contact_id', '=', 'c.contact_id'),
        )
        .select(['c.contact_id as id', 'c.properties', 'c.company', 'q.tier as q_tier'])
        .select(SUMMARY_COLUMNS.slice(1).map((c) => `q.${c}` as const))
        .where('c.portal_id', '=', portalId)
        .orderBy('c.contact_id')
        .limit(limit);
      if (afterId !== null) query = query.where('c.contact_id', '>', afterId);
      const rows = await query.execute();
      return rows.map((r) => ({
        contact: {
          id: r.id,
          properties: readPropertyMap(r.properties, 'contacts.properties'),
          company: r.company === null ? null : readPropertyMap(r.company, 'contacts.company'),
        },
        current:
          r.q_tier === null
            ? null
            : toSummary({
                contact_id: r.id,
                tier: r.q_tier,
                grade: r.grade as string,
                score: r.score as number,
                stage: r.stage as string,
                route: r.route as string,
                tier_reason: r.tier_reason,
                reasons: r.reasons as string,
                agreement_version: r.agreement_version as number,
                qualified_at: r.qualified_at,
                follow_up_due: r.follow_up_due,
                sla_status: r.sla_status,
                recycled_at: r.recycled_at,
                capacity_month: r.capacity_month,
              }),
      }));
    },
  };
}

export type ContactBatchesRepository = ReturnType<typeof contactBatchesRepository>;
