import fc from 'fast-check';
import { keyword, matchKeyword } from '../../../src/domain/values/match-keyword';
import { normalizeText } from '../../../src/domain/values/normalize-text';

const matches = (text: string, word: string) =>
  matchKeyword(normalizeText(text), keyword(normalizeText(word)));

describe('normalizeText', () => {
  it('folds width, case and spaces so ＶＰ reads as vp and ｶﾅ as カナ', () => {
    expect(normalizeText('ＶＰ　of  Sales')).toBe('vp of sales');
    expect(normalizeText('ｾｰﾙｽ')).toBe('セールス');
  });

  it('is idempotent on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        (s) => normalizeText(normalizeText(s)) === normalizeText(s),
      ),
    );
  });
});

describe('matchKeyword', () => {
  it('matches English keywords on word boundaries only, so vp is not found in MVP or VPN', () => {
    expect(matches('VP, Sales', 'vp')).toBe(true);
    expect(matches('Sales ＶＰ', 'vp')).toBe(true);
    expect(matches('MVP Engineer', 'vp')).toBe(false);
    expect(matches('VPN admin', 'vp')).toBe(false);
    expect(matches('Vice  President, Sales', 'vice president')).toBe(true);
  });

  it('matches Japanese keywords anywhere in the title', () => {
    expect(matches('営業部長', '部長')).toBe(true);
    expect(matches('代表取締役社長', '取締役')).toBe(true);
  });

  it('never matches an empty keyword', () => {
    expect(matchKeyword('anything', keyword(''))).toBe(false);
  });
});
