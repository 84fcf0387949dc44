import { qualify } from '../../src/domain/qualify';
import { contact, NOW, onlyRule } from './builders';

const fitOf = (
  rule: Parameters<typeof onlyRule>[0],
  properties: Record<string, string>,
  company?: Record<string, string>,
) => {
  const q = qualify(contact(properties, company), onlyRule(rule), NOW);
  const c = q.criteria.find((x) => x.id === 'rule')!;
  return { points: q.fitPoints, outcome: c.outcome, note: c.note };
};

describe('qualify: rule operators', () => {
  const size = {
    property: 'company.numberofemployees',
    bands: [
      { min: 1000, points: 40 },
      { min: 100, points: 25 },
    ],
  };

  it('gives the first matching band, reading "1,200" and "1200" alike from the company', () => {
    expect(fitOf(size, {}, { numberofemployees: '1,200' }).points).toBe(40);
    expect(fitOf(size, {}, { numberofemployees: '1200' }).points).toBe(40);
    expect(fitOf(size, {}, { numberofemployees: '999' }).points).toBe(25);
    expect(fitOf(size, {}, { numberofemployees: '99' })).toMatchObject({ points: 0, outcome: 'not_matched' });
  });

  it('says unknown, never throws, when the number is missing or unparsable or there is no company', () => {
    expect(fitOf(size, {}, { numberofemployees: 'lots' })).toEqual({
      points: 0,
      outcome: 'unknown',
      note: 'unparsable',
    });
    expect(fitOf(size, {}, { numberofemployees: '' })).toEqual({
      points: 0,
      outcome: 'unknown',
      note: 'missing',
    });
    expect(fitOf(size, {})).toEqual({ points: 0, outcome: 'unknown', note: 'missing' });
  });

  it('gives the first keyword group that matches a title, Japanese or full-width', () => {
    const role = {
      property: 'jobtitle',
      keywords: [
        { any: ['部長', 'vp', 'vice president'], points: 30 },
        { any: ['manager', '課長'], points: 15 },
      ],
    };
    expect(fitOf(role, { jobtitle: '営業部長' }).points).toBe(30);
    expect(fitOf(role, { jobtitle: 'ＶＰ of Sales' }).points).toBe(30);
    expect(fitOf(role, { jobtitle: 'Vice President, Marketing' }).points).toBe(30);
    expect(fitOf(role, { jobtitle: '営業課長' }).points).toBe(15);
    expect(fitOf(role, { jobtitle: 'MVP Product Manager' }).points).toBe(15);
    expect(fitOf(role, { jobtitle: 'Engineer' })).toMatchObject({ points: 0, outcome: 'not_matched' });
  });

  it('matches in / notIn / equals against any part of a multi-select, ignoring case', () => {
    const inRule = { property: 'company.industry', in: ['MACHINERY'], points: 15 };
    expect(fitOf(inRule, {}, { industry: 'RETAIL;MACHINERY' }).points).toBe(15);
    expect(fitOf(inRule, {}, { industry: 'machinery' }).points).toBe(15);
    expect(fitOf(inRule, {}, { industry: 'RETAIL' }).points).toBe(0);
    const notIn = { property: 'company.industry', notIn: ['RETAIL'], points: 5 };
    expect(fitOf(notIn, {}, { industry: 'MACHINERY' }).points).toBe(5);
    expect(fitOf(notIn, {}, { industry: 'MACHINERY;RETAIL' }).points).toBe(0);
    expect(fitOf(notIn, {}, {}).outcome).toBe('unknown');
    const equals = { property: 'country', equals: 'Japan', points: 10 };
    expect(fitOf(equals, { country: 'japan' }).points).toBe(10);
    expect(fitOf(equals, { country: 'Japanese' }).points).toBe(0);
  });

  it('matches contains and endsWith case- and width-insensitively', () => {
    expect(
      fitOf({ property: 'source', contains: ['webinar'], points: 5 }, { source: 'Autumn WEBINAR 2026' })
        .points,
    ).toBe(5);
    const domain = { property: 'email', endsWith: ['@rival.example'], points: -50 };
    expect(fitOf(domain, { email: 'Taro@RIVAL.example' }).points).toBe(-50);
    expect(fitOf(domain, { email: 'taro@rival.example.com' }).points).toBe(0);
  });

  it('matches known: true on any non-blank value and known: false on a blank one', () => {
    expect(fitOf({ property: 'phone', known: true, points: 5 }, { phone: '03-1234' }).points).toBe(5);
    expect(fitOf({ property: 'phone', known: true, points: 5 }, { phone: '  ' })).toMatchObject({
      points: 0,
      outcome: 'not_matched',
    });
    expect(fitOf({ property: 'phone', known: false, points: 5 }, {}).points).toBe(5);
  });

  it('matches between dates inclusively, whole last day included, in any HubSpot date format', () => {
    const rule = { property: 'createdate', between: { from: '2026-01-01', to: '2026-06-30' }, points: 5 };
    expect(fitOf(rule, { createdate: '2026-06-30T23:59:00Z' }).points).toBe(5);
    expect(fitOf(rule, { createdate: String(Date.UTC(2026, 0, 1)) }).points).toBe(5);
    expect(fitOf(rule, { createdate: '2026-07-01' }).points).toBe(0);
    expect(fitOf(rule, { createdate: 'last spring' })).toMatchObject({
      outcome: 'unknown',
      note: 'unparsable',
    });
  });
});
