import { sql } from 'kysely';
import type { NewQuizRound, QuizRoundsPort, StoredQuizRound } from '../../use-cases/ports/quiz-rounds';
import type { DbContext } from '../db-context';
import type { QuizRoundsTable } from '../db-schema';

function toRound(r: QuizRoundsTable): StoredQuizRound {
  return {
    id: r.id,
    status: r.status === 'closed' ? 'closed' : 'open',
    size: r.size,
    agreementVersion: r.agreement_version,
    startedAt: r.started_at,
    startedBy: r.started_by,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
  };
}

/**
 * Calibration quiz rounds; ids count up per portal (call `create` inside a write transaction). `lockStarts` takes a
 * PostgreSQL advisory lock held until the transaction ends; on SQLite the store's `BEGIN IMMEDIATE` already
 * serialises writers.
 */
export function quizRoundsRepository(ctx: DbContext): QuizRoundsPort {
  return {
    async lockStarts(portalId: string) {
      if (ctx.engine !== 'postgres') return;
      await sql`select pg_advisory_xact_lock(hashtext(${`lead-pact:quiz-start:${portalId}`}))`.execute(
        ctx.db,
      );
    },
    async open(portalId: string) {
      const row = await ctx.db
        .selectFrom('quiz_rounds')
        .selectAll()
        .where('portal_id', '=', portalId)
        .where('status', '=', 'open')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? undefined : toRound(row);
    },
    async create(portalId: string, round: NewQuizRound): Promise<number> {
      const last = await ctx.db
        .selectFrom('quiz_rounds')
        .select((eb) => eb.fn.max('id').as('id'))
        .where('portal_id', '=', portalId)
        .executeTakeFirst();
      const id = Number(last?.id ?? 0) + 1;
      await ctx.db
        .insertInto('quiz_rounds')
        .values({
          portal_id: portalId,
          id,
          status: 'open',
          size: round.size,
          agreement_version: round.agreementVersion,
          started_at: round.startedAt,
          started_by: round.startedBy,
          closed_at: null,
          closed_by: null,
        })
        .execute();
      return id;
    },
    async get(portalId: string, id: number) {
      const row = await ctx.db
        .selectFrom('quiz_rounds')
        .selectAll()
        .where('portal_id', '=', portalId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toRound(row);
    },
    async list(portalId: string, limit: number) {
      const rows = await ctx.db
        .selectFrom('quiz_rounds')
        .selectAll()
        .where('portal_id', '=', portalId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toRound);
    },
    async close(portalId: string, id: number, by: string, at: number) {
      const result = await ctx.db
        .updateTable('quiz_rounds')
        .set({ status: 'closed', closed_at: at, closed_by: by })
        .where('portal_id', '=', portalId)
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async latestClosed(portalId: string, at: number) {
      const row = await ctx.db
        .selectFrom('quiz_rounds')
        .selectAll()
        .where('portal_id', '=', portalId)
        .where('status', '=', 'closed')
        .where('closed_at', '<=', at)
        .orderBy('closed_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? undefined : toRound(row);
    },
  };
}
