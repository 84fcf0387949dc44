import type { Agreement, Grade, Route, Stage } from '../agreement-schema';
import { GRADES, STAGES } from '../agreement-schema';
import { compileCondition, type CompiledCondition } from './compile-condition';
import { PropertyRead } from './read-value';

/** A fit rule or disqualifier ready to evaluate: `slot` is the index of its property in `reads`. */
export interface CompiledRule {
  id: string;
  label: string;
  condition: CompiledCondition;
  slot: number;
  /** Points per match code (disqualifiers: none). */
  points: readonly number[];
}

/** A signal ready to evaluate: `lambda` is ln 2 / half-life, so weight = exp(-lambda * ageDays). */
export interface CompiledSignal {
  id: string;
  label: string;
  stage: Stage;
  stageRank: number;
  condition: CompiledCondition;
  slot: number;
  /** Slot of the `at` property, -1 when the signal has none. */
  atSlot: number;
  points: number;
  lambda: number;
}

/** An agreement prepared for `qualify`: built once per agreement object and cached. */
export interface CompiledAgreement {
  /** Every distinct property the agreement reads, each read once per contact. */
  reads: readonly PropertyRead[];
  /** One value per read, overwritten by each `qualify` call (synchronous, so never shared between two calls). */
  scratch: (string | null)[];
  rules: readonly CompiledRule[];
  signals: readonly CompiledSignal[];
  disqualifiers: readonly CompiledRule[];
  grades: readonly [number, number, number];
  levels: readonly [number, number, number];
  /** GRADE_TABLE[fit index][level index], so no grade string is built per contact. */
  gradeTable: readonly (readonly Grade[])[];
  salesReady: ReadonlySet<string>;
  routing: Readonly<Record<string, Route>>;
}

const cache = new WeakMap<Agreement, CompiledAgreement>();
/** Bulk runs qualify many contacts under one agreement: the last one is checked before the WeakMap. */
let last: { agreement: Agreement; compiled: CompiledAgreement } | null = null;

function build(agreement: Agreement): CompiledAgreement {
  const reads: PropertyRead[] = [];
  const slots = new Map<string, number>();
  const slotOf = (property: string): number => {
    let slot = slots.get(property);
    if (slot === undefined) {
      slot = reads.push(new PropertyRead(property)) - 1;
      slots.set(property, slot);
    }
    return slot;
  };
  return {
    rules: agreement.fit.rules.map((rule) => ({
      id: rule.id,
      label: rule.label,
      condition: compileCondition(rule),
      slot: slotOf(rule.property),
      points: rule.bands?.map((b) => b.points) ?? rule.keywords?.map((k) => k.points) ?? [rule.points ?? 0],
    })),
    signals: agreement.intent.signals.map((signal) => ({
      id: signal.id,
      label: signal.label,
      stage: signal.stage,
      stageRank: STAGES.indexOf(signal.stage),
      condition: compileCondition(signal.when),
      slot: slotOf(signal.when.property),
      atSlot: signal.at === undefined ? -1 : slotOf(signal.at),
      points: signal.points,
      lambda: Math.LN2 / signal.halfLifeDays,
    })),
    disqualifiers: (agreement.disqualify ?? []).map((d) => ({
      id: d.id,
      label: d.label,
      condition: compileCondition(d),
      slot: slotOf(d.property),
      points: [],
    })),
    reads,
    scratch: reads.map(() => null),
    grades: [agreement.fit.grades.A, agreement.fit.grades.B, agreement.fit.grades.C],
    levels: [agreement.intent.levels['1'], agreement.intent.levels['2'], agreement.intent.levels['3']],
    gradeTable: [0, 1, 2, 3].map((f) => GRADES.slice(f * 4, f * 4 + 4)),
    salesReady: new Set(agreement.handoff.salesReady),
    routing: agreement.routing,
  };
}

/** The compiled form of an agreement, built on first use and cached for as long as the agreement object lives. */
export function compileAgreement(agreement: Agreement): CompiledAgreement {
  if (last !== null && last.agreement === agreement) return last.compiled;
  let compiled = cache.get(agreement);
  if (compiled === undefined) {
    compiled = build(agreement);
    cache.set(agreement, compiled);
  }
  last = { agreement, compiled };
  return compiled;
}
