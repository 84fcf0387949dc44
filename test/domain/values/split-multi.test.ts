import fc from 'fast-check';
import { someMultiPart } from '../../../src/domain/values/split-multi';

/** The plain reading of a HubSpot multi-select (`a;b;c`): its trimmed, non-empty parts. The oracle someMultiPart must agree with. */
const partsOf = (raw: string): string[] =>
  raw
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');

describe('someMultiPart', () => {
  it('tests each trimmed, non-empty part of a multi-select', () => {
    const seen: string[] = [];
    someMultiPart('MACHINERY; RETAIL;;', (part) => (seen.push(part), false));
    expect(seen).toEqual(['MACHINERY', 'RETAIL']);
    expect(someMultiPart('MACHINERY; RETAIL;;', (part) => part === 'RETAIL')).toBe(true);
    expect(someMultiPart('', () => true)).toBe(false);
  });

  it('finds a part exactly when the multi-select lists it', () => {
    const part = fc.string().filter((s) => !s.includes(';'));
    fc.assert(
      fc.property(fc.array(part), part, (parts, wanted) => {
        const raw = parts.join(';');
        const expected = partsOf(raw).includes(wanted.trim()) && wanted.trim() !== '';
        expect(someMultiPart(raw, (p) => p === wanted.trim())).toBe(expected);
      }),
    );
  });
});
