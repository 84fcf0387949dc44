import { z } from 'zod';
import type { QuizCandidate, QuizCandidatesPort } from '../../use-cases/ports/quiz-candidates';
import type { DbContext } from '../db-context';
import { fromJson } from '../json-column';
import { readPropertyMap } from '../repositories/contacts-repository';

/** The contacts the calibration quiz samples from: current qualifications joined with their stored snapshots. */
export function quizCandidates(ctx: DbContext): QuizCandidatesPort {
  return {
    async recent(portalId: string, limit: number): Promise<QuizCandidate[]> {
      const rows = await ctx.db
        .selectFrom('qualifications as q')
        .innerJoin('contacts as c', (join) =>
          join.onRef('c.portal_id', '=', 'q.portal_id').onRef('c.contact_id', '=', 'q.contact_id'),
        )
        .select([
          'q.contact_id',
          'q.tier',
          'q.grade',
          'q.score',
          'q.criteria',
          'q.updated_at',
          'c.properties',
          'c.company',
        ])
        .where('q.portal_id', '=', portalId)
        .where('q.tier', '!=', 'disqualified')
        .orderBy('q.updated_at', 'desc')
        .orderBy('q.contact_id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        contact: {
          id: r.contact_id,
          properties: readPropertyMap(r.properties, 'contacts.properties'),
          company: r.company === null ? null : readPropertyMap(r.company, 'contacts.company'),
        },
        tier: r.tier,
        grade: r.grade,
        score: r.score,
        criteria: fromJson(z.unknown(), r.criteria, 'qualifications.criteria'),
        updatedAt: r.updated_at,
      }));
    },
  };
}
