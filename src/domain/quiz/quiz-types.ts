import type { CriterionResult, Tier } from '../qualification';

/** The two sides that answer (the same values as the agreement's proposer sides). */
export const QUIZ_SIDES = ['marketing', 'sales'] as const;
export type Side = (typeof QUIZ_SIDES)[number];

/** One fact or action shown blind: a property, its label in the agreement, the stored value, and when (actions). */
export interface QuizShownValue {
  property: string;
  label: string;
  value: string | null;
  /** Actions only: ISO instant, or null when unknown. */
  at?: string | null;
}

/** The agreement's verdict on a lead when its round started. */
export interface QuizVerdict {
  /** The grade is in handoff.salesReady and no disqualifier matched (capacity and recycling are not criteria). */
  salesReady: boolean;
  grade: string;
  tier: Tier;
  score: number;
  criteria: CriterionResult[];
}

/** A lead of a round: how everyone sees it, and the verdict snapshot. */
export interface QuizLead {
  leadKey: string;
  position: number;
  contactId: string;
  facts: QuizShownValue[];
  actions: QuizShownValue[];
  verdict: QuizVerdict;
}

/** One person's answer to one lead, under the side the team mapping gave them. */
export interface QuizAnswerRecord {
  userId: string;
  side: Side;
  leadKey: string;
  callThisMonth: boolean;
}
