import type { CountRate } from './count-rate';

/**
 * True when rate `a` is meaningfully below rate `b`: both have trials and a's 95% interval lies
 * entirely below b's (non-overlapping Wilson intervals, a conservative test at roughly p < 0.01).
 */
export function clearlyBelow(a: CountRate, b: CountRate): boolean {
  return a.trials > 0 && b.trials > 0 && a.high < b.low;
}
