import type { QuizCandidate } from '../../../src/use-cases/ports/quiz-candidates';
import { sampleQuizLeads } from '../../../src/use-cases/quiz/sample-quiz-leads';
import { exampleAgreement } from '../../domain/example-agreement';

const agreement = exampleAgreement();
const signal = (id: string, points: number) => ({
  kind: 'signal',
  id,
  label: id,
  property: 'p',
  value: 'v',
  outcome: 'matched',
  points,
});
const candidate = (id: number, grade: string, tier: string, driver: string): QuizCandidate => ({
  contact: {
    id: String(id),
    properties: {
      jobtitle: `Title ${id}`,
      recent_conversion_event_name: 'Newsletter: get a quote',
      recent_conversion_date: '1764000000000',
    },
    company: { numberofemployees: '1200' },
  },
  tier,
  grade,
  score: 50,
  criteria: [signal(driver, 40)],
  updatedAt: 1000 - id,
});

describe('the sample of a quiz round', () => {
  // 20 recent sales-ready A2 leads, all driven by the quote click, then 10 held back across three grades and drivers.
  const candidates = [
    ...Array.from({ length: 20 }, (_, i) => candidate(i + 1, 'A2', 'sales_ready', 'quote-click')),
    ...Array.from({ length: 10 }, (_, i) =>
      candidate(100 + i, ['B2', 'C3', 'A3'][i % 3]!, 'nurture', ['doc-request', 'webinar-survey'][i % 2]!),
    ),
  ];
  const leads = sampleQuizLeads(candidates, agreement, 8, 12345);

  it('takes half its leads from each side of the sales-ready line', () => {
    expect(leads).toHaveLength(8);
    expect(leads.filter((l) => l.verdict.salesReady)).toHaveLength(4);
  });

  it('spreads the held-back half across grades and main drivers', () => {
    const held = leads.filter((l) => !l.verdict.salesReady);
    expect(new Set(held.map((l) => l.verdict.grade)).size).toBe(3);
    expect(new Set(held.map((l) => `${l.verdict.grade}:${l.verdict.criteria[0]!.id}`)).size).toBe(4);
  });

  it('numbers the leads by position and shows facts and dated actions, never the grade', () => {
    expect(leads.map((l) => l.leadKey)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const quote = leads.find((l) => l.verdict.criteria[0]!.id === 'quote-click')!;
    expect(quote.facts.find((f) => f.property === 'company.numberofemployees')!.value).toBe('1200');
    expect(quote.actions).toEqual([
      expect.objectContaining({
        property: 'recent_conversion_event_name',
        at: new Date(1764000000000).toISOString(),
      }),
    ]);
    expect(JSON.stringify([quote.facts, quote.actions])).not.toMatch(/A2|sales_ready|points/);
  });

  it('fills from the other side when one side has too few', () => {
    const fewReady = sampleQuizLeads(candidates.slice(18), agreement, 8, 1);
    expect(fewReady.filter((l) => l.verdict.salesReady)).toHaveLength(2);
    expect(fewReady).toHaveLength(8);
  });
});
