import type { Route, Stage } from '../agreement-schema';
import type { CriterionOutcome, CriterionResult, Locale, Tier } from '../qualification';

type Note = NonNullable<CriterionResult['note']>;

/** Words for a criterion's outcome, as the card shows them. */
export const OUTCOME_LABELS: Record<Locale, Record<CriterionOutcome, string>> = {
  en: { matched: 'Met', not_matched: 'Not met', unknown: 'Unknown' },
  ja: { matched: '該当', not_matched: '非該当', unknown: '不明' },
};

/** Why a criterion is unknown. */
export const NOTE_LABELS: Record<Locale, Record<Note, string>> = {
  en: { missing: 'no value', unparsable: 'unreadable value', date_unknown: 'date unknown' },
  ja: { missing: '値なし', unparsable: '読み取れない値', date_unknown: '日付不明' },
};

/** Tier names for people (the property values stay `sales_ready`...). */
export const TIER_LABELS: Record<Locale, Record<Tier, string>> = {
  en: { sales_ready: 'sales-ready', nurture: 'nurture', recycled: 'recycled', disqualified: 'disqualified' },
  ja: { sales_ready: '営業へ引き渡し', nurture: '育成', recycled: 'リサイクル', disqualified: '対象外' },
};

/** Stage of consideration names. */
export const STAGE_LABELS: Record<Locale, Record<Stage, string>> = {
  en: { awareness: 'awareness', interest: 'interest', comparison: 'comparison', decision: 'decision' },
  ja: { awareness: '認知', interest: '興味・関心', comparison: '比較・検討', decision: '導入決定' },
};

/** Route names. */
export const ROUTE_LABELS: Record<Locale, Record<Route, string>> = {
  en: { field_sales: 'field sales', inside_sales: 'inside sales', marketing: 'marketing' },
  ja: { field_sales: 'フィールドセールス', inside_sales: 'インサイドセールス', marketing: 'マーケティング' },
};
