import type { MonthlyReport, TrendPoint } from './monthly-report';

/** Below this many leads in the month, rates are read as rough (the usual small-sample rule of thumb). */
export const LITTLE_HISTORY_LEADS = 30;
/** Fewer months than this with any handoff in the trend is little history too. */
export const LITTLE_HISTORY_MONTHS = 3;

type Note = MonthlyReport['notes'][number];

/** Plain notes that explain an empty, blocked or thin report; never an error. */
export function reportNotes(facts: {
  hasAgreement: boolean;
  capacity: number | null;
  leads: number;
  handed: number;
  trend: readonly TrendPoint[];
}): Note[] {
  const notes: Note[] = [];
  if (!facts.hasAgreement) {
    notes.push({
      code: 'no_agreement',
      en: 'No agreement is active yet: evidence and suggestions need one.',
      ja: '有効な合意がまだありません。根拠と提案には合意が必要です。',
    });
  }
  if (facts.leads === 0 && facts.handed === 0) {
    notes.push({
      code: 'empty_month',
      en: 'No leads were qualified or handed to sales this month.',
      ja: 'この月に評価・引き渡しされたリードはありません。',
    });
  }
  if (facts.capacity === 0) {
    notes.push({
      code: 'capacity_zero',
      en: 'Capacity for this month was 0: no lead could be handed to sales.',
      ja: 'この月の受け入れ枠は0件のため、営業に引き渡せるリードはありませんでした。',
    });
  }
  const activeMonths = facts.trend.filter((point) => point.handed > 0).length;
  if (facts.leads < LITTLE_HISTORY_LEADS || activeMonths < LITTLE_HISTORY_MONTHS) {
    notes.push({
      code: 'little_history',
      en: `Little history so far (${facts.leads} leads this month, ${activeMonths} of the last 6 months with handoffs): intervals are wide, read rates as rough.`,
      ja: `履歴がまだ少ないため（今月のリード${facts.leads}件、直近6か月で引き渡しのあった月は${activeMonths}か月）、区間が広く、率は目安です。`,
    });
  }
  return notes;
}
