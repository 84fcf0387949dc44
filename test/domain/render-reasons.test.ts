import { AGREEMENT_LIMITS } from '../../src/domain/agreement/agreement-limits';
import { qualify } from '../../src/domain/qualify';
import { MAX_REASONS_LENGTH, renderReasons } from '../../src/domain/render-reasons';
import { agreementWith, contact, daysAgo, NOW } from './builders';
import { exampleAgreement } from './example-agreement';

const example = exampleAgreement();
const lead = contact(
  {
    jobtitle: 'Sales Director',
    recent_conversion_event_name: 'Get a quote',
    recent_conversion_date: daysAgo(3),
    webinar_survey_answered_at: 'after the webinar',
    hs_email_last_click_date: '2026-11-27',
  },
  { numberofemployees: '1,200', industry: 'RETAIL' },
);

describe('renderReasons', () => {
  it('explains a lead in English, strongest criteria first, then what is not met and what is unknown', () => {
    expect(renderReasons(qualify(lead, example, NOW), 'en')).toBe(
      "A1 (score 81, Sales-ready): Clicked 'get a quote' in the newsletter 3 days ago (+52, decayed from 60); " +
        "Company size '1,200' (+40); Role 'Sales Director' (+30); Answered the webinar survey (+15); " +
        'Clicked a marketing email today (+5). Not met: Target industry (RETAIL). ' +
        'Unknown: Answered the webinar survey (date unknown).',
    );
  });

  it('explains the same lead in natural Japanese', () => {
    const text = renderReasons(qualify(lead, example, NOW), 'ja');
    expect(text).toMatch(/^A1（スコア81・営業引き渡し）：/);
    expect(text).toContain("Clicked 'get a quote' in the newsletter 3日前（+52、減衰前60）");
    expect(text).toContain('非該当：Target industry（RETAIL）。');
    expect(text).toContain('不明：Answered the webinar survey（日付不明）。');
  });

  it('names the disqualifier and says when nothing was met', () => {
    const rival = qualify(contact({ email: 'ken@rival.example' }), example, NOW);
    expect(renderReasons(rival, 'en')).toBe(
      'D4 (score 0, Disqualified): Disqualified: Competitor (ken@rival.example). No criterion met. ' +
        'Unknown: Company size (no value); Role (no value); Target industry (no value).',
    );
  });

  it('says a recycled lead waits for a newer signal', () => {
    const recycled = qualify(lead, example, NOW, { recycledAt: NOW });
    expect(renderReasons(recycled, 'ja')).toContain('リサイクル済み');
  });

  it('stays within 600 characters however long the labels (up to their limit) and values are', () => {
    const longest = 'A very long criterion label '.repeat(8).slice(0, AGREEMENT_LIMITS.labelChars);
    const verbose = agreementWith((a) => a.fit.rules.forEach((r) => (r.label = longest)));
    const text = renderReasons(
      qualify(contact({ jobtitle: 'Director '.repeat(50) }, { industry: 'X'.repeat(300) }), verbose, NOW),
      'en',
    );
    expect(text.length).toBeLessThanOrEqual(MAX_REASONS_LENGTH);
    expect(text.endsWith('…')).toBe(true);
  });
});
