import type { QuizAction, QuizAgreementStats } from '@lead-pact/contracts';
import { formatDate, formatNumber, type Locale } from '../../../shared/locale';
import type { QuizMessages } from '../../i18n/quizEn';

/** A share 0..1 as percent points for a chart or a sentence (one decimal). */
export const percentOf = (share: number): number => Math.round(share * 1000) / 10;

/** A kappa or its bound, two decimals in the locale's digits. */
const kappaText = (value: number, locale: Locale) => formatNumber(value, locale, 2);

/** "Same answer on 2 of 5 leads (40%)" and "Cohen's kappa 0.12 (95% interval -0.18 to 0.41)", or why not. */
export function agreementLines(stats: QuizAgreementStats, q: QuizMessages, locale: Locale): string[] {
  if (stats.leads === 0) return [q.notCompared];
  const agreed = stats.table.yesYes + stats.table.noNo;
  const percent = q.percent(
    formatNumber(agreed, locale),
    formatNumber(stats.leads, locale),
    formatNumber(stats.percent, locale, 1),
  );
  if (stats.kappa === null) return [percent, q.kappaUndefined];
  if (stats.low === null || stats.high === null)
    return [percent, q.kappaNoInterval(kappaText(stats.kappa, locale))];
  return [
    percent,
    q.kappa(kappaText(stats.kappa, locale), kappaText(stats.low, locale), kappaText(stats.high, locale)),
  ];
}

/** One action as a line: "Answered the webinar survey · Q4 webinar · Nov 12, 2026" (no points, no decay). */
export function actionLine(action: QuizAction, q: QuizMessages, locale: Locale, timeZone: string): string {
  const parts = [action.label];
  if (action.value !== null) parts.push(action.value);
  parts.push(action.at === null ? q.dateUnknown : formatDate(action.at, locale, timeZone));
  return parts.join(' · ');
}
