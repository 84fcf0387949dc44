import { QUIZ_SIDES, type QuizAnswerRecord, type Side } from './quiz-types';

/** A side's answers to one lead: its members' yes and no, and the majority. */
export interface SideAnswer {
  yes: number;
  no: number;
  /** More yes than no: true; more no: false; a tie (or no answer) has no majority: null. */
  majority: boolean | null;
}

/** One person's lean, as in the essay: the share of leads they would have sales call. */
export interface ParticipantLean {
  userId: string;
  side: Side;
  answered: number;
  yes: number;
  lean: number;
}

/** Each side's answers per lead key (a tie leaves the lead without a majority: it counts in neither table). */
export function sideAnswersByLead(
  answers: readonly QuizAnswerRecord[],
): Map<string, Record<Side, SideAnswer>> {
  const byLead = new Map<string, Record<Side, SideAnswer>>();
  for (const a of answers) {
    let entry = byLead.get(a.leadKey);
    if (entry === undefined) {
      entry = { marketing: { yes: 0, no: 0, majority: null }, sales: { yes: 0, no: 0, majority: null } };
      byLead.set(a.leadKey, entry);
    }
    entry[a.side][a.callThisMonth ? 'yes' : 'no'] += 1;
  }
  for (const entry of byLead.values()) {
    for (const side of QUIZ_SIDES) {
      const { yes, no } = entry[side];
      entry[side].majority = yes > no ? true : no > yes ? false : null;
    }
  }
  return byLead;
}

/** Every participant's lean, marketing first, then by user id. */
export function participantLeans(answers: readonly QuizAnswerRecord[]): ParticipantLean[] {
  const byUser = new Map<string, ParticipantLean>();
  for (const a of answers) {
    const key = `${a.side}:${a.userId}`;
    const p = byUser.get(key) ?? { userId: a.userId, side: a.side, answered: 0, yes: 0, lean: 0 };
    p.answered += 1;
    if (a.callThisMonth) p.yes += 1;
    byUser.set(key, p);
  }
  const list = [...byUser.values()].map((p) => ({ ...p, lean: p.yes / p.answered }));
  return list.sort((a, b) =>
    a.side === b.side ? a.userId.localeCompare(b.userId) : a.side === 'marketing' ? -1 : 1,
  );
}
