import type { FitGrade, IntentLevel, Route, Stage } from './agreement-schema';
import { FIT_GRADES } from './agreement-schema';
import { compileAgreement, type CompiledAgreement } from './engine/compile-agreement';
import { computeScore } from './engine/compute-score';
import { Criterion, noteOf, outcomeOf } from './engine/criterion';
import { evaluateSignal } from './engine/evaluate-signal';
import { readValues } from './engine/read-value';
import type { Agreement } from './agreement-schema';
import type { ContactRecord, ContactState, CriterionResult, Qualification } from './qualification';

/** Scratch for the newest dated signal occurrence; qualify is synchronous, so one buffer serves every call. */
const newest = new Float64Array(1);
/** What the intent pass found besides points (reused: qualify is synchronous and allocates no extra object). */
const intent: { stage: Stage; newestAt: number } = { stage: 'awareness', newestAt: -Infinity };

/** Sums decayed signal points; sets `intent.stage` to the strongest signal's (ties: later stage) and `newestAt`. */
function intentOf(
  compiled: CompiledAgreement,
  values: readonly (string | null)[],
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
    const result = evaluateSignal(signal, values, state, now, newest);
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

/**
 * The values every property read finds on the contact, in slot order, in the agreement's scratch array (qualify
 * is synchronous and keeps only the strings, never the array, so one array serves every call).
 */
function readAll(compiled: CompiledAgreement, contact: ContactRecord): (string | null)[] {
  readValues(contact, compiled.reads, compiled.scratch);
  return compiled.scratch;
}

function fitOf(
  compiled: CompiledAgreement,
  values: readonly (string | null)[],
  criteria: CriterionResult[],
): number {
  let total = 0;
  for (const rule of compiled.rules) {
    const value = values[rule.slot] ?? null;
    const code = rule.condition.codeOf(value);
    const points = code >= 0 ? (rule.points[code] ?? 0) : 0;
    total += points;
    const { property } = rule.condition;
    criteria.push(
      new Criterion(
        'fit',
        rule.id,
        rule.label,
        property,
        value,
        outcomeOf(code),
        points,
        undefined,
        undefined,
        undefined,
        noteOf(code),
        rule.condition.keywordOf(value),
      ),
    );
  }
  return total;
}

function isDisqualified(
  compiled: CompiledAgreement,
  values: readonly (string | null)[],
  criteria: CriterionResult[],
): boolean {
  let disqualified = false;
  for (const d of compiled.disqualifiers) {
    const value = values[d.slot] ?? null;
    const code = d.condition.codeOf(value);
    if (code >= 0) disqualified = true;
    const { property } = d.condition;
    criteria.push(
      new Criterion(
        'disqualify',
        d.id,
        d.label,
        property,
        value,
        outcomeOf(code),
        0,
        undefined,
        undefined,
        undefined,
        noteOf(code),
        d.condition.keywordOf(value),
      ),
    );
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
  const values = readAll(compiled, contact);
  const criteria: CriterionResult[] = [];
  const fitPoints = fitOf(compiled, values, criteria);
  const intentPoints = intentOf(compiled, values, state, now, criteria);
  const { stage, newestAt } = intent;
  const disqualified = isDisqualified(compiled, values, criteria);
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
