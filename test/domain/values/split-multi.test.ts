import fc from 'fast-check';
import { someMultiPart, splitMulti } from '../../../src/domain/values/split-multi';

describe('splitMulti', () => {
  it('splits a multi-select into trimmed, non-empty parts', () => {
    expect(splitMulti('MACHINERY; RETAIL;;')).toEqual(['MACHINERY', 'RETAIL']);
    expect(splitMulti('')).toEqual([]);
  });

  it('finds a part exactly when splitMulti lists it', () => {
    const part = fc.string().filter((s) => !s.includes(';'));
    fc.assert(
      fc.property(fc.array(part), part, (parts, wanted) => {
        const raw = parts.join(';');
        const expected = splitMulti(raw).includes(wanted.trim()) && wanted.trim() !== '';
        expect(someMultiPart(raw, (p) => p === wanted.trim())).toBe(expected);
      }),
    );
  });
});
