import {
  agreementsResponseSchema,
  currentJobResponseSchema,
  propertiesResponseSchema,
  simulateResponseSchema,
  type AgreementsResponse,
  type Version,
} from '@lead-pact/contracts';
import example from '../../../../examples/agreement.json';

/** The example agreement (`examples/agreement.json`), as the server would hand it back. */
export const EXAMPLE = example as Version['agreement'];

/** A version of the example agreement; `overrides` set its status and people. */
export function version(overrides: Partial<Version> = {}): Version {
  return {
    version: 4,
    status: 'draft',
    name: 'FY2027 H1',
    agreement: EXAMPLE,
    createdBy: 'mika@example.com',
    createdAt: '2026-11-20T01:00:00Z',
    proposedBy: null,
    proposedAt: null,
    proposedSide: null,
    rationale: null,
    approvedBy: null,
    approvedAt: null,
    sentBackBy: null,
    sentBackAt: null,
    sentBackComment: null,
    diff: [],
    ...overrides,
  };
}

const ACTIVE = version({
  version: 3,
  status: 'active',
  name: 'FY2026 H2',
  proposedBy: 'mika@example.com',
  proposedAt: '2026-10-01T01:00:00Z',
  proposedSide: 'marketing',
  rationale: 'Price-list downloads convert like quote clicks',
  approvedBy: 'ken@example.com',
  approvedAt: '2026-10-02T02:00:00Z',
  diff: [
    {
      path: 'intent.signals[price-list].points',
      change: 'changed',
      before: 20,
      after: 35,
      text: 'intent.signals[price-list]: now 35 points, was 20',
    },
  ],
});

/** `GET /api/agreements` for a portal with v3 active and v4 open, parsed by the contract. */
export function agreements(overrides: Partial<AgreementsResponse> = {}): AgreementsResponse {
  const { agreement: _body, ...activeSummary } = ACTIVE;
  const open = overrides.open === undefined ? version() : overrides.open;
  return agreementsResponseSchema.parse({
    active: ACTIVE,
    open,
    history: [...(open ? [(({ agreement: _a, ...s }) => s)(open)] : []), activeSummary],
    next: {
      side: null,
      action: 'propose',
      version: 4,
      text: 'Marketing or sales must propose draft version 4',
    },
    viewer: { userId: '1', sides: ['marketing'] },
    ...overrides,
  });
}

export const PROPERTIES = propertiesResponseSchema.parse({
  contact: [
    { name: 'jobtitle', label: 'Job title', type: 'string', fieldType: 'text' },
    { name: 'lifecyclestage', label: 'Lifecycle stage', type: 'enumeration', fieldType: 'select' },
  ],
  company: [{ name: 'numberofemployees', label: 'Number of employees', type: 'number', fieldType: 'number' }],
});

export const NO_JOB = currentJobResponseSchema.parse({ job: null });

export const SIMULATION = simulateResponseSchema.parse({
  contactsEvaluated: 12000,
  draft: {
    tiers: [
      { tier: 'sales_ready', count: 70 },
      { tier: 'nurture', count: 11000 },
    ],
    grades: [
      { grade: 'A1', count: 30 },
      { grade: 'B1', count: 40 },
    ],
    salesReadyByMonth: [{ month: '2026-12', count: 70, capacity: 40 }],
  },
  active: {
    tiers: [{ tier: 'sales_ready', count: 50 }],
    grades: [{ grade: 'A1', count: 25 }],
    salesReadyByMonth: [{ month: '2026-12', count: 50, capacity: 40 }],
  },
});
