import { wilsonInterval } from './wilson-interval';

/** A rate shown with its counts beside it and its Wilson 95% interval. */
export interface CountRate {
  successes: number;
  trials: number;
  rate: number | null;
  low: number;
  high: number;
}

/** `successes` out of `trials` with the rate and its interval (rate null when there were no trials). */
export function countRate(successes: number, trials: number): CountRate {
  return { successes, trials, ...wilsonInterval(successes, trials) };
}
