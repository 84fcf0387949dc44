import type { MonthlyReportResponse } from '../../contracts/report';
import { buildQuizResult } from '../../domain/quiz/build-quiz-result';
import { monthRange } from '../../domain/report/month-range';
import type { QuizStore } from './quiz-ports';

/**
 * The report's `quiz` field: the calibration round closed last by the end of `month` in `timezone` (the report's:
 * the agreement's `sla.timezone`, so a round closed at 00:30 on 1 January in Tokyo is January's), or null.
 */
export async function latestQuizAgreement(
  store: Pick<QuizStore, 'quizRounds' | 'quizLeads' | 'quizAnswers' | 'agreements'>,
  portalId: string,
  month: string,
  timezone: string,
): Promise<MonthlyReportResponse['quiz']> {
  const round = await store.quizRounds.latestClosed(portalId, monthRange(month, timezone).end - 1);
  if (round === undefined) return null;
  const [leads, answers, version] = await Promise.all([
    store.quizLeads.list(portalId, round.id),
    store.quizAnswers.list(portalId, round.id),
    store.agreements.get(portalId, round.agreementVersion),
  ]);
  if (!version) return null;
  const stats = buildQuizResult(leads, answers, version.body);
  const between = stats.betweenSides;
  return {
    roundId: String(round.id),
    closedAt: new Date(round.closedAt ?? round.startedAt).toISOString(),
    leads: between?.leads ?? 0,
    oneSided: stats.oneSided,
    percent: between === null || between.leads === 0 ? null : between.percent,
    kappa: between?.kappa ?? null,
    low: between?.low ?? null,
    high: between?.high ?? null,
  };
}
