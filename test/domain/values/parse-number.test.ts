import fc from 'fast-check';
import { parseNumber } from '../../../src/domain/values/parse-number';

describe('parseNumber', () => {
  it('reads plain, grouped, decimal, signed and full-width numbers', () => {
    expect(parseNumber('1200')).toBe(1200);
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber(' 1,234,567.5 ')).toBe(1234567.5);
    expect(parseNumber('-3.25')).toBe(-3.25);
    expect(parseNumber('１，２００')).toBe(1200);
  });

  it('refuses text, misplaced separators and infinities', () => {
    for (const odd of ['', 'many', '1,2', '12,00', '1.2.3', 'Infinity', '0x10', '1e999'])
      expect(parseNumber(odd)).toBeNaN();
  });

  it('reads back any safe integer printed with or without thousands separators', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseNumber(String(n))).toBe(n);
        expect(parseNumber(n.toLocaleString('en-US'))).toBe(n);
      }),
    );
  });

  it('reads digits and commas only when the commas split off groups of three from the right', () => {
    const grouped = /^\d{1,3}(,\d{3})+$/;
    const digitsAndCommas = fc.array(fc.constantFrom('0', '1', '7', '9', ','), {
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(digitsAndCommas, (chars) => {
        const text = chars.join('');
        const plain = /^\d+$/.test(text);
        if (grouped.test(text)) expect(parseNumber(text)).toBe(Number(text.replace(/,/g, '')));
        else if (plain) expect(parseNumber(text)).toBe(Number(text));
        else expect(parseNumber(text)).toBeNaN();
      }),
      { numRuns: 500 },
    );
  });

  it('reads back any finite double', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (n) => Object.is(parseNumber(String(n)), n === 0 ? 0 : n) || parseNumber(String(n)) === n,
      ),
    );
  });
});
