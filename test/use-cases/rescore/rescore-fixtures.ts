import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../../../src/store/create-store';

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

/** Stores an agreement and activates it; returns its version number. */
export async function activate(
  store: Store,
  portalId: string,
  body: Record<string, unknown>,
): Promise<number> {
  const version = await store.agreements.createDraft({
    portalId,
    name: 'test',
    body,
    createdBy: 'm@x',
    at: 1,
  });
  await store.agreements.activate(portalId, version, ['draft'], { approvedBy: 's@x', approvedAt: 2 });
  return version;
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
