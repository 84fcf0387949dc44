/** Two raters' yes/no answers over the same leads: first rater's answer, then the second's. */
export interface TwoByTwo {
  yesYes: number;
  yesNo: number;
  noYes: number;
  noNo: number;
}

/** Raw agreement and Cohen's kappa with its large-sample 95% interval. */
export interface KappaStats {
  leads: number;
  table: TwoByTwo;
  /** Share of leads answered alike, 0..100. */
  percent: number;
  kappa: number | null;
  standardError: number | null;
  low: number | null;
  high: number | null;
}

/** The normal quantile of a two-sided 95% interval. */
const Z_95 = 1.959964;

/**
 * Cohen's (1960) kappa, κ = (po − pe) / (1 − pe), for a 2x2 table with cells p_ij = n_ij / n, row margins p_i. (first
 * rater), column margins p_.j (second), po = p_11 + p_22 and pe = p_1.·p_.1 + p_2.·p_.2.
 *
 * Its standard error is the large-sample one of Fleiss, Cohen & Everitt (1969), the one for an interval (not the
 * one under κ = 0):
 *   SE² = [ Σ_i p_ii (1 − (p_i. + p_.i)(1 − κ))² + (1 − κ)² Σ_{i≠j} p_ij (p_.i + p_j.)² − (κ − pe(1 − κ))² ]
 *         / ( n (1 − pe)² )
 * and the interval is κ ± 1.96·SE, clipped to [−1, 1]. κ is null when pe = 1 (both raters gave one and the same
 * answer everywhere: chance explains all), the SE and interval are null then and with fewer than 2 leads.
 */
export function cohensKappa(table: TwoByTwo): KappaStats {
  const n = table.yesYes + table.yesNo + table.noYes + table.noNo;
  const base = { leads: n, table: { ...table } };
  if (n === 0) return { ...base, percent: 0, kappa: null, standardError: null, low: null, high: null };
  const p = [
    [table.yesYes / n, table.yesNo / n],
    [table.noYes / n, table.noNo / n],
  ] as const;
  const row = [p[0][0] + p[0][1], p[1][0] + p[1][1]] as const;
  const col = [p[0][0] + p[1][0], p[0][1] + p[1][1]] as const;
  const po = p[0][0] + p[1][1];
  const pe = row[0] * col[0] + row[1] * col[1];
  const percent = po * 100;
  if (pe >= 1 - 1e-12) return { ...base, percent, kappa: null, standardError: null, low: null, high: null };
  const kappa = (po - pe) / (1 - pe);
  if (n < 2) return { ...base, percent, kappa, standardError: null, low: null, high: null };
  const k1 = 1 - kappa;
  let sum = 0;
  for (const i of [0, 1] as const) sum += p[i][i] * (1 - (row[i] + col[i]) * k1) ** 2;
  sum += k1 ** 2 * (p[0][1] * (col[0] + row[1]) ** 2 + p[1][0] * (col[1] + row[0]) ** 2);
  sum -= (kappa - pe * k1) ** 2;
  const standardError = Math.sqrt(Math.max(0, sum) / (n * (1 - pe) ** 2));
  const clip = (x: number) => Math.min(1, Math.max(-1, x));
  return {
    ...base,
    percent,
    kappa,
    standardError,
    low: clip(kappa - Z_95 * standardError),
    high: clip(kappa + Z_95 * standardError),
  };
}

/** The 2x2 table of paired answers (pairs with a missing answer on either side are left out). */
export function tableOf(pairs: Iterable<readonly [boolean | null, boolean | null]>): TwoByTwo {
  const table = { yesYes: 0, yesNo: 0, noYes: 0, noNo: 0 };
  for (const [first, second] of pairs) {
    if (first === null || second === null) continue;
    if (first) table[second ? 'yesYes' : 'yesNo'] += 1;
    else table[second ? 'noYes' : 'noNo'] += 1;
  }
  return table;
}
