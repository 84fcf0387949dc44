import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../../../src/store/create-store';
import { validAgreement } from '../../../src/use-cases/agreements/save-draft';

/** The example agreement with capacity and sales-ready grades a test chooses. */
export function agreementWith(
  over: { capacity?: number; salesReady?: string[] } = {},
): Record<string, unknown> {
  const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../examples/agreement.json'), 'utf8'));
  return {
    ...base,
    handoff: { salesReady: over.salesReady ?? ['A1', 'A2', 'B1'] },
    capacity: { default: over.capacity ?? 1000, months: {} },
  };
}

/** Stores an agreement and activates it (superseding the active one) as the lifecycle does; returns its version number. */
export async function activate(
  store: Store,
  portalId: string,
  body: Record<string, unknown>,
): Promise<number> {
  const agreement = validAgreement(body);
  return store.transaction(async (tx) => {
    const draft = await tx.agreements.create({
      portalId,
      name: 'test',
      body: agreement,
      createdBy: 'm@x',
      createdAt: 1,
    });
    const previous = await tx.agreements.active(portalId);
    if (previous) await tx.agreements.save({ ...previous, status: 'superseded' });
    await tx.agreements.save({ ...draft, status: 'active', approvedBy: 's@x', approvedAt: 2 });
    return draft.version;
  });
}

/** `n` contacts with ids c00000.., each with the grade and score `pick` gives it. */
export function contacts(n: number, pick: (i: number) => { grade: string; score: number }) {
  return Array.from({ length: n }, (_, i) => {
    const { grade, score } = pick(i);
    return {
      id: `c${String(i).padStart(5, '0')}`,
      properties: { grade, score: String(score) },
      company: null,
    };
  });
}
