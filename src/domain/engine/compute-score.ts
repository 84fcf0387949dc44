/** Share of a score half reached at exactly the threshold; points beyond it close the remaining gap by halves. */
const AT_THRESHOLD = 0.8;

/**
 * Maps points onto 0..1 against a threshold: linear from 0 (at 0 points or below) to 0.8 at the threshold, then
 * saturating toward 1, each further threshold's worth of points halving the distance left.
 */
export function saturate(points: number, threshold: number): number {
  const t = threshold > 0 ? threshold : 1;
  if (!(points > 0)) return 0;
  if (points <= t) return (AT_THRESHOLD * points) / t;
  return AT_THRESHOLD + (1 - AT_THRESHOLD) * (1 - Math.pow(2, -(points - t) / t));
}

/**
 * The 0-100 score: half from fit points measured against the A threshold, half from intent points measured
 * against the level-1 threshold (see `saturate`), rounded to a whole number. A lead exactly at A and level 1
 * scores 80; it never decreases when fit or intent points grow.
 */
export function computeScore(
  fitPoints: number,
  intentPoints: number,
  gradeA: number,
  level1: number,
): number {
  return Math.round(50 * saturate(fitPoints, gradeA) + 50 * saturate(intentPoints, level1));
}
