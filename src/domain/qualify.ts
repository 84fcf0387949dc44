import type { FitGrade, IntentLevel, Route, Stage } from './agreement-schema';
import { FIT_GRADES } from './agreement-schema';
import { compileAgreement, type CompiledAgreement } from './engine/compile-agreement';
import { MISSING, UNPARSABLE, type CompiledCondition } from './engine/compile-condition';
import { computeScore } from './engine/compute-score';
import { evaluateSignal } from './engine/evaluate-signal';
import { readValue } from './engine/read-value';
import type { Agreement } from './agreement-schema';
import type { ContactRecord, ContactState, CriterionResult, Qualification } from './qualification';

function criterion(
  kind: CriterionResult['kind'],
  id: string,
  label: string,
  c: CompiledCondition,
  value: string | null,
  code: number,
  points: number,
): CriterionResult {
  return {
    kind,
    id,
    label,
    property: c.property,
    value,
    outcome: code >= 0 ? 'matched' : code === MISSING || code === UNPARSABLE ? 'unknown' : 'not_matched',
    points,
    fullPoints: undefined,
    ageDays: undefined,
    occurrences: undefined,
    note: code === MISSING ? 'missing' : code === UNPARSABLE ? 'unparsable' : undefined,
  };
}

function codeOf(c: CompiledCondition, value: string | null): number {
  return value === null ? c.onMissing : c.test(value);
}

/** Scratch for the newest dated signal occurrence; qualify is synchronous, so one buffer serves every call. */
const newest = new Float64Array(1);
/** What the intent pass found besides points (reused: qualify is synchronous and allocates no extra object). */
const intent: { stage: Stage; newestAt: number } = { stage: 'awareness', newestAt: -Infinity };

/** Sums decayed signal points; sets `intent.stage` to the strongest signal's (ties: later stage) and `newestAt`. */
function intentOf(
  compiled: CompiledAgreement,
  contact: ContactRecord,
  state: ContactState | undefined,
  now: number,
  criteria: CriterionResult[],
): number {
  let total = 0;
  let strongest = 0;
  let strongestRank = -1;
  intent.stage = 'awareness';
  intent.newestAt = -Infinity;
  for (const signal of compiled.signals) {
    const result = evaluateSignal(signal, contact, state, now, newest);
    const points = result.points;
    criteria.push(result);
    total += points;
    if (newest[0]! > intent.newestAt) intent.newestAt = newest[0]!;
    const stronger = points > strongest || (points === strongest && signal.stageRank > strongestRank);
    if (result.outcome === 'matched' && points > 0 && stronger) {
      strongest = points;
      intent.stage = signal.stage;
      strongestRank = signal.stageRank;
    }
  }
  return total;
}

function threshold(points: number, limits: readonly [number, number, number]): number {
  return points >= limits[0] ? 0 : points >= limits[1] ? 1 : points >= limits[2] ? 2 : 3;
}

function fitOf(compiled: CompiledAgreement, contact: ContactRecord, criteria: CriterionResult[]): number {
  let total = 0;
  for (const rule of compiled.rules) {
    const value = readValue(contact, rule.condition);
    const code = codeOf(rule.condition, value);
    const points = code >= 0 ? (rule.points[code] ?? 0) : 0;
    total += points;
    criteria.push(criterion('fit', rule.id, rule.label, rule.condition, value, code, points));
  }
  return total;
}

function isDisqualified(
  compiled: CompiledAgreement,
  contact: ContactRecord,
  criteria: CriterionResult[],
): boolean {
  let disqualified = false;
  for (const d of compiled.disqualifiers) {
    const value = readValue(contact, d.condition);
    const code = codeOf(d.condition, value);
    if (code >= 0) disqualified = true;
    criteria.push(criterion('disqualify', d.id, d.label, d.condition, value, code, 0));
  }
  return disqualified;
}

/**
 * Qualifies one contact under an agreement at `now` (epoch ms): fit grade, intent level, score, stage, route and
 * tier with an explanation per criterion. `sales_ready` means eligible; the capacity allocator decides the rest.
 * Pure and total: odd values make a criterion "unknown", they never throw. The agreement is compiled once and
 * cached by object identity, so treat a parsed agreement as immutable.
 */
export function qualify(
  contact: ContactRecord,
  agreement: Agreement,
  now: number,
  state?: ContactState,
): Qualification {
  const compiled = compileAgreement(agreement);
  const criteria: CriterionResult[] = [];
  const fitPoints = fitOf(compiled, contact, criteria);
  const intentPoints = intentOf(compiled, contact, state, now, criteria);
  const { stage, newestAt } = intent;
  const disqualified = isDisqualified(compiled, contact, criteria);
  const fitIndex = threshold(fitPoints, compiled.grades);
  const levelIndex = threshold(intentPoints, compiled.levels);
  const grade = compiled.gradeTable[fitIndex]![levelIndex]!;
  const recycledAt = state?.recycledAt;
  const recycled = typeof recycledAt === 'number' && !(newestAt > recycledAt);
  const tier = disqualified
    ? 'disqualified'
    : recycled
      ? 'recycled'
      : compiled.salesReady.has(grade)
        ? 'sales_ready'
        : 'nurture';
  const route: Route = tier === 'sales_ready' ? (compiled.routing[stage] ?? 'marketing') : 'marketing';
  return {
    tier,
    grade,
    fitGrade: FIT_GRADES[fitIndex] as FitGrade,
    intentLevel: (levelIndex + 1) as IntentLevel,
    score: computeScore(fitPoints, intentPoints, compiled.grades[0], compiled.levels[0]),
    fitPoints,
    intentPoints,
    stage,
    route,
    tierReason: disqualified ? 'disqualified' : recycled ? 'recycled' : 'grade',
    criteria,
  };
}
