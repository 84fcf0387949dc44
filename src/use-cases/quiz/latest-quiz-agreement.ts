import type { MonthlyReportResponse } from '../../contracts/report';
import { buildQuizResult } from '../../domain/quiz/build-quiz-result';
import type { QuizStore } from './quiz-ports';

/** The report's `quiz` field: the calibration round closed last by the end of `month` (UTC), or null. */
export async function latestQuizAgreement(
  store: Pick<QuizStore, 'quizRounds' | 'quizLeads' | 'quizAnswers' | 'agreements'>,
  portalId: string,
  month: string,
): Promise<MonthlyReportResponse['quiz']> {
  const [year, monthIndex] = month.split('-').map(Number) as [number, number];
  const round = await store.quizRounds.latestClosed(portalId, Date.UTC(year, monthIndex, 1) - 1);
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
