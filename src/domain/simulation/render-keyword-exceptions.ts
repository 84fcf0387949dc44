import { fillTemplate, LABELS } from '../i18n';
import type { Locale } from '../qualification';
import type { KeywordCancellation } from './keyword-exceptions';

/**
 * The keyword exceptions section of `simulate`'s text report: each keyword an exception cancelled, in words from
 * the one dictionary ("部長 — cancelled by 部長代理"), with how many contacts and a few of their values.
 */
export function renderKeywordExceptions(
  cancelled: readonly KeywordCancellation[],
  locale: Locale = 'en',
): string[] {
  const l = LABELS[locale] ?? LABELS.en;
  if (cancelled.length === 0) return ['Keyword exceptions: none cancelled a keyword in these contacts'];
  const lines = ['Keyword exceptions (contacts left without the keyword they contain):'];
  for (const c of cancelled) {
    const what = fillTemplate(l['reason.keywordCancelled'], { keyword: c.keyword, exception: c.cancelledBy });
    const examples = c.examples.map((v) => `'${v}'`).join(', ');
    const count = `${c.contacts} ${c.contacts === 1 ? 'contact' : 'contacts'}`;
    lines.push(`  ${c.label}: ${what}: ${count} (${examples})`);
  }
  return lines;
}
