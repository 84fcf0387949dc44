import { scoredCardSchema, type ScoredCard } from '@lead-pact/contracts';

const HOUR = 3_600_000;
/** A fixed "now" for the countdown: 2026-11-27 09:00 UTC (18:00 in Tokyo). */
export const NOW = Date.parse('2026-11-27T09:00:00Z');

/** A scored, sales-ready director at a 1,200-person company, built through the contract schema. */
export function scoredCard(overrides: Partial<ScoredCard> = {}): ScoredCard {
  return scoredCardSchema.parse({
    state: 'scored',
    objectId: '123',
    portalTimezone: 'Asia/Tokyo',
    agreement: { version: 3, name: 'FY2027 H1', approvedAt: '2026-11-02T01:00:00Z' },
    tier: 'sales_ready',
    grade: 'A1',
    score: 87,
    stage: 'decision',
    route: 'field_sales',
    tierReason: 'grade',
    criteria: [
      {
        kind: 'fit',
        id: 'industry',
        label: 'Target industry',
        property: 'company.industry',
        value: 'RETAIL',
        outcome: 'not_matched',
        points: 0,
      },
      {
        kind: 'signal',
        id: 'email-click',
        label: 'Clicked a marketing email',
        property: 'hs_email_last_click_date',
        value: 'yesterday?',
        outcome: 'unknown',
        points: 0,
        note: 'unparsable',
      },
      {
        kind: 'fit',
        id: 'role',
        label: 'Role',
        property: 'jobtitle',
        value: 'Director of IT',
        outcome: 'matched',
        points: 30,
      },
      {
        kind: 'signal',
        id: 'quote-click',
        label: "Clicked 'get a quote' in the newsletter",
        property: 'recent_conversion_event_name',
        value: 'Newsletter: get a quote',
        outcome: 'matched',
        points: 51.4,
        ageDays: 3,
      },
      {
        kind: 'fit',
        id: 'company-size',
        label: 'Company size',
        property: 'company.numberofemployees',
        value: '1200',
        outcome: 'matched',
        points: 40,
      },
    ],
    disqualifiedBy: [],
    qualifiedAt: new Date(NOW - 20 * HOUR).toISOString(),
    followUpDue: new Date(NOW + 26 * HOUR + 30 * 60_000).toISOString(),
    slaStatus: 'on_track',
    verdict: null,
    scoredAt: new Date(NOW - HOUR).toISOString(),
    ...overrides,
  });
}

/** The same contact, disqualified as an existing customer. */
export function disqualifiedCard(): ScoredCard {
  return scoredCard({
    tier: 'disqualified',
    tierReason: 'disqualified',
    route: 'marketing',
    disqualifiedBy: ['Already a customer'],
    followUpDue: null,
    qualifiedAt: null,
    slaStatus: null,
    criteria: [
      {
        kind: 'disqualify',
        id: 'customer',
        label: 'Already a customer',
        property: 'lifecyclestage',
        value: 'customer',
        outcome: 'matched',
        points: 0,
      },
      {
        kind: 'fit',
        id: 'role',
        label: 'Role',
        property: 'jobtitle',
        value: 'Director of IT',
        outcome: 'matched',
        points: 30,
      },
    ],
  });
}
