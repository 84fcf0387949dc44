import type { ContactRecord } from '../../../src/domain/qualification';
import type { OutboxWrite } from '../../../src/use-cases/ports/outbox';
import type { StoredQualification } from '../../../src/use-cases/ports/qualifications';
import type { AgreementVersion } from '../../../src/use-cases/ports/agreement-versions';
import { inMemoryLeads, recordingJobs } from '../leads/in-memory-leads';
import type {
  RescorePageSource,
  RescoreStore,
  RescoreWrites,
} from '../../../src/use-cases/rescore/rescore-ports';

/** A portal's rescore state in memory: what the store would hold, and the source's pages over `contacts`. */
export function inMemoryRescore(contacts: readonly ContactRecord[], agreement: AgreementVersion['body']) {
  const sorted = [...contacts].sort((a, b) => (a.id < b.id ? -1 : 1));
  const state = {
    qualifications: new Map<string, StoredQualification>(),
    history: [] as StoredQualification[],
    outbox: [] as OutboxWrite[],
    checkpoints: new Map<string, unknown>(),
    capacityUsed: 0,
    routeUsed: { field_sales: 0, inside_sales: 0, marketing: 0 },
    closed: 0,
    /** Throws in the nth write (1-based) when set. */
    failWrite: 0,
    writes: 0,
  };
  const leads = inMemoryLeads();
  const queue = recordingJobs();
  const tx: RescoreWrites = {
    capacity: {
      used: async () => state.capacityUsed,
      usedByRoute: async () => ({ ...state.routeUsed }),
      tryTakePlaces: async (_p, _m, take) => {
        const n = take.routes.reduce((sum, r) => sum + r.n, 0);
        if (state.capacityUsed + n > take.capacity) return false;
        if (take.routes.some((r) => r.capacity !== null && state.routeUsed[r.route] + r.n > r.capacity))
          return false;
        state.capacityUsed += n;
        for (const r of take.routes) state.routeUsed[r.route] += r.n;
        return true;
      },
    },
    qualifications: {
      upsertMany: async (_p, rows) => rows.forEach((q) => state.qualifications.set(q.contactId, q)),
      appendHistory: async (_p, rows) => void state.history.push(...rows),
    },
    outbox: { enqueueMany: async (_p, writes) => void state.outbox.push(...writes) },
    checkpoints: { set: async (_p, name, value) => void state.checkpoints.set(name, value) },
    // The HubSpot Leads of `handoff.createLeads`, over the same contacts.
    leads: leads.leads,
    contacts: {
      get: async (_p, id) =>
        sorted.find((c) => c.id === id) && {
          ...sorted.find((c) => c.id === id)!,
          hsLastModified: null,
          updatedAt: 0,
        },
    },
    jobs: queue.jobs,
  };
  const store: RescoreStore = {
    agreements: {
      get: async (portalId, version) =>
        ({ portalId, version, status: 'active', body: agreement }) as AgreementVersion,
    },
    installations: { get: async () => undefined },
    checkpoints: { get: async (_p, name) => state.checkpoints.get(name) },
    contacts: { count: async () => sorted.length },
  };
  const pages: RescorePageSource = {
    async open(_job, run) {
      return {
        async next(after, write) {
          const rest = sorted.filter((c) => after === null || c.id > after).slice(0, run.size);
          const page = run.score(
            {
              contacts: rest.map((contact) => ({
                contact,
                current: state.qualifications.get(contact.id) ?? null,
              })),
              histories: new Map(),
            },
            run.now(),
          );
          if (++state.writes === state.failWrite) throw new Error('write failed');
          return write(tx, page);
        },
        close: async () => void state.closed++,
      };
    },
  };
  return { store, pages, state, leads, queue };
}
