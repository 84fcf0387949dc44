import type { Route, Stage } from '../agreement-schema';
import type { LeadDisqualifyReason } from '../lead-stages';
import type {
  CriterionOutcome,
  CriterionResult,
  RejectReason,
  SlaStatus,
  Tier,
  Verdict,
} from '../qualification';

type Note = NonNullable<CriterionResult['note']>;

/** What the values are called: the headings and column names beside them. */
type TermKey = 'term.grade' | 'term.score' | 'term.tier' | 'term.stage' | 'term.route' | 'term.capacity';

/** The calibration quiz: its question, the result's headings and the suggested edits; `{name}` is filled in. */
type QuizKey =
  | 'quiz.heading'
  | 'quiz.status.open'
  | 'quiz.status.closed'
  | 'quiz.side.marketing'
  | 'quiz.side.sales'
  | 'quiz.question'
  | 'quiz.yes'
  | 'quiz.no'
  | 'quiz.tie'
  | 'quiz.lean'
  | 'quiz.sideLean'
  | 'quiz.sideLeanOne'
  | 'quiz.user'
  | 'quiz.betweenSides'
  | 'quiz.percent'
  | 'quiz.kappa'
  | 'quiz.kappaUndefined'
  | 'quiz.vsVerdict'
  | 'quiz.oneSided'
  | 'quiz.disagreements'
  | 'quiz.noDisagreements'
  | 'quiz.verdict'
  | 'quiz.drivers'
  | 'quiz.suggestions'
  | 'quiz.noSuggestions'
  | 'quiz.suggest.lower'
  | 'quiz.suggest.raise'
  | 'quiz.suggest.handoffOut'
  | 'quiz.suggest.handoffIn';

/** The pieces `renderReasons` builds the `lead_pact_reasons` paragraph from; `{name}` is filled in. */
type ReasonKey =
  | 'reason.head'
  | 'reason.today'
  | 'reason.oneDayAgo'
  | 'reason.daysAgo'
  | 'reason.decayed'
  | 'reason.times'
  | 'reason.quote'
  | 'reason.list'
  | 'reason.colon'
  | 'reason.sentenceEnd'
  | 'reason.recycled'
  | 'reason.capacityFull'
  | 'reason.routeFull'
  | 'reason.noCriteria'
  | 'reason.open'
  | 'reason.close'
  /** Which keyword a keyword rule found, or the exception that cancelled it (the card's criterion line). */
  | 'reason.keywordMatched'
  | 'reason.keywordCancelled';

/** Why `simulate`'s recycling preview recycles (or flags) a handed-over lead; joined by `reason.list`. */
type SlaReasonKey =
  | 'reason.slaNoTouch'
  | 'reason.slaLateTouch'
  | 'reason.slaMet'
  | 'reason.slaNoTouchYet'
  | 'reason.slaNoProgress'
  | 'reason.slaRejected'
  | 'reason.slaEarlier';

/**
 * Every label HubSpot users see, in the card, the settings page, the property options and `lead_pact_reasons`:
 * `<group>.<value>` for the values the domain speaks, `term.*` for their names, `reason.*` for the reasons' phrases.
 */
export type LabelKey =
  | `tier.${Tier}`
  | `stage.${Stage}`
  | `route.${Route}`
  | `outcome.${CriterionOutcome}`
  | `note.${Note}`
  | `slaStatus.${SlaStatus}`
  | `verdict.${Verdict}`
  | `rejectReason.${RejectReason}`
  | `leadReason.${LeadDisqualifyReason}`
  | QuizKey
  | TermKey
  | ReasonKey
  | SlaReasonKey;

/** One language's dictionary: a word for every key, no more, no less. */
export type Labels = Record<LabelKey, string>;
