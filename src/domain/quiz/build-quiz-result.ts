import type { Agreement } from '../agreement-schema';
import type { CriterionResult } from '../qualification';
import { cohensKappa, tableOf, type KappaStats } from './cohens-kappa';
import { participantLeans, sideAnswersByLead, type ParticipantLean, type SideAnswer } from './side-answers';
import { suggestEdits, type QuizSuggestion } from './suggest-edits';
import { QUIZ_SIDES, type QuizAnswerRecord, type QuizLead, type QuizVerdict, type Side } from './quiz-types';

/** A side's lean: all its members' answers pooled, and how many leads its majority would have sales call. */
export interface SideLean {
  participants: number;
  answers: number;
  yes: number;
  lean: number | null;
  leads: number;
  majorityYes: number;
}

/** A lead after the round: its sides' answers, the verdict, and what drove it. */
export interface RevealedLead extends Omit<QuizLead, 'verdict'> {
  marketing: SideAnswer;
  sales: SideAnswer;
  verdict: Omit<QuizVerdict, 'criteria'>;
  disagree: boolean;
  againstVerdict: Record<Side, boolean | null>;
  drivers: CriterionResult[];
}

/** The statistics of a round (the contract's quizResultSchema without the round summary). */
export interface QuizStats {
  oneSided: boolean;
  answeredSide: Side | null;
  participants: ParticipantLean[];
  sides: Record<Side, SideLean>;
  betweenSides: KappaStats | null;
  vsVerdict: Record<Side, KappaStats | null>;
  leads: RevealedLead[];
  suggestions: QuizSuggestion[];
}

const NONE: SideAnswer = { yes: 0, no: 0, majority: null };

function sideLean(
  side: Side,
  answers: readonly QuizAnswerRecord[],
  majorities: Iterable<Record<Side, SideAnswer>>,
): SideLean {
  const mine = answers.filter((a) => a.side === side);
  const yes = mine.filter((a) => a.callThisMonth).length;
  let leads = 0;
  let majorityYes = 0;
  for (const m of majorities) {
    if (m[side].majority === null) continue;
    leads += 1;
    if (m[side].majority) majorityYes += 1;
  }
  const participants = new Set(mine.map((a) => a.userId)).size;
  return {
    participants,
    answers: mine.length,
    yes,
    lean: mine.length === 0 ? null : yes / mine.length,
    leads,
    majorityYes,
  };
}

/** The matched criteria behind a verdict, most points first (disqualifiers that matched lead). */
function driversOf(criteria: readonly CriterionResult[]): CriterionResult[] {
  const weight = (c: CriterionResult) => (c.kind === 'disqualify' ? Number.POSITIVE_INFINITY : c.points);
  return criteria.filter((c) => c.outcome === 'matched').sort((a, b) => weight(b) - weight(a));
}

/**
 * A round's result from its leads (with the verdict snapshot) and everyone's answers. A side's answer to a lead is its
 * members' majority (a tie is no answer); a participant's and a side's lean are shares of "yes". The sides are
 * compared over the leads both have a majority on (marketing first, sales second), each side against the verdict over
 * the leads it has one on. With answers from one side only the round is one-sided: no between-sides agreement.
 */
export function buildQuizResult(
  leads: readonly QuizLead[],
  answers: readonly QuizAnswerRecord[],
  agreement: Agreement,
): QuizStats {
  const majorities = sideAnswersByLead(answers);
  const answered = QUIZ_SIDES.filter((side) => answers.some((a) => a.side === side));
  const oneSided = answered.length === 1;
  const of = (lead: QuizLead) => majorities.get(lead.leadKey) ?? { marketing: NONE, sales: NONE };
  const revealed = leads.map((lead): RevealedLead => {
    const m = of(lead);
    const { criteria, ...verdict } = lead.verdict;
    const against = (side: Side) =>
      m[side].majority === null ? null : m[side].majority !== verdict.salesReady;
    return {
      ...lead,
      marketing: m.marketing,
      sales: m.sales,
      verdict,
      disagree:
        m.marketing.majority !== null &&
        m.sales.majority !== null &&
        m.marketing.majority !== m.sales.majority,
      againstVerdict: { marketing: against('marketing'), sales: against('sales') },
      drivers: driversOf(criteria),
    };
  });
  const vsVerdict = (side: Side) =>
    answered.includes(side)
      ? cohensKappa(tableOf(leads.map((l) => [of(l)[side].majority, l.verdict.salesReady] as const)))
      : null;
  return {
    oneSided,
    answeredSide: oneSided ? answered[0]! : null,
    participants: participantLeans(answers),
    sides: {
      marketing: sideLean('marketing', answers, majorities.values()),
      sales: sideLean('sales', answers, majorities.values()),
    },
    betweenSides:
      answered.length === 2
        ? cohensKappa(tableOf(leads.map((l) => [of(l).marketing.majority, of(l).sales.majority] as const)))
        : null,
    vsVerdict: { marketing: vsVerdict('marketing'), sales: vsVerdict('sales') },
    leads: revealed,
    suggestions: answers.length === 0 ? [] : suggestEdits(leads, majorities, agreement),
  };
}
