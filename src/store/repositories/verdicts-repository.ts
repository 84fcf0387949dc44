import type { StoredVerdict, VerdictsPort } from '../../use-cases/ports/verdicts';
import type { DbContext } from '../db-context';

/** Rep verdicts (accepted / rejected with a reason), kept as a history per contact. */
export function verdictsRepository(ctx: DbContext): VerdictsPort {
  return {
    /** Records a verdict. */
    async add(portalId: string, v: StoredVerdict): Promise<void> {
      await ctx.db
        .insertInto('verdicts')
        .values({
          portal_id: portalId,
          contact_id: v.contactId,
          user_id: v.userId,
          verdict: v.verdict,
          reason: v.reason,
          note: v.note,
          at: v.at,
        })
        .execute();
    },
    /** Verdicts on one contact, newest first. */
    async forContact(portalId: string, contactId: string): Promise<StoredVerdict[]> {
      const rows = await ctx.db
        .selectFrom('verdicts')
        .selectAll()
        .where('portal_id', '=', portalId)
        .where('contact_id', '=', contactId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map((r) => ({
        contactId: r.contact_id,
        userId: r.user_id,
        verdict: r.verdict,
        reason: r.reason,
        note: r.note,
        at: r.at,
      }));
    },
  };
}

export type VerdictsRepository = ReturnType<typeof verdictsRepository>;
