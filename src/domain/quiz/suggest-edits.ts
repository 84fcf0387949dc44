import type { Agreement } from '../agreement-schema';
import { fillTemplate, LABELS } from '../i18n';
import type { LabelKey } from '../i18n';
import type { CriterionResult } from '../qualification';
import { fitOptionOf, salesReadyUnder, type QuizPatch } from './recompute-sales-ready';
import type { SideAnswer } from './side-answers';
import { QUIZ_SIDES, type QuizLead, type Side } from './quiz-types';

/** A suggested agreement edit with the evidence behind it (the contract's quizSuggestionSchema). */
export interface QuizSuggestion {
  n: number;
  patch: QuizPatch;
  evidence: { side: Side; said: 'yes' | 'no'; count: number; of: number };
  text: { en: string; ja: string };
}

/** At most this many suggestions: a meeting discusses a handful, not a list. */
const MAX_SUGGESTIONS = 5;
/** Points move in steps of 5 (agreements are written in round numbers), at most this far up. */
const STEP = 5;
const MAX_RAISE = 60;

interface Judged {
  lead: QuizLead;
  said: boolean;
}
interface Candidate {
  patch: QuizPatch;
  gain: number;
  evidence: QuizSuggestion['evidence'];
  label: string;
}

/** The matched fit rule or signal that gave a lead the most points (its first on a tie), or undefined. */
export function topDriver(criteria: readonly CriterionResult[]): CriterionResult | undefined {
  let top: CriterionResult | undefined;
  for (const c of criteria) {
    if (c.kind === 'disqualify' || c.outcome !== 'matched' || c.points <= 0) continue;
    if (top === undefined || c.points > top.points) top = c;
  }
  return top;
}

/** How many more of the side's answers the agreement would match with `patch` than without. */
function gainOf(judged: readonly Judged[], agreement: Agreement, patch: QuizPatch): number {
  let gain = 0;
  for (const { lead, said } of judged) {
    const before = salesReadyUnder(lead.verdict, agreement, null) === said;
    const after = salesReadyUnder(lead.verdict, agreement, patch) === said;
    gain += Number(after) - Number(before);
  }
  return gain;
}

/** The driver's current points and a patch maker, or undefined when it is no longer in the agreement. */
function pointsTarget(c: CriterionResult, agreement: Agreement) {
  if (c.kind === 'signal') {
    const signal = agreement.intent.signals.find((s) => s.id === c.id);
    if (signal === undefined) return undefined;
    return {
      from: signal.points,
      make: (to: number): QuizPatch => ({ kind: 'signal_points', signalId: c.id, from: signal.points, to }),
    };
  }
  const rule = agreement.fit.rules.find((r) => r.id === c.id);
  if (rule === undefined) return undefined;
  const option = fitOptionOf(rule, c.points);
  const options = rule.bands ?? rule.keywords;
  const from = option === null ? rule.points : options?.[option]?.points;
  if (from === undefined) return undefined;
  return { from, make: (to: number): QuizPatch => ({ kind: 'fit_points', ruleId: c.id, option, from, to }) };
}

/** The new points with the best gain (the smallest change on a tie): down to 0, or up by at most MAX_RAISE. */
function bestPoints(
  judged: readonly Judged[],
  agreement: Agreement,
  from: number,
  make: (to: number) => QuizPatch,
  down: boolean,
) {
  let best: { to: number; gain: number } | undefined;
  const first = down ? Math.ceil(from / STEP) * STEP - STEP : Math.floor(from / STEP) * STEP + STEP;
  for (let to = first; down ? to >= 0 : to <= from + MAX_RAISE; to += down ? -STEP : STEP) {
    const gain = gainOf(judged, agreement, make(to));
    if (gain > 0 && (best === undefined || gain > best.gain)) best = { to, gain };
  }
  return best;
}

/** Suggestions from one side's majorities: points of the leads' main drivers, then grades in or out of handoff. */
function candidatesOf(side: Side, judged: readonly Judged[], agreement: Agreement): Candidate[] {
  const out: Candidate[] = [];
  const groups = new Map<string, { driver: CriterionResult; ready: boolean; leads: Judged[] }>();
  for (const j of judged) {
    const driver = topDriver(j.lead.verdict.criteria);
    if (driver === undefined) continue;
    const ready = salesReadyUnder(j.lead.verdict, agreement, null);
    const key = `${ready}:${driver.kind}:${driver.id}:${driver.kind === 'fit' ? driver.points : ''}`;
    const group = groups.get(key) ?? { driver, ready, leads: [] };
    group.leads.push(j);
    groups.set(key, group);
  }
  for (const { driver, ready, leads } of groups.values()) {
    const count = leads.filter((j) => j.said !== ready).length;
    if (count < 2 || count * 2 <= leads.length) continue;
    const target = pointsTarget(driver, agreement);
    if (target === undefined) continue;
    const best = bestPoints(judged, agreement, target.from, target.make, ready);
    if (best === undefined) continue;
    const evidence = { side, said: ready ? 'no' : 'yes', count, of: leads.length } as const;
    out.push({ patch: target.make(best.to), gain: best.gain, evidence, label: driver.label });
  }
  const grades = new Map<string, Judged[]>();
  for (const j of judged) grades.set(j.lead.verdict.grade, [...(grades.get(j.lead.verdict.grade) ?? []), j]);
  for (const [grade, leads] of grades) {
    const ready = agreement.handoff.salesReady.includes(grade);
    const count = leads.filter((j) => j.lead.verdict.tier !== 'disqualified' && j.said !== ready).length;
    if (count < 2 || count * 2 <= leads.length) continue;
    const patch: QuizPatch = { kind: 'handoff', grade, salesReady: !ready };
    const gain = gainOf(judged, agreement, patch);
    const evidence = { side, said: ready ? 'no' : 'yes', count, of: leads.length } as const;
    if (gain > 0) out.push({ patch, gain, evidence, label: grade });
  }
  return out;
}

function textOf(c: Candidate, locale: 'en' | 'ja'): string {
  const labels = LABELS[locale];
  const side = labels[`quiz.side.${c.evidence.side}` as LabelKey];
  const values = { side, count: c.evidence.count, of: c.evidence.of, label: c.label };
  const p = c.patch;
  if (p.kind === 'handoff') {
    return fillTemplate(labels[p.salesReady ? 'quiz.suggest.handoffIn' : 'quiz.suggest.handoffOut'], {
      ...values,
      grade: p.grade,
    });
  }
  const key = p.to < p.from ? 'quiz.suggest.lower' : 'quiz.suggest.raise';
  return fillTemplate(labels[key], { ...values, from: p.from, to: p.to });
}

function patchKey(p: QuizPatch): string {
  if (p.kind === 'handoff') return `handoff:${p.grade}`;
  const target = p.kind === 'signal_points' ? p.signalId : `${p.ruleId}:${p.option}`;
  return `${p.kind}:${target}:${p.to < p.from ? 'down' : 'up'}`;
}

/**
 * Edits of one criterion that would make the agreement answer more like a side did. For each side and each group of
 * leads sharing a main driver (the matched rule or signal with the most points) and a verdict, when the side's
 * majority went against the verdict on at least 2 leads and on more than half of the group, the driver's points are
 * moved in steps of 5 (down for sales-ready leads the side would not call, up for held-back leads it would) to the
 * value that makes the agreement match the most of that side's answers over the whole round, the smallest change on
 * a tie. A grade is suggested in or out of handoff.salesReady on the same evidence. Only edits that match more
 * answers than today's agreement are kept; the best 5, sales' first on a tie (sales does the calling).
 */
export function suggestEdits(
  leads: readonly QuizLead[],
  majorities: ReadonlyMap<string, Record<Side, SideAnswer>>,
  agreement: Agreement,
): QuizSuggestion[] {
  const all: Candidate[] = [];
  for (const side of [...QUIZ_SIDES].reverse()) {
    const judged: Judged[] = [];
    for (const lead of leads) {
      const said = majorities.get(lead.leadKey)?.[side].majority ?? null;
      if (said !== null) judged.push({ lead, said });
    }
    all.push(...candidatesOf(side, judged, agreement));
  }
  const kept = new Map<string, Candidate>();
  for (const c of all) {
    const key = patchKey(c.patch);
    const had = kept.get(key);
    if (had === undefined || c.gain > had.gain) kept.set(key, c);
  }
  return [...kept.values()]
    .sort(
      (a, b) =>
        b.gain - a.gain || (a.evidence.side === b.evidence.side ? 0 : a.evidence.side === 'sales' ? -1 : 1),
    )
    .slice(0, MAX_SUGGESTIONS)
    .map((c, i) => ({
      n: i + 1,
      patch: c.patch,
      evidence: c.evidence,
      text: { en: textOf(c, 'en'), ja: textOf(c, 'ja') },
    }));
}
