import type { AgreementDocument } from '@lead-pact/contracts';

/** What the editor starts from when the portal has no agreement yet: a skeleton both sides fill in. */
export const STARTER_AGREEMENT: AgreementDocument = {
  schema: 'lead-pact/agreement@1',
  name: 'First agreement',
  fit: { rules: [], grades: { A: 70, B: 45, C: 20 } },
  intent: { signals: [], levels: { '1': 60, '2': 35, '3': 15 } },
  disqualify: [],
  handoff: { salesReady: ['A1', 'A2', 'B1'] },
  routing: {
    decision: 'field_sales',
    comparison: 'inside_sales',
    interest: 'inside_sales',
    awareness: 'marketing',
  },
  sla: { firstTouchBusinessDays: 2, progressDays: 30, timezone: 'Asia/Tokyo', holidays: [] },
  capacity: { default: 80, months: {} },
};
