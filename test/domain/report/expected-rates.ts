import type { CountRate } from '../../../src/domain/report/count-rate';

/**
 * Wilson 95% bounds (z = 1.96) computed by hand, independently of the code under test:
 * low/high = (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n). Worked examples:
 * 1/2: z²=3.8416, d=1+3.8416/2=2.9208, centre=(0.5+0.9604)/2.9208=0.5,
 *      half=1.96·sqrt(0.125+0.2401)/2.9208=1.96·0.60424/2.9208=0.40548 -> [0.0945, 0.9055].
 * 2/4: d=1.9604, centre=(0.5+0.4802)/1.9604=0.5, half=1.96·sqrt(0.0625+0.060025)/1.9604=0.34996 -> [0.1500, 0.8500].
 * 1/1: d=4.8416, centre=(1+1.9208)/4.8416=0.60327, half=1.96·0.98/4.8416=0.39673 -> [0.2065, 1].
 * 0/1: centre=1.9208/4.8416=0.39673=half -> [0, 0.7935].
 * 4/6: d=1.64027, centre=(0.66667+0.32013)/1.64027=0.60161, half=1.96·sqrt(0.037037+0.026678)/1.64027=0.30162 -> low 0.3000.
 * 3/150: d=1.025611, centre=(0.02+0.012805)/1.025611=0.031986, half=1.96·sqrt(0.00013067+0.00004268)/1.025611=0.025162 -> [0.0068, 0.0571].
 * 12/40: d=1.09604, centre=(0.3+0.04802)/1.09604=0.317525, half=1.96·sqrt(0.00525+0.00060025)/1.09604=0.136778 -> [0.1807, 0.4543].
 * The rest were computed the same way on a calculator.
 */
const BOUNDS: Record<string, [number, number]> = {
  '0/0': [0, 1],
  '2/4': [0.15, 0.85],
  '1/2': [0.0945, 0.9055],
  '1/1': [0.2065, 1],
  '0/1': [0, 0.7935],
  '18/240': [0.048, 0.1154],
  '2/5': [0.1176, 0.7693],
  '12/40': [0.1807, 0.4543],
  '3/150': [0.0068, 0.0571],
  '1/45': [0.0039, 0.1157],
  '12/41': [0.1761, 0.4448],
  '17/195': [0.0551, 0.1352],
  '2/2': [0.3424, 1],
  '0/2': [0, 0.6576],
  '3/4': [0.3006, 0.9544],
  '1/4': [0.0456, 0.6994],
  '14/45': [0.1953, 0.4567],
  '4/195': [0.008, 0.0515],
  '1/3': [0.0615, 0.7923],
  '17/237': [0.0453, 0.1119],
  '15/90': [0.1037, 0.2569],
  '2/3': [0.2077, 0.9385],
  '16/236': [0.0422, 0.1073],
  '6/199': [0.0139, 0.0642],
  '13/42': [0.1907, 0.4603],
  '2/6': [0.0968, 0.7],
  '1/5': [0.0362, 0.6245],
};

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/** The expected CountRate for s/n, rounded to 4 decimals (throws for a pair nobody computed). */
export function rate(successes: number, trials: number): CountRate {
  const bounds = BOUNDS[`${successes}/${trials}`];
  if (!bounds) throw new Error(`no hand-computed bounds for ${successes}/${trials}`);
  return {
    successes,
    trials,
    rate: trials === 0 ? null : round4(successes / trials),
    low: bounds[0],
    high: bounds[1],
  };
}

/** Deep copy with every number rounded to 4 decimals, to compare against hand-computed figures. */
export function rounded<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === 'number' ? round4(v) : v,
  ) as T;
}
