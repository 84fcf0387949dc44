import type { Agreement } from '../agreement-schema';
import type { QuizPatch } from './recompute-sales-ready';

/**
 * The agreement with a quiz suggestion applied, as a new document (the input is left as it was): a signal's or fit
 * rule's points set to `to`, or a grade added to or removed from handoff.salesReady. Undefined when the signal, rule
 * or band the suggestion names is no longer in the agreement.
 */
export function applyQuizPatch(agreement: Agreement, patch: QuizPatch): Agreement | undefined {
  const next = structuredClone(agreement);
  if (patch.kind === 'handoff') {
    const rest = next.handoff.salesReady.filter((g) => g !== patch.grade);
    next.handoff.salesReady = patch.salesReady ? [...rest, patch.grade] : rest;
    return next;
  }
  if (patch.kind === 'signal_points') {
    const signal = next.intent.signals.find((s) => s.id === patch.signalId);
    if (signal === undefined) return undefined;
    signal.points = patch.to;
    return next;
  }
  const rule = next.fit.rules.find((r) => r.id === patch.ruleId);
  if (rule === undefined) return undefined;
  if (patch.option === null) {
    if (rule.points === undefined) return undefined;
    rule.points = patch.to;
    return next;
  }
  const option = (rule.bands ?? rule.keywords)?.[patch.option];
  if (option === undefined) return undefined;
  option.points = patch.to;
  return next;
}
