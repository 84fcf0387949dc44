import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { Agreement, Condition } from '../src/domain/agreement-schema';
import type { ContactRecord } from '../src/domain/qualification';
import { keyword, matchKeyword } from '../src/domain/values/match-keyword';
import { normalizeText } from '../src/domain/values/normalize-text';
import { parseDate } from '../src/domain/values/parse-date';
import { parseNumber } from '../src/domain/values/parse-number';
import { someMultiPart } from '../src/domain/values/split-multi';

/** What the peer computes, to compare with `qualify` on the same contact. */
export interface PeerVerdict {
  fitPoints: number;
  intentPoints: number;
  disqualified: boolean;
  grade: string;
}

type Leaf = { fact: string; operator: string; value: unknown };
const DAY = 86_400_000;
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** The same primitives `qualify` uses (NFKC folding, word-bounded keywords, HubSpot numbers), as custom operators. */
function addOperators(engine: Engine): void {
  const hasKeyword = (v: unknown, words: string[]) => {
    const t = text(v);
    return t !== null && words.some((w) => matchKeyword(normalizeText(t), keyword(normalizeText(w))));
  };
  engine.addOperator('bandFrom', (v: unknown, band: { min: number; below: number }) => {
    const n = text(v) === null ? NaN : parseNumber(v as string);
    return n >= band.min && n < band.below;
  });
  engine.addOperator('hasKeyword', hasKeyword);
  engine.addOperator('lacksKeyword', (v: unknown, words: string[]) => !hasKeyword(v, words));
  engine.addOperator('inFolded', (v: unknown, list: string[]) => {
    const t = text(v);
    const set = new Set(list.map(normalizeText));
    return t !== null && someMultiPart(t, (part) => set.has(normalizeText(part)));
  });
  engine.addOperator('containsFolded', (v: unknown, list: string[]) => {
    const t = text(v);
    return t !== null && list.some((n) => normalizeText(t).includes(normalizeText(n)));
  });
  engine.addOperator('endsWithFolded', (v: unknown, list: string[]) => {
    const t = text(v);
    return t !== null && list.some((n) => normalizeText(t).endsWith(normalizeText(n)));
  });
  engine.addOperator('known', (v: unknown, known: boolean) => (text(v) !== null) === known);
}

/** One json-rules-engine condition for a single-operator condition (bands and keywords are split into rules). */
function leaf(c: Condition): Leaf {
  if (c.in) return { fact: c.property, operator: 'inFolded', value: c.in };
  if (c.contains) return { fact: c.property, operator: 'containsFolded', value: c.contains };
  if (c.endsWith) return { fact: c.property, operator: 'endsWithFolded', value: c.endsWith };
  if (c.known !== undefined) return { fact: c.property, operator: 'known', value: c.known };
  throw new Error(`the peer translation does not cover this operator: ${JSON.stringify(c)}`);
}

/** Fit rules become one json-rules-engine rule per band or keyword group ("first match wins" spelled out). */
function fitRules(agreement: Agreement): RuleProperties[] {
  return agreement.fit.rules.flatMap((rule): RuleProperties[] => {
    const event = (points: number) => ({ type: 'fit', params: { points } });
    if (rule.bands) {
      return rule.bands.map((band, i) => {
        const below = Math.min(Infinity, ...rule.bands!.slice(0, i).map((b) => b.min));
        const condition = { fact: rule.property, operator: 'bandFrom', value: { min: band.min, below } };
        return { conditions: { all: [condition] }, event: event(band.points) };
      });
    }
    if (rule.keywords) {
      return rule.keywords.map((group, i) => {
        const earlier = rule
          .keywords!.slice(0, i)
          .map((g) => ({ fact: rule.property, operator: 'lacksKeyword', value: g.any }));
        const all = [{ fact: rule.property, operator: 'hasKeyword', value: group.any }, ...earlier];
        return { conditions: { all } as TopLevelCondition, event: event(group.points) };
      });
    }
    return [{ conditions: { all: [leaf(rule)] }, event: event(rule.points ?? 0) }];
  });
}

/**
 * The example agreement translated into json-rules-engine rules, for the benchmark's peer figure. Signal decay is
 * precomputed per contact as a fact (`decay:<signal id>`, from the signal's `at` date), inside the timed loop.
 */
export function createRulesEnginePeer(agreement: Agreement) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  addOperators(engine);
  for (const rule of fitRules(agreement)) engine.addRule(rule);
  for (const s of agreement.intent.signals) {
    engine.addRule({
      conditions: { all: [leaf(s.when)] },
      event: { type: 'signal', params: { id: s.id, points: s.points } },
    });
  }
  for (const d of agreement.disqualify)
    engine.addRule({ conditions: { all: [leaf(d)] }, event: { type: 'disqualify' } });
  const { grades, levels } = { grades: agreement.fit.grades, levels: agreement.intent.levels };

  return async function evaluate(contact: ContactRecord, now: number): Promise<PeerVerdict> {
    const facts: Record<string, unknown> = { ...contact.properties };
    for (const [key, value] of Object.entries(contact.company ?? {})) facts[`company.${key}`] = value;
    for (const s of agreement.intent.signals) {
      const at = s.at === undefined ? null : text(facts[s.at]);
      const when = at === null ? NaN : parseDate(at);
      facts[`decay:${s.id}`] =
        when === when ? Math.exp((-Math.LN2 / s.halfLifeDays) * Math.max(0, (now - when) / DAY)) : 1;
    }
    const { events } = await engine.run(facts);
    let fitPoints = 0;
    let intentPoints = 0;
    let disqualified = false;
    for (const e of events) {
      const params = e.params as { points: number; id: string };
      if (e.type === 'fit') fitPoints += params.points;
      else if (e.type === 'signal') intentPoints += params.points * (facts[`decay:${params.id}`] as number);
      else disqualified = true;
    }
    const fit = fitPoints >= grades.A ? 'A' : fitPoints >= grades.B ? 'B' : fitPoints >= grades.C ? 'C' : 'D';
    const level =
      intentPoints >= levels['1'] ? 1 : intentPoints >= levels['2'] ? 2 : intentPoints >= levels['3'] ? 3 : 4;
    return { fitPoints, intentPoints, disqualified, grade: `${fit}${level}` };
  };
}
