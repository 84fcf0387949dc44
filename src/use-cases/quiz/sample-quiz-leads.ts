import type { Agreement } from '../../domain/agreement-schema';
import type { CriterionResult, Tier } from '../../domain/qualification';
import { topDriver } from '../../domain/quiz/suggest-edits';
import type { QuizLead } from '../../domain/quiz/quiz-types';
import type { QuizCandidate } from '../ports/quiz-candidates';
import { blindView } from './blind-view';

const TIERS: readonly string[] = ['sales_ready', 'nurture', 'recycled', 'disqualified'];

/** A stored criteria list as the engine wrote it; entries that are not criteria are left out. */
function criteriaOf(stored: unknown): CriterionResult[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (c): c is CriterionResult =>
      typeof c === 'object' &&
      c !== null &&
      typeof (c as CriterionResult).id === 'string' &&
      typeof (c as CriterionResult).points === 'number' &&
      ['fit', 'signal', 'disqualify'].includes((c as CriterionResult).kind),
  );
}

interface Scored {
  candidate: QuizCandidate;
  criteria: CriterionResult[];
  salesReady: boolean;
  stratum: string;
}

/** Takes up to `quota` leads, one per stratum in turn (grade and main driver), the most recent of each first. */
function roundRobin(pool: readonly Scored[], quota: number): Scored[] {
  const strata = new Map<string, Scored[]>();
  for (const s of pool) strata.set(s.stratum, [...(strata.get(s.stratum) ?? []), s]);
  // Strata interleaved by grade (each grade's first stratum, then each grade's second...), so a small quota spans grades.
  const byGrade = new Map<string, string[]>();
  for (const key of [...strata.keys()].sort()) {
    const grade = key.split('|')[0]!;
    byGrade.set(grade, [...(byGrade.get(grade) ?? []), key]);
  }
  const depth = Math.max(0, ...[...byGrade.values()].map((keys) => keys.length));
  const order = Array.from({ length: depth }, (_, k) =>
    [...byGrade.values()].flatMap((keys) => keys[k] ?? []),
  );
  const queues = order.flat().map((key) => strata.get(key)!);
  const picked: Scored[] = [];
  while (picked.length < quota && queues.some((q) => q.length > 0)) {
    for (const q of queues) {
      const next = q.shift();
      if (next !== undefined && picked.length < quota) picked.push(next);
    }
  }
  return picked;
}

/** A fixed shuffle (a small linear congruential generator seeded by the round's start), so sides are not grouped. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed % 2_147_483_647 || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 48_271) % 2_147_483_647;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The leads of a new round: from the contacts qualified most recently, half on each side of the sales-ready line
 * (the grade in handoff.salesReady, not disqualified) when there are enough, each half spread across grades and
 * main drivers (the matched rule or signal with the most points) by taking one lead per stratum in turn. The order
 * is shuffled with `seed`; lead keys are the positions.
 */
export function sampleQuizLeads(
  candidates: readonly QuizCandidate[],
  agreement: Agreement,
  size: number,
  seed: number,
): QuizLead[] {
  const scored = candidates.map((candidate): Scored => {
    const criteria = criteriaOf(candidate.criteria);
    const salesReady =
      candidate.tier !== 'disqualified' && agreement.handoff.salesReady.includes(candidate.grade);
    const driver = topDriver(criteria);
    return {
      candidate,
      criteria,
      salesReady,
      stratum: `${candidate.grade}|${driver?.kind ?? ''}:${driver?.id ?? ''}`,
    };
  });
  const ready = scored.filter((s) => s.salesReady);
  const rest = scored.filter((s) => !s.salesReady);
  const half = Math.ceil(size / 2);
  let picked = [...roundRobin(ready, Math.min(half, ready.length))];
  picked = [...picked, ...roundRobin(rest, size - picked.length)];
  if (picked.length < size) {
    const taken = new Set(picked);
    picked = [
      ...picked,
      ...roundRobin(
        ready.filter((s) => !taken.has(s)),
        size - picked.length,
      ),
    ];
  }
  return shuffled(picked, seed).map((s, i) => ({
    leadKey: String(i + 1),
    position: i + 1,
    contactId: s.candidate.contact.id,
    ...blindView(s.candidate.contact, agreement, s.criteria),
    verdict: {
      salesReady: s.salesReady,
      grade: s.candidate.grade,
      tier: (TIERS.includes(s.candidate.tier) ? s.candidate.tier : 'nurture') as Tier,
      score: s.candidate.score,
      criteria: s.criteria,
    },
  }));
}
