/**
 * z for a two-sided 95% interval. The conventional rounded value keeps hand-computed test
 * expectations simple; the exact quantile (1.959964) changes no bound by more than 0.0001.
 */
const Z = 1.96;

/** A proportion with its Wilson 95% interval; `rate` is null when there were no trials. */
export interface Interval {
  rate: number | null;
  low: number;
  high: number;
}

/**
 * Wilson score 95% interval for `successes` out of `trials`.
 * With 0 trials nothing is known: rate null and the widest interval [0, 1].
 */
export function wilsonInterval(successes: number, trials: number): Interval {
  if (!Number.isFinite(trials) || trials <= 0) return { rate: null, low: 0, high: 1 };
  const n = trials;
  const p = Math.min(Math.max(successes / n, 0), 1);
  const z2 = Z * Z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { rate: p, low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}
