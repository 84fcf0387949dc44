import { cohensKappa, tableOf } from '../../../src/domain/quiz/cohens-kappa';

describe("Cohen's kappa for two raters' yes/no", () => {
  /*
   * Worked on paper. Marketing (rows) and sales (columns) over 10 leads:
   *
   *                 sales yes   sales no  | row
   *   marketing yes     4           1     | 5   -> p1. = .5
   *   marketing no      2           3     | 5   -> p2. = .5
   *   column            6           4        -> p.1 = .6, p.2 = .4
   *
   *   po = (4 + 3) / 10 = .7;  pe = .5·.6 + .5·.4 = .5;  κ = (.7 − .5) / (1 − .5) = .4
   *
   * Fleiss, Cohen & Everitt (1969):
   *   diagonal:  p11 (1 − (p1. + p.1)(1 − κ))² = .4 (1 − 1.1·.6)² = .4 · .34² = .04624
   *              p22 (1 − (p2. + p.2)(1 − κ))² = .3 (1 − .9·.6)² = .3 · .46² = .06348      sum .10972
   *   off-diag:  (1 − κ)² [ p12 (p.1 + p2.)² + p21 (p.2 + p1.)² ] = .36 [ .1·1.1² + .2·.9² ]
   *            = .36 [ .121 + .162 ] = .10188
   *   minus:     (κ − pe(1 − κ))² = (.4 − .3)² = .01
   *   SE² = (.10972 + .10188 − .01) / (10 · .5²) = .2016 / 2.5 = .08064;  SE = .283972
   *   95%: .4 ± 1.959964 · .283972 = .4 ± .556575  ->  [−.156575, .956575]
   */
  it('gives kappa .4 with SE .284 and the interval -.157 to .957 on the worked table', () => {
    const stats = cohensKappa({ yesYes: 4, yesNo: 1, noYes: 2, noNo: 3 });
    expect(stats.leads).toBe(10);
    expect(stats.percent).toBeCloseTo(70, 10);
    expect(stats.kappa).toBeCloseTo(0.4, 10);
    expect(stats.standardError).toBeCloseTo(0.283972, 6);
    expect(stats.low).toBeCloseTo(-0.156575, 5);
    expect(stats.high).toBeCloseTo(0.956575, 5);
  });

  it('gives kappa 0 when the marketer circles all three leads of the essay and the salesperson none', () => {
    const stats = cohensKappa({ yesYes: 0, yesNo: 3, noYes: 0, noNo: 0 });
    expect(stats.percent).toBe(0);
    expect(stats.kappa).toBe(0);
  });

  it('gives kappa 1 and an interval of width 0 for perfect agreement on both answers', () => {
    const stats = cohensKappa({ yesYes: 3, yesNo: 0, noYes: 0, noNo: 2 });
    expect(stats.kappa).toBeCloseTo(1, 10);
    expect(stats.standardError).toBeCloseTo(0, 10);
    expect([stats.low, stats.high]).toEqual([expect.closeTo(1, 10), expect.closeTo(1, 10)]);
  });

  it('has no kappa when both raters said yes to every lead (chance explains it all)', () => {
    const stats = cohensKappa({ yesYes: 5, yesNo: 0, noYes: 0, noNo: 0 });
    expect(stats.percent).toBe(100);
    expect(stats.kappa).toBeNull();
    expect(stats.standardError).toBeNull();
  });

  it('has nothing to say about no leads', () => {
    expect(cohensKappa({ yesYes: 0, yesNo: 0, noYes: 0, noNo: 0 })).toMatchObject({ leads: 0, kappa: null });
  });

  it('clips the interval to [-1, 1]', () => {
    const stats = cohensKappa({ yesYes: 1, yesNo: 1, noYes: 1, noNo: 0 });
    expect(stats.low).toBeGreaterThanOrEqual(-1);
    expect(stats.high).toBeLessThanOrEqual(1);
  });

  it('tables paired answers, leaving out pairs with a missing answer', () => {
    expect(
      tableOf([
        [true, true],
        [true, false],
        [false, true],
        [false, false],
        [null, true],
        [false, null],
      ]),
    ).toEqual({ yesYes: 1, yesNo: 1, noYes: 1, noNo: 1 });
  });
});
