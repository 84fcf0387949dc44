import { formatPath as domainFormatPath } from '../../../../src/domain/agreement/format-path';
import { errorsByPath, formatPath, setIn } from '../utils/agreementPaths';

describe('the settings editor paths', () => {
  it.each([
    [['fit', 'rules', 1, 'bands', 0, 'min']],
    [['capacity', 'months', '2026-12']],
    [['intent', 'levels', '1']],
    [['routing', 'some stage']],
    [[]],
  ])('write %j exactly as the server names it in validation errors', (path) => {
    expect(formatPath(path)).toBe(domainFormatPath(path));
  });

  it('file server errors under the field path, with or without the request wrapper prefix', () => {
    const errors = errorsByPath([
      { path: 'agreement.sla.timezone', message: 'unknown time zone' },
      { path: 'sla.timezone', message: 'expected an IANA name' },
      { path: 'agreement', message: 'expected an object' },
    ]);
    expect(Object.fromEntries(errors)).toEqual({
      'sla.timezone': ['unknown time zone', 'expected an IANA name'],
      '(root)': ['expected an object'],
    });
  });

  it('change one value without touching the original document, and remove list items', () => {
    const doc = { fit: { rules: [{ bands: [{ min: 1 }, { min: 2 }] }] } };
    expect(setIn(doc, ['fit', 'rules', 0, 'bands', 1, 'min'], 5)).toEqual({
      fit: { rules: [{ bands: [{ min: 1 }, { min: 5 }] }] },
    });
    expect(setIn(doc, ['fit', 'rules', 0, 'bands', 0], undefined)).toEqual({
      fit: { rules: [{ bands: [{ min: 2 }] }] },
    });
    expect(doc.fit.rules[0]?.bands[1]?.min).toBe(2);
  });
});
