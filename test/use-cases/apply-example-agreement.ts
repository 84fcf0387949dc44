import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyAgreement } from '../../src/use-cases/agreements/apply-agreement';
import { storeAgreementPorts, type AgreementStore } from '../../src/use-cases/agreements/store-ports';

/** The bundled example agreement as a fresh object (examples/agreement.json), for tests that change it. */
export function exampleAgreementBody(): { sla: { timezone: string } } & Record<string, unknown> {
  return JSON.parse(readFileSync(join(__dirname, '../../examples/agreement.json'), 'utf8'));
}

/**
 * Makes `body` (the example agreement by default) the portal's active agreement at `now`, proposed and approved
 * by two people, the way `lead-pact agreement apply` does.
 */
export async function applyExampleAgreement(
  store: AgreementStore,
  portalId: string,
  now: number,
  body: unknown = exampleAgreementBody(),
): Promise<void> {
  const ports = storeAgreementPorts(store, {
    userTeams: { teamIdsOf: async () => [] },
    clock: { now: () => now },
  });
  await applyAgreement(ports, { portalId, body, proposedBy: 'a@x.example', approvedBy: 'b@x.example' });
}
