import { clearlyBelow } from './clearly-below';
import type { CountRate } from './count-rate';
import { formatPercent } from './format-percent';
import type { EvidenceRow } from './monthly-report';

const show = (rate: CountRate): string => `${formatPercent(rate.rate)} (${rate.successes}/${rate.trials})`;

/**
 * Where a criterion's points disagree with what happened, only when the 95% intervals do not overlap:
 * - `fewer_points`: it gives points, yet its leads converted clearly below the rest;
 * - `low_acceptance`: it gives points, yet sales accepted its leads clearly less than the rest;
 * - `more_points`: its leads converted clearly above the rest, yet it gives no more points than the
 *   median criterion of its kind.
 */
export function evidenceFlag(row: Omit<EvidenceRow, 'flag'>, medianPoints: number): EvidenceRow['flag'] {
  const { label, points, scored, rest } = row;
  if (points > 0 && clearlyBelow(scored.conversion, rest.conversion)) {
    const [s, r] = [show(scored.conversion), show(rest.conversion)];
    return {
      kind: 'fewer_points',
      en: `${label} converted ${s}, below the other leads at ${r}: consider fewer points.`,
      ja: `「${label}」のリードの商談化率は${s}で、その他のリードの${r}を下回っています。配点を下げることを検討してください。`,
    };
  }
  if (points > 0 && clearlyBelow(scored.acceptance, rest.acceptance)) {
    const [s, r] = [show(scored.acceptance), show(rest.acceptance)];
    return {
      kind: 'low_acceptance',
      en: `Sales accepted ${s} of the leads scored by ${label}, below ${r} for the other leads: consider fewer points.`,
      ja: `「${label}」で加点されたリードの営業受け入れ率は${s}で、その他のリードの${r}を下回っています。配点を下げることを検討してください。`,
    };
  }
  if (points <= medianPoints && clearlyBelow(rest.conversion, scored.conversion)) {
    const [s, r] = [show(scored.conversion), show(rest.conversion)];
    return {
      kind: 'more_points',
      en: `${label} converted ${s}, above the other leads at ${r}, yet gives only ${points} points: consider more points.`,
      ja: `「${label}」のリードの商談化率は${s}で、その他のリードの${r}を上回っていますが、配点は${points}点です。配点を上げることを検討してください。`,
    };
  }
  return null;
}
