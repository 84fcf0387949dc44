import { qualify } from '../../src/domain/qualify';
import { agreementWith, contact, DAY, daysAgo, NOW, onlyRule, onlySignal } from './builders';
import { exampleAgreement } from './example-agreement';

const example = exampleAgreement();
const signalOf = (q: ReturnType<typeof qualify>, id: string) => q.criteria.find((c) => c.id === id)!;

describe('qualify: grades and levels', () => {
  const withPoints = (points: number) => onlyRule({ property: 'jobtitle', known: true, points });
  it.each([
    [70, 'A'],
    [69, 'B'],
    [45, 'B'],
    [44, 'C'],
    [20, 'C'],
    [19, 'D'],
  ])('grades %p fit points as %s', (points, letter) => {
    expect(qualify(contact({ jobtitle: 'x' }), withPoints(points), NOW).fitGrade).toBe(letter);
  });

  const withSignal = (points: number) =>
    onlySignal({ when: { property: 'clicked', known: true }, at: undefined, points });
  it.each([
    [60, 1],
    [59, 2],
    [35, 2],
    [34, 3],
    [15, 3],
    [14, 4],
  ])('levels %p intent points as %p', (points, level) => {
    expect(qualify(contact({ clicked: 'yes' }), withSignal(points), NOW).intentLevel).toBe(level);
  });

  it('qualifies a director at a 1,200-person software company who asked for a quote today as A1, sales-ready, field sales', () => {
    const lead = contact(
      {
        jobtitle: 'Sales Director',
        recent_conversion_event_name: '見積依頼',
        recent_conversion_date: String(NOW),
      },
      { numberofemployees: '1,200', industry: 'COMPUTER_SOFTWARE' },
    );
    expect(qualify(lead, example, NOW)).toMatchObject({
      grade: 'A1',
      tier: 'sales_ready',
      stage: 'decision',
      route: 'field_sales',
      fitPoints: 85,
      intentPoints: 60,
    });
  });

  it('keeps a cold lead with no signal at D4, nurture, stage awareness, routed to marketing', () => {
    expect(qualify(contact({}), example, NOW)).toMatchObject({
      grade: 'D4',
      tier: 'nurture',
      stage: 'awareness',
      route: 'marketing',
      score: 0,
    });
  });
});

describe('qualify: decay and history', () => {
  const quote = onlySignal({});
  const quoteAt = (at: string) =>
    contact({ recent_conversion_event_name: 'Get a quote', recent_conversion_date: at });

  it('halves 60 points after one 14-day half-life', () => {
    const c = signalOf(qualify(quoteAt(daysAgo(14)), quote, NOW), 'quote');
    expect(c).toMatchObject({ outcome: 'matched', fullPoints: 60, ageDays: 14, occurrences: 1 });
    expect(c.points).toBeCloseTo(30, 10);
  });

  it('counts a signal whose date is unknown at full weight once, and flags it', () => {
    const c = signalOf(qualify(quoteAt('sometime'), quote, NOW), 'quote');
    expect(c).toMatchObject({ points: 60, ageDays: null, note: 'date_unknown', occurrences: 1 });
  });

  it('adds up earlier conversions seen through webhooks, each with its own age, without counting the current one twice', () => {
    const history = [
      { property: 'recent_conversion_event_name', value: 'Get a quote', at: NOW - 28 * DAY },
      { property: 'recent_conversion_event_name', value: 'Newsletter', at: NOW - 20 * DAY },
      { property: 'recent_conversion_event_name', value: 'Get a quote', at: NOW - 14 * DAY + 60_000 },
    ];
    const q = qualify(quoteAt(daysAgo(14)), quote, NOW, { history });
    expect(signalOf(q, 'quote')).toMatchObject({ occurrences: 2, fullPoints: 120 });
    expect(q.intentPoints).toBeCloseTo(30 + 15, 10);
  });

  it('counts history even when the current value is another conversion', () => {
    const history = [{ property: 'recent_conversion_event_name', value: 'Get a quote', at: NOW - 14 * DAY }];
    const q = qualify(contact({ recent_conversion_event_name: 'Newsletter' }), quote, NOW, { history });
    expect(q.intentPoints).toBeCloseTo(30, 10);
    expect(q.stage).toBe('decision');
  });
});

describe('qualify: tiers', () => {
  const hot = {
    jobtitle: 'VP Sales',
    recent_conversion_event_name: 'Get a quote',
    recent_conversion_date: daysAgo(1),
  };
  const big = { numberofemployees: '5000', industry: 'MACHINERY' };

  it('disqualifies a customer or a competitor whatever the grade', () => {
    expect(qualify(contact({ ...hot, lifecyclestage: 'customer' }, big), example, NOW)).toMatchObject({
      tier: 'disqualified',
      tierReason: 'disqualified',
      route: 'marketing',
    });
    const rival = qualify(contact({ ...hot, email: 'ken@rival.example' }, big), example, NOW);
    expect(rival.tier).toBe('disqualified');
    expect(signalOf(rival, 'competitor').outcome).toBe('matched');
  });

  it('keeps a recycled lead recycled until a signal newer than its recycling arrives', () => {
    const lead = contact(hot, big);
    expect(qualify(lead, example, NOW, { recycledAt: NOW - 3 * DAY }).tier).toBe('sales_ready');
    expect(qualify(lead, example, NOW, { recycledAt: NOW - DAY / 2 })).toMatchObject({
      tier: 'recycled',
      tierReason: 'recycled',
      route: 'marketing',
    });
    const undated = contact({ ...hot, recent_conversion_date: '' }, big);
    expect(qualify(undated, example, NOW, { recycledAt: NOW - 30 * DAY }).tier).toBe('recycled');
  });

  it('routes a sales-ready lead by the stage of its strongest decayed signal', () => {
    const priceList = contact(
      {
        jobtitle: 'VP',
        recent_conversion_event_name: '料金表ダウンロード',
        recent_conversion_date: daysAgo(0),
        hs_email_last_click_date: daysAgo(0),
      },
      big,
    );
    const strong = agreementWith((a) => (a.intent.signals[1]!.points = 70));
    expect(qualify(priceList, strong, NOW)).toMatchObject({
      stage: 'comparison',
      route: 'inside_sales',
      tier: 'sales_ready',
    });
  });

  it('scores 80 at exactly grade A and level 1, more above, and never beyond 100', () => {
    const at = qualify(
      contact({ jobtitle: 'x', clicked: 'y' }),
      agreementWith((a) => {
        a.fit.rules = [{ id: 'r', label: 'R', property: 'jobtitle', known: true, points: 70 }];
        a.intent.signals = [
          {
            id: 's',
            label: 'S',
            stage: 'decision',
            when: { property: 'clicked', known: true },
            points: 60,
            halfLifeDays: 7,
          },
        ];
      }),
      NOW,
    );
    expect(at.score).toBe(80);
    const hotter = contact(
      { ...hot, recent_conversion_date: String(NOW), webinar_survey_answered_at: String(NOW) },
      big,
    );
    expect(qualify(hotter, example, NOW).score).toBeGreaterThan(80);
    expect(qualify(hotter, example, NOW).score).toBeLessThanOrEqual(100);
  });
});
