import fc from 'fast-check';
import { locateJsonError } from '../../../src/cli/contacts/locate-json-error';

describe('locateJsonError', () => {
  it('returns null for valid JSON', () => {
    expect(locateJsonError('{"a": [1, -2.5e3, true, null, "x\\u00e9"]}')).toBeNull();
  });

  it.each([
    ['{"a":1,}', 1, 8, 'expected a double-quoted property name'],
    ['{"a": x}', 1, 7, 'expected a value'],
    ['[1,2', 1, 5, "expected ',' or ']'"],
    ['{\n  "a": tru\n}', 2, 8, 'expected "true"'],
    ['', 1, 1, 'unexpected end of input'],
    ['1 2', 1, 3, 'unexpected text after the JSON value'],
    ['{\n"a": "b\n"}', 2, 8, 'control character inside a string'],
  ])('points at the first error in %j (line %i, column %i)', (text, line, column, message) => {
    expect(locateJsonError(text)).toEqual({ line, column, message });
  });

  it('agrees with JSON.parse on which texts are valid', () => {
    const texts = ['{}', '[]', '{"a":}', '[1,]', '"\\q"', '01', '-', '{"a":1}{', ' null ', '[-0.5]'];
    for (const text of texts) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect({ text, valid: locateJsonError(text) === null }).toEqual({ text, valid });
    }
  });

  it('finds no error in any JSON.stringify output, and an error in every text JSON.parse rejects', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        expect(locateJsonError(JSON.stringify(value, null, pretty ? 2 : undefined))).toBeNull();
      }),
    );
    const nearJson = fc.stringMatching(/^[[\]{}",:0-9a-z .\-\\\n]{0,20}$/);
    fc.assert(
      fc.property(nearJson, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(locateJsonError(text) === null).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});
