/** A rate as people write it: 0.02 -> "2%", 0.3333 -> "33.3%", null -> "–". */
export function formatPercent(rate: number | null): string {
  if (rate === null) return '–';
  return `${Math.round(rate * 1000) / 10}%`;
}
