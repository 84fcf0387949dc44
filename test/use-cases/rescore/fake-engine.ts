import type { Grade } from '../../../src/domain/agreement-schema';
import type { ContactRecord, Qualification } from '../../../src/domain/qualification';
import { pageScorer } from '../../../src/use-cases/rescore/score-page';
import type { PageScorerFactory } from '../../../src/use-cases/rescore/scored-page';
import type { ScoringEngine } from '../../../src/use-cases/rescore/scoring-engine';

/**
 * A stand-in engine for storage-level tests: the contact's `grade` and `score` properties are its
 * verdict, so a test states the outcome it wants directly.
 */
export const fakeEngine: ScoringEngine = {
  qualify(contact: ContactRecord, agreement): Qualification {
    const grade = (contact.properties.grade ?? 'C3') as Grade;
    const score = Number(contact.properties.score ?? 10);
    const eligible = agreement.handoff.salesReady.includes(grade);
    return {
      tier: eligible ? 'sales_ready' : 'nurture',
      grade,
      fitGrade: grade[0] as Qualification['fitGrade'],
      intentLevel: Number(grade[1]) as Qualification['intentLevel'],
      score,
      fitPoints: score,
      intentPoints: 0,
      stage: 'interest',
      route: eligible ? 'inside_sales' : 'marketing',
      tierReason: 'grade',
      criteria: [],
    };
  },
  renderReasons: (q, locale) =>
    `${locale}: ${q.grade} ${q.tier}${q.tierReason === 'capacity' ? ' (capacity)' : ''}`,
  followUpDue: (qualifiedAt) => qualifiedAt + 2 * 86_400_000,
};

/** A job's scorer with the fake engine, as the read-ahead worker thread builds it in tests. */
export const fakePageScorer: PageScorerFactory = (job) => pageScorer(job, fakeEngine);
