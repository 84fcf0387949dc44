import { wilsonInterval } from '../../../src/domain/report/wilson-interval';
import { median } from '../../../src/domain/report/median';
import { rounded } from './expected-rates';

describe('wilsonInterval', () => {
  it('gives 1 out of 2 the wide interval [0.0945, 0.9055], not 50% certainty', () => {
    expect(rounded(wilsonInterval(1, 2))).toEqual({ rate: 0.5, low: 0.0945, high: 0.9055 });
  });

  it('narrows as evidence grows: 3 out of 150 is [0.0068, 0.0571]', () => {
    // centre 0.031986, half-width 0.025162 (see expected-rates.ts)
    expect(rounded(wilsonInterval(3, 150))).toEqual({ rate: 0.02, low: 0.0068, high: 0.0571 });
  });

  it('keeps all-or-nothing rates inside [0, 1]: 0/1 is [0, 0.7935] and 1/1 is [0.2065, 1]', () => {
    expect(rounded(wilsonInterval(0, 1))).toEqual({ rate: 0, low: 0, high: 0.7935 });
    expect(rounded(wilsonInterval(1, 1))).toEqual({ rate: 1, low: 0.2065, high: 1 });
  });

  it('says nothing is known with no trials: rate null, interval [0, 1]', () => {
    expect(wilsonInterval(0, 0)).toEqual({ rate: null, low: 0, high: 1 });
  });
});

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the two middle ones of an even count', () => {
    expect(median([120, 6, 12])).toBe(12);
    expect(median([120, 6])).toBe(63);
  });

  it('is null for no values', () => {
    expect(median([])).toBeNull();
  });
});
