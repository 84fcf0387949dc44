import { z } from 'zod';
import { criterionSchema } from '../../contracts/card';
import type { QuizLead } from '../../domain/quiz/quiz-types';
import type { QuizRoundLeadsPort } from '../../use-cases/ports/quiz-round-leads';
import type { DbContext } from '../db-context';
import { fromJson, toJson } from '../json-column';

const shownValue = z.object({
  property: z.string(),
  label: z.string(),
  value: z.string().nullable(),
  at: z.string().nullable().optional(),
});
const shownSchema = z.object({ facts: z.array(shownValue), actions: z.array(shownValue) });
const verdictSchema = z.object({
  salesReady: z.boolean(),
  grade: z.string(),
  tier: z.enum(['sales_ready', 'nurture', 'recycled', 'disqualified']),
  score: z.number(),
  // The card's criterion contract, kept loose: a snapshot keeps whatever the engine wrote (fullPoints, say).
  criteria: z.array(criterionSchema.loose()),
});

/** The leads of quiz rounds: the blind view and the verdict snapshot, each a JSON column. */
export function quizRoundLeadsRepository(ctx: DbContext): QuizRoundLeadsPort {
  return {
    async addMany(portalId: string, roundId: number, leads: readonly QuizLead[]) {
      if (leads.length === 0) return;
      await ctx.db
        .insertInto('quiz_round_leads')
        .values(
          leads.map((l) => ({
            portal_id: portalId,
            round_id: roundId,
            lead_key: l.leadKey,
            position: l.position,
            contact_id: l.contactId,
            shown: toJson({ facts: l.facts, actions: l.actions }),
            verdict: toJson(l.verdict),
          })),
        )
        .execute();
    },
    async list(portalId: string, roundId: number): Promise<QuizLead[]> {
      const rows = await ctx.db
        .selectFrom('quiz_round_leads')
        .selectAll()
        .where('portal_id', '=', portalId)
        .where('round_id', '=', roundId)
        .orderBy('position')
        .execute();
      return rows.map((r) => ({
        leadKey: r.lead_key,
        position: r.position,
        contactId: r.contact_id,
        ...fromJson(shownSchema, r.shown, 'quiz_round_leads.shown'),
        verdict: fromJson(verdictSchema, r.verdict, 'quiz_round_leads.verdict') as QuizLead['verdict'],
      }));
    },
  };
}
