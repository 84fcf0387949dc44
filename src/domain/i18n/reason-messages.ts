import type { Locale } from '../qualification';

/** The phrases `renderReasons` joins into the `lead_pact_reasons` paragraph. */
export interface ReasonMessages {
  head: (grade: string, score: number, tier: string) => string;
  age: (days: number) => string;
  decayed: (full: number) => string;
  times: (count: number) => string;
  quote: (value: string) => string;
  list: string;
  sentenceEnd: string;
  notMet: string;
  unknown: string;
  disqualifiedBy: string;
  recycled: string;
  noCriteria: string;
  open: string;
  close: string;
}

/** English and Japanese phrases; Japanese uses full-width brackets and 、 as a separator. */
export const REASON_MESSAGES: Record<Locale, ReasonMessages> = {
  en: {
    head: (grade, score, tier) => `${grade} (score ${score}, ${tier}): `,
    age: (days) => (days < 1 ? 'today' : days < 2 ? '1 day ago' : `${Math.floor(days)} days ago`),
    decayed: (full) => `, decayed from ${full}`,
    times: (count) => `, ${count} times`,
    quote: (value) => ` '${value}'`,
    list: '; ',
    sentenceEnd: '. ',
    notMet: 'Not met: ',
    unknown: 'Unknown: ',
    disqualifiedBy: 'Disqualified: ',
    recycled: 'Recycled; waits for a signal newer than its recycling. ',
    noCriteria: 'No criterion met',
    open: ' (',
    close: ')',
  },
  ja: {
    head: (grade, score, tier) => `${grade}（スコア${score}・${tier}）：`,
    age: (days) => (days < 1 ? '今日' : `${Math.floor(days)}日前`),
    decayed: (full) => `、減衰前${full}`,
    times: (count) => `、${count}回`,
    quote: (value) => `「${value}」`,
    list: '、',
    sentenceEnd: '。',
    notMet: '非該当：',
    unknown: '不明：',
    disqualifiedBy: '対象外：',
    recycled: 'リサイクル済み。リサイクル後の新しい行動で再評価されます。',
    noCriteria: '該当する基準なし',
    open: '（',
    close: '）',
  },
};
