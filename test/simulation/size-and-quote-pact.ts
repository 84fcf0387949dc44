import type { AgreementInput } from '../../src/domain/agreement-schema';

/**
 * The small agreement the simulation tests (library and CLI) share: size bands 1000+ -> 70, 100+ -> 50 points
 * (A at 50); a quote is worth 60 points (level 1) with a 14-day half-life; only A1 is sales-ready; customers are
 * disqualified; November's capacity is `novemberCapacity` (80 in other months).
 */
export function sizeAndQuotePact(novemberCapacity: number): AgreementInput {
  return {
    schema: 'lead-pact/agreement@1',
    name: 'Test pact',
    fit: {
      rules: [
        {
          id: 'size',
          label: 'Size',
          property: 'company.numberofemployees',
          bands: [
            { min: 1000, points: 70 },
            { min: 100, points: 50 },
          ],
        },
      ],
      grades: { A: 50, B: 30, C: 10 },
    },
    intent: {
      signals: [
        {
          id: 'quote',
          label: 'Quote',
          stage: 'decision',
          when: { property: 'recent_conversion_event_name', contains: ['quote'] },
          at: 'recent_conversion_date',
          points: 60,
          halfLifeDays: 14,
        },
      ],
      levels: { '1': 60, '2': 35, '3': 15 },
    },
    disqualify: [{ id: 'customer', label: 'Customer', property: 'lifecyclestage', in: ['customer'] }],
    handoff: { salesReady: ['A1'] },
    routing: {
      decision: 'field_sales',
      comparison: 'inside_sales',
      interest: 'inside_sales',
      awareness: 'marketing',
    },
    sla: { firstTouchBusinessDays: 2, progressDays: 30, timezone: 'Asia/Tokyo', holidays: [] },
    capacity: { default: 80, months: { '2026-11': novemberCapacity } },
  };
}
