import type { Grade, Stage } from '../../../src/domain/agreement-schema';
import type {
  HandoffEvent,
  LeadGroup,
  ReportCriterion,
  ReportInput,
} from '../../../src/domain/report/report-input';

/** Epoch ms of a wall-clock time in Tokyo (UTC+9, no daylight saving). */
export const tokyo = (local: string): number => Date.parse(`${local}:00+09:00`);

export const handoff = (
  contactId: string,
  local: string,
  grade: Grade,
  ownerId: string | null,
  dueLocal: string | null,
): HandoffEvent => ({
  contactId,
  at: tokyo(local),
  grade,
  score: 80,
  stage: 'decision',
  version: 2,
  ownerId,
  dueAt: dueLocal === null ? null : tokyo(dueLocal),
});

export const leads = (
  count: number,
  grade: Grade,
  stage: Stage,
  criteria: { rules?: string[]; signals?: string[]; version?: number },
  outcome: { handed?: boolean; accepted?: number; rejected?: number; converted?: number },
): LeadGroup => ({
  grade,
  stage,
  version: criteria.version ?? 2,
  rules: criteria.rules ?? [],
  signals: criteria.signals ?? [],
  handed: outcome.handed ?? false,
  count,
  accepted: outcome.accepted ?? 0,
  rejected: outcome.rejected ?? 0,
  converted: outcome.converted ?? 0,
});

/** The example agreement's rules and signals with the most points each can give. */
export const CRITERIA: ReportCriterion[] = [
  { kind: 'fit', id: 'company-size', label: 'Company size', points: 40 },
  { kind: 'fit', id: 'role', label: 'Role', points: 30 },
  { kind: 'fit', id: 'industry', label: 'Target industry', points: 15 },
  { kind: 'signal', id: 'quote-click', label: "Clicked 'get a quote' in the newsletter", points: 60 },
  { kind: 'signal', id: 'price-list', label: 'Downloaded the price list', points: 35 },
  { kind: 'signal', id: 'doc-request', label: 'Requested documents from a web ad', points: 20 },
  { kind: 'signal', id: 'webinar-survey', label: 'Answered the webinar survey', points: 15 },
  { kind: 'signal', id: 'email-click', label: 'Clicked a marketing email', points: 5 },
];

/** An input with nothing in it: no handoffs, no leads, no history. */
export const emptyInput = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  portalId: '123',
  month: '2026-11',
  timezone: 'Asia/Tokyo',
  now: tokyo('2026-12-01T12:00'),
  capacity: 5,
  nextMonthCapacity: 3,
  agreement: { version: 2, salesReady: ['A1', 'A2', 'B1'], criteria: CRITERIA },
  handoffs: [],
  firstTouches: [],
  slaBreaches: [],
  verdicts: [],
  recycles: [],
  heldBack: [],
  leads: [],
  history: [],
  ...overrides,
});
