/**
 * A small agreement whose verdicts can be worked out by hand (no dates, so nothing decays):
 * fit = role points (director 70 = A, manager 45 = B, else 0 = D); intent = 60 for a quote request
 * (level 1), else 0 (level 4); only A1 is handed to sales.
 */
export const agreement = {
  schema: 'lead-pact/agreement@1',
  name: 'E2E',
  fit: {
    rules: [
      {
        id: 'role',
        label: 'Role',
        property: 'jobtitle',
        keywords: [
          { any: ['director'], points: 70 },
          { any: ['manager'], points: 45 },
        ],
      },
    ],
    grades: { A: 70, B: 45, C: 20 },
  },
  intent: {
    signals: [
      {
        id: 'quote',
        label: 'Asked for a quote',
        stage: 'decision',
        when: { property: 'recent_conversion_event_name', contains: ['quote'] },
        points: 60,
        halfLifeDays: 14,
      },
    ],
    levels: { '1': 60, '2': 35, '3': 15 },
  },
  disqualify: [],
  handoff: { salesReady: ['A1'] },
  routing: { decision: 'field_sales', awareness: 'marketing' },
  sla: { firstTouchBusinessDays: 2, progressDays: 30, timezone: 'UTC', holidays: [] },
  capacity: { default: 5000, months: {} },
};

/** A contact's role and whether it asked for a quote. */
export interface Profile {
  jobtitle: 'Director of Sales' | 'Sales Manager' | 'Engineer';
  quote: boolean;
}

export const QUOTE = 'Asked for a quote';
export const NO_QUOTE = 'Newsletter sign-up';

/**
 * What the agreement makes of a profile, worked out from the score formula (compute-score.ts): each half is
 * 50 x (0.8 x points / threshold) up to the threshold, so A fit = 40, B fit = 50 x 0.8 x 45/70 = 25.7,
 * a quote = 40; the rounded sum is the score.
 */
export function expectedVerdict(p: Profile): Record<string, string> {
  const fit = p.jobtitle.startsWith('Director') ? 'A' : p.jobtitle.includes('Manager') ? 'B' : 'D';
  const fitScore = { A: 40, B: (50 * 0.8 * 45) / 70, D: 0 }[fit];
  const grade = `${fit}${p.quote ? 1 : 4}`;
  const salesReady = grade === 'A1';
  return {
    lead_pact_tier: salesReady ? 'sales_ready' : 'nurture',
    lead_pact_grade: grade,
    lead_pact_score: String(Math.round(fitScore + (p.quote ? 40 : 0))),
    lead_pact_stage: p.quote ? 'decision' : 'awareness',
    lead_pact_route: salesReady ? 'field_sales' : 'marketing',
    lead_pact_agreement_version: '1',
  };
}
