import type { Agreement, FitRule } from '../agreement-schema';
import type { CriterionResult } from '../qualification';
import type { QuizVerdict } from './quiz-types';

/** An agreement edit the quiz suggests (the contract's quizPatchSchema). */
export type QuizPatch =
  | { kind: 'signal_points'; signalId: string; from: number; to: number }
  | { kind: 'fit_points'; ruleId: string; option: number | null; from: number; to: number }
  | { kind: 'handoff'; grade: string; salesReady: boolean };

/**
 * Which points of a fit rule a matched criterion got: the index of the first band or keyword group giving those
 * points (the engine's first match wins), or null for a rule with points of its own.
 */
export function fitOptionOf(rule: FitRule, points: number): number | null {
  const options = rule.bands ?? rule.keywords;
  if (options === undefined) return null;
  const index = options.findIndex((o) => o.points === points);
  return index < 0 ? null : index;
}

function threshold(points: number, cuts: readonly [number, number, number]): number {
  const index = cuts.findIndex((cut) => points >= cut);
  return index < 0 ? 3 : index;
}

function patchedPoints(c: CriterionResult, agreement: Agreement, patch: QuizPatch | null): number {
  if (patch === null || c.outcome !== 'matched') return c.points;
  if (patch.kind === 'signal_points' && c.kind === 'signal' && c.id === patch.signalId) {
    return patch.from === 0 ? c.points : (c.points * patch.to) / patch.from;
  }
  if (patch.kind === 'fit_points' && c.kind === 'fit' && c.id === patch.ruleId) {
    const rule = agreement.fit.rules.find((r) => r.id === c.id);
    if (rule !== undefined && fitOptionOf(rule, c.points) === patch.option) return patch.to;
  }
  return c.points;
}

/**
 * Whether a lead would be sales-ready under the agreement with `patch` applied, from its snapshot's criteria: fit
 * and intent points summed again (a signal's decayed points scale with its new points), graded by the agreement's
 * thresholds (points >= a threshold reach it), and the grade looked up in handoff.salesReady. A disqualified lead
 * stays out. Capacity and recycling are left aside: they are not criteria.
 */
export function salesReadyUnder(
  verdict: QuizVerdict,
  agreement: Agreement,
  patch: QuizPatch | null,
): boolean {
  if (verdict.tier === 'disqualified') return false;
  let fit = 0;
  let intent = 0;
  for (const c of verdict.criteria) {
    if (c.kind === 'fit') fit += patchedPoints(c, agreement, patch);
    else if (c.kind === 'signal') intent += patchedPoints(c, agreement, patch);
  }
  const { A, B, C } = agreement.fit.grades;
  const levels = agreement.intent.levels;
  const letter = 'ABCD'[threshold(fit, [A, B, C])]!;
  const level = threshold(intent, [levels['1'], levels['2'], levels['3']]) + 1;
  const grade = `${letter}${level}`;
  if (patch?.kind === 'handoff' && patch.grade === grade) return patch.salesReady;
  return agreement.handoff.salesReady.includes(grade);
}
