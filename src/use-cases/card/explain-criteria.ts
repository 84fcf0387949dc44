import { z } from 'zod';
import type { Agreement } from '../../domain/agreement-schema';
import type { Criterion } from '../../contracts/card';
import type { CriterionResult } from '../../domain/qualification';
import type { CardSnapshot } from '../ports/card-snapshot';
import type { CardPorts } from './card-ports';

/** What a rescore keeps per contact when the snapshot is gone: the matched criteria only. */
const storedCriteria = z.array(
  z.object({
    kind: z.enum(['fit', 'signal', 'disqualify']),
    id: z.string(),
    points: z.number(),
    label: z.string().optional(),
    property: z.string().optional(),
    value: z.string().nullable().optional(),
    outcome: z.enum(['matched', 'not_matched', 'unknown']).optional(),
  }),
);

/** A criterion as the card contract sends it. */
export function toCriterion(c: CriterionResult): Criterion {
  const { fullPoints: _fullPoints, ...criterion } = c;
  return criterion;
}

/**
 * Each rule and signal with the value seen, recomputed from the stored snapshot as of when it was scored
 * (a rescore stores only the matched criteria). Without a snapshot, the stored matched criteria are shown.
 */
export function explainCriteria(
  ports: Pick<CardPorts, 'engine'>,
  input: { snapshot: CardSnapshot; agreement: Agreement; scoredAt: number },
): Criterion[] {
  const { snapshot, agreement, scoredAt } = input;
  const { contact, qualification } = snapshot;
  if (contact) {
    const state = { history: snapshot.signalHistory, recycledAt: qualification?.recycledAt ?? null };
    return ports.engine.qualify(contact, agreement, scoredAt, state).criteria.map(toCriterion);
  }
  const kept = storedCriteria.safeParse(qualification ? qualification.storedCriteria() : []);
  if (!kept.success) return [];
  return kept.data.map((c) => ({
    kind: c.kind,
    id: c.id,
    label: c.label ?? c.id,
    property: c.property ?? '',
    value: c.value ?? null,
    outcome: c.outcome ?? 'matched',
    points: c.points,
  }));
}
