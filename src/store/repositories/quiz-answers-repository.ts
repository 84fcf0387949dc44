import type { QuizAnswerRecord, Side } from '../../domain/quiz/quiz-types';
import type { QuizAnswersPort } from '../../use-cases/ports/quiz-answers';
import type { DbContext } from '../db-context';

const sideOf = (text: string): Side => (text === 'sales' ? 'sales' : 'marketing');

/** Participants' answers in quiz rounds, one per lead and user. */
export function quizAnswersRepository(ctx: DbContext): QuizAnswersPort {
  return {
    async upsertMany(portalId: string, roundId: number, answers: readonly QuizAnswerRecord[], at: number) {
      if (answers.length === 0) return;
      await ctx.db
        .insertInto('quiz_answers')
        .values(
          answers.map((a) => ({
            portal_id: portalId,
            round_id: roundId,
            lead_key: a.leadKey,
            user_id: a.userId,
            side: a.side,
            call_this_month: a.callThisMonth ? 1 : 0,
            answered_at: at,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['portal_id', 'round_id', 'lead_key', 'user_id']).doUpdateSet((eb) => ({
            side: eb.ref('excluded.side'),
            call_this_month: eb.ref('excluded.call_this_month'),
            answered_at: eb.ref('excluded.answered_at'),
          })),
        )
        .execute();
    },
    async list(portalId: string, roundId: number): Promise<QuizAnswerRecord[]> {
      const rows = await ctx.db
        .selectFrom('quiz_answers')
        .selectAll()
        .where('portal_id', '=', portalId)
        .where('round_id', '=', roundId)
        .orderBy('lead_key')
        .orderBy('user_id')
        .execute();
      return rows.map((r) => ({
        userId: r.user_id,
        side: sideOf(r.side),
        leadKey: r.lead_key,
        callThisMonth: r.call_this_month === 1,
      }));
    },
    async sideOf(portalId: string, roundId: number, userId: string) {
      const row = await ctx.db
        .selectFrom('quiz_answers')
        .select('side')
        .where('portal_id', '=', portalId)
        .where('round_id', '=', roundId)
        .where('user_id', '=', userId)
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? undefined : sideOf(row.side);
    },
    async participants(portalId: string, roundIds: readonly number[]) {
      const counts = new Map<number, Record<Side, number>>();
      for (const id of roundIds) counts.set(id, { marketing: 0, sales: 0 });
      if (roundIds.length === 0) return counts;
      const rows = await ctx.db
        .selectFrom('quiz_answers')
        .select(['round_id', 'side', (eb) => eb.fn.count<number>('user_id').distinct().as('people')])
        .where('portal_id', '=', portalId)
        .where('round_id', 'in', [...roundIds])
        .groupBy(['round_id', 'side'])
        .execute();
      for (const r of rows) {
        const entry = counts.get(r.round_id);
        if (entry !== undefined) entry[sideOf(r.side)] = Number(r.people);
      }
      return counts;
    },
  };
}
