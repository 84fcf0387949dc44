import fc from 'fast-check';
import { compileCondition, MEMO_LIMIT } from '../../../src/domain/engine/compile-condition';
import { NOT_MATCHED } from '../../../src/domain/engine/condition-tests';
import { qualify } from '../../../src/domain/qualify';
import { contact, NOW, onlyRule } from '../builders';

const role = (keywords: string[]) =>
  onlyRule({ property: 'jobtitle', keywords: [{ any: keywords, points: 30 }] });
const pointsFor = (jobtitle: string | undefined, agreement: ReturnType<typeof role>) =>
  qualify(contact(jobtitle === undefined ? {} : { jobtitle }), agreement, NOW).fitPoints;

describe('answers remembered per condition', () => {
  it('never gives one agreement the answer another agreement gave for the same title', () => {
    const directors = role(['director']);
    const managers = role(['manager']);
    for (let round = 0; round < 3; round++) {
      expect(pointsFor('Director of IT', directors)).toBe(30);
      expect(pointsFor('Director of IT', managers)).toBe(0);
      expect(pointsFor('IT Manager', directors)).toBe(0);
      expect(pointsFor('IT Manager', managers)).toBe(30);
    }
  });

  it('answers each title on its own when titles alternate, and a contact without one is unknown', () => {
    const agreement = role(['部長']);
    for (let round = 0; round < 3; round++) {
      expect(pointsFor('営業部長', agreement)).toBe(30);
      expect(pointsFor('営業課長', agreement)).toBe(0);
      const q = qualify(contact({}), agreement, NOW);
      expect(q.criteria.find((c) => c.id === 'rule')).toMatchObject({ value: null, outcome: 'unknown' });
    }
  });

  it('keeps at most MEMO_LIMIT answers and still answers right after starting over', () => {
    const condition = compileCondition({ property: 'jobtitle', keywords: [{ any: ['vp'], points: 30 }] });
    for (let i = 0; i < MEMO_LIMIT * 3; i++) {
      expect(condition.codeOf(i % 7 === 0 ? `VP ${i}` : `Engineer ${i}`)).toBe(i % 7 === 0 ? 0 : NOT_MATCHED);
      expect(condition.memoSize).toBeLessThanOrEqual(MEMO_LIMIT);
    }
    expect(condition.memoSize).toBeGreaterThan(0);
    expect(condition.codeOf('VP 0')).toBe(0);
    expect(condition.codeOf('Engineer 1')).toBe(NOT_MATCHED);
  });

  it('gives a remembered answer equal to the first answer for any value', () => {
    const spec = { property: 'x', contains: ['見積', 'quote'] };
    const remembering = compileCondition(spec);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('見積依頼', 'Get a QUOTE', 'ｑｕｏｔｅ'), fc.string())),
        (values) => {
          for (const value of [...values, ...values])
            expect(remembering.codeOf(value)).toBe(compileCondition(spec).codeOf(value));
        },
      ),
    );
  });
});

describe('endsWith on values that are rarely repeated (e-mail addresses)', () => {
  /** DESIGN.md section 3: a suffix match on the text after NFKC, lower-cased, spaces collapsed and trimmed. */
  const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const competitor = (suffixes: string[]) => {
    const condition = compileCondition({ property: 'email', endsWith: suffixes });
    return (email: string) => condition.codeOf(email) === 0;
  };

  it('matches the domain whatever the case, width or trailing spaces of the address', () => {
    const rival = competitor(['@rival.example']);
    expect(rival('ann@rival.example')).toBe(true);
    expect(rival('Ann@RIVAL.Example')).toBe(true);
    expect(rival('ann@ｒｉｖａｌ.example  ')).toBe(true);
    expect(rival('ann@rival.example.com')).toBe(false);
    expect(rival('ann@corp.example')).toBe(false);
  });

  it('agrees with the folded suffix match on any address and suffix', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '@rival.example',
        '@RIVAL.example',
        'ｒｉｖａｌ',
        ' ',
        '　',
        'İ',
        'ß',
        '㎏',
        'Σ',
        '.example',
      ),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    const text = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(text, { minLength: 1, maxLength: 3 }), (email, suffixes) => {
        const expected = suffixes.some((s) => fold(s) !== '' && fold(email).endsWith(fold(s)));
        expect(competitor(suffixes)(email)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
