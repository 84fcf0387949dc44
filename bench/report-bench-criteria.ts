const FIT = ['company-size', 'role', 'industry'];
const SIGNALS = ['quote-click', 'price-list', 'doc-request', 'webinar-survey', 'email-click'];

/** A small deterministic generator (mulberry32), so every run measures the same data. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The item whose weight interval `r` (0..1) falls in. */
export const pick = <T>(r: number, items: readonly T[], weights: readonly number[]): T => {
  let left = r;
  for (let i = 0; i < items.length; i += 1) {
    left -= weights[i] as number;
    if (left < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
};

/** Criteria JSON as the engine stores it: every rule and signal with its value, outcome and points. */
function criteria(rnd: () => number, fit: string, level: number): string {
  const rows = [
    ...FIT.map((id) => ({
      kind: 'fit',
      id,
      points: rnd() < (fit === 'D' ? 0.1 : 0.6) ? 15 + Math.round(rnd() * 25) : 0,
    })),
    ...SIGNALS.map((id, i) => ({
      kind: 'signal',
      id,
      points: rnd() < (i + 1 >= level ? 0.5 : 0.05) ? 5 + Math.round(rnd() * 55) : 0,
    })),
  ];
  return JSON.stringify(
    rows.map((row) => ({
      ...row,
      label: row.id,
      property: row.id.replace('-', '_'),
      value: row.points ? '1' : null,
      outcome: row.points ? 'matched' : 'not_matched',
    })),
  );
}

/** 64 criteria JSONs per grade: generating one per history row would dominate the bench set-up. */
export function criteriaPool(rnd: () => number): Map<string, string[]> {
  const pool = new Map<string, string[]>();
  for (const fit of ['A', 'B', 'C', 'D']) {
    for (const level of [1, 2, 3, 4])
      pool.set(
        `${fit}${level}`,
        Array.from({ length: 64 }, () => criteria(rnd, fit, level)),
      );
  }
  return pool;
}
