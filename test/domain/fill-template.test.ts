import { fillTemplate } from '../../src/domain/i18n';

describe('fillTemplate', () => {
  it('fills every place, the same one twice, and keeps the text around them', () => {
    expect(fillTemplate('{count} times, {count}x, ({full} before decay)', { count: 3, full: 40 })).toBe(
      '3 times, 3x, (40 before decay)',
    );
  });

  it('keeps a place it has no value for as written, and a text without places as it is', () => {
    expect(fillTemplate('score {score}, {tier}', { score: 81 })).toBe('score 81, {tier}');
    expect(fillTemplate('今日', {})).toBe('今日');
  });

  it('gives the same answer the second time (the split template is reused)', () => {
    const template = '{days}日前';
    expect([fillTemplate(template, { days: 2 }), fillTemplate(template, { days: 12 })]).toEqual([
      '2日前',
      '12日前',
    ]);
  });
});
