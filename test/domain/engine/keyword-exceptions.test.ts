import { compileCondition } from '../../../src/domain/engine/compile-condition';
import { NOT_MATCHED } from '../../../src/domain/engine/condition-tests';
import { qualify } from '../../../src/domain/qualify';
import { agreementWith, contact, daysAgo, NOW, onlyRule, onlySignal } from '../builders';

/** The brief's role rule: managers in two languages, deputies and assistants left out. */
const ROLE = {
  property: 'jobtitle',
  keywords: [
    { any: ['本部長', '部長', 'director'], except: ['部長代理', '部長補佐', 'deputy director'], points: 30 },
    { any: ['課長', 'manager'], except: ['課長補佐', '課長代理', 'assistant to the manager'], points: 15 },
  ],
};
const role = onlyRule(ROLE);

function roleOf(jobtitle: string) {
  const q = qualify(contact({ jobtitle }), role, NOW);
  const c = q.criteria.find((x) => x.id === 'rule')!;
  return { points: q.fitPoints, outcome: c.outcome, keyword: c.keyword };
}

describe('keyword exceptions (except)', () => {
  it('cancels 部長 in 部長代理 and 課長 in 課長補佐, and says which exception did', () => {
    expect(roleOf('営業部長代理')).toEqual({
      points: 0,
      outcome: 'not_matched',
      keyword: { text: '部長', cancelledBy: '部長代理' },
    });
    expect(roleOf('経理課長補佐')).toEqual({
      points: 0,
      outcome: 'not_matched',
      keyword: { text: '課長', cancelledBy: '課長補佐' },
    });
    expect(roleOf('営業部長')).toEqual({ points: 30, outcome: 'matched', keyword: { text: '部長' } });
    expect(roleOf('経理課長')).toEqual({ points: 15, outcome: 'matched', keyword: { text: '課長' } });
  });

  it('cancels only the occurrence the exception contains: another keyword or occurrence still counts', () => {
    // 本部長 matches first; the 課長 of 課長補佐 is cancelled but the group of 本部長 has already won.
    expect(roleOf('本部長 兼 課長補佐')).toEqual({
      points: 30,
      outcome: 'matched',
      keyword: { text: '本部長' },
    });
    // The first 部長 is a deputy's, the second a real one.
    expect(roleOf('部長代理 兼 業務部長')).toEqual({
      points: 30,
      outcome: 'matched',
      keyword: { text: '部長' },
    });
    // A cancelled 部長 falls through to the next group.
    expect(roleOf('部長代理 兼 課長')).toEqual({ points: 15, outcome: 'matched', keyword: { text: '課長' } });
    // The exception must sit where the keyword is: 部長代理 elsewhere in the title does not cancel this 部長.
    expect(roleOf('営業部長 (前 部長代理)')).toMatchObject({ points: 30, keyword: { text: '部長' } });
  });

  it('applies word boundaries to Latin exceptions: "assistant to the manager" is not a manager', () => {
    expect(roleOf('Assistant to the Manager')).toEqual({
      points: 0,
      outcome: 'not_matched',
      keyword: { text: 'manager', cancelledBy: 'assistant to the manager' },
    });
    expect(roleOf('Sales Manager')).toEqual({ points: 15, outcome: 'matched', keyword: { text: 'manager' } });
    expect(roleOf('Executive Assistant to the Managers')).toMatchObject({ points: 0, keyword: undefined });
    // The exception ends on a word boundary too: "...managership" is no occurrence of it (nor of manager).
    expect(roleOf('Deputy Director')).toMatchObject({
      points: 0,
      keyword: { cancelledBy: 'deputy director' },
    });
    expect(roleOf('Deputy Directorate Lead, Director of IT')).toMatchObject({
      points: 30,
      keyword: { text: 'director' },
    });
  });

  it('folds exceptions like keywords: full-width, half-width and case do not matter', () => {
    expect(roleOf('ＡＳＳＩＳＴＡＮＴ　ＴＯ　ＴＨＥ　ＭＡＮＡＧＥＲ')).toMatchObject({
      points: 0,
      keyword: { cancelledBy: 'assistant to the manager' },
    });
    expect(roleOf('ＤＥＰＵＴＹ Director')).toMatchObject({
      points: 0,
      keyword: { cancelledBy: 'deputy director' },
    });
    const fullWidthRule = onlyRule({
      property: 'jobtitle',
      keywords: [{ any: ['ＶＰ'], except: ['ｖｐ　ｏｆ　ｆｉｎａｎｃｅ'], points: 20 }],
    });
    const points = (jobtitle: string) => qualify(contact({ jobtitle }), fullWidthRule, NOW).fitPoints;
    expect(points('VP of Finance')).toBe(0);
    expect(points('VP of Sales')).toBe(20);
    const halfWidth = onlyRule({
      property: 'jobtitle',
      keywords: [{ any: ['マネージャー'], except: ['ｱｼｽﾀﾝﾄﾏﾈｰｼﾞｬｰ'], points: 15 }],
    });
    const kana = (jobtitle: string) => qualify(contact({ jobtitle }), halfWidth, NOW).fitPoints;
    expect(kana('アシスタントマネージャー')).toBe(0);
    expect(kana('ｾｰﾙｽﾏﾈｰｼﾞｬｰ')).toBe(15);
  });

  it('names the matched keyword as the agreement writes it, also in rules without exceptions', () => {
    const plain = onlyRule({ property: 'jobtitle', keywords: [{ any: ['ＶＰ', '部長'], points: 30 }] });
    const c = qualify(contact({ jobtitle: 'vp of sales' }), plain, NOW).criteria.find((x) => x.id === 'rule');
    expect(c).toMatchObject({ outcome: 'matched', keyword: { text: 'ＶＰ' } });
    const none = qualify(contact({ jobtitle: 'Engineer' }), plain, NOW).criteria.find((x) => x.id === 'rule');
    expect(none).toMatchObject({ outcome: 'not_matched', keyword: undefined });
    const missing = qualify(contact({}), plain, NOW).criteria.find((x) => x.id === 'rule');
    expect(missing).toMatchObject({ outcome: 'unknown', keyword: undefined });
  });

  it('gives the same answer from the memo as on first sight, title after title', () => {
    const condition = compileCondition(ROLE);
    for (let round = 0; round < 3; round++) {
      expect(condition.codeOf('営業部長代理')).toBe(NOT_MATCHED);
      expect(condition.keywordOf('営業部長代理')).toEqual({ text: '部長', cancelledBy: '部長代理' });
      expect(condition.codeOf('営業部長')).toBe(0);
      expect(condition.keywordOf('経理課長')).toEqual({ text: '課長' });
      expect(condition.codeOf('経理課長')).toBe(1);
    }
    expect(condition.keywordOf(null)).toBeUndefined();
  });

  it("works in a signal's condition: a quote for a competitor's product is no quote request", () => {
    const agreement = onlySignal({
      when: {
        property: 'recent_conversion_event_name',
        keywords: [
          { any: ['見積', 'quote'], except: ['見積比較サイト', 'quote from a competitor'], points: 0 },
        ],
      },
    });
    const quote = (name: string) => {
      const q = qualify(
        contact({ recent_conversion_event_name: name, recent_conversion_date: daysAgo(0) }),
        agreement,
        NOW,
      );
      const c = q.criteria.find((x) => x.id === 'quote')!;
      return { points: Math.round(q.intentPoints), keyword: c.keyword };
    };
    expect(quote('お見積り依頼')).toEqual({ points: 60, keyword: { text: '見積' } });
    expect(quote('見積比較サイト経由')).toEqual({
      points: 0,
      keyword: { text: '見積', cancelledBy: '見積比較サイト' },
    });
    expect(quote('Newsletter: Quote from a competitor?')).toMatchObject({ points: 0 });
  });

  it('works in disqualifiers too', () => {
    const agreement = agreementWith((a) => {
      a.disqualify = [
        {
          id: 'student',
          label: 'Student',
          property: 'jobtitle',
          keywords: [{ any: ['student', '学生'], except: ['student recruitment manager'], points: 0 }],
        },
      ];
    });
    const dq = (jobtitle: string) => qualify(contact({ jobtitle }), agreement, NOW);
    expect(dq('Student').tier).toBe('disqualified');
    const recruiter = dq('Student Recruitment Manager');
    expect(recruiter.tier).not.toBe('disqualified');
    expect(recruiter.criteria.find((c) => c.id === 'student')).toMatchObject({
      outcome: 'not_matched',
      keyword: { text: 'student', cancelledBy: 'student recruitment manager' },
    });
  });
});
