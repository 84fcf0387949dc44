import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config';
import type { DiffLine } from '../../domain/diff-agreements';
import { AppError } from '../../domain/app-error';
import {
  agreementHistory,
  HISTORY_PAGE_MAX,
  type HistoryEntry,
  type HistoryPage,
} from '../../use-cases/agreements/agreement-history';
import { applyAgreement } from '../../use-cases/agreements/apply-agreement';
import { getActiveAgreement } from '../../use-cases/agreements/get-active-agreement';
import type { AgreementPorts } from '../../use-cases/agreements/ports';
import { createStore } from '../../store/create-store';
import { storeAgreementPorts } from '../../use-cases/agreements/store-ports';
import { loadAgreement } from '../contacts/load-agreement';

const portalId = z.string().regex(/^\d+$/, 'expected a HubSpot portal id (digits)');
const email = z.email('expected an email address');

/** Parses one option with zod; a bad value is exit 2 naming the option. */
function option<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? 'invalid value';
  throw new AppError('invalid_input', `${name}: ${message}`, [{ path: name, message }]);
}

/** Runs `fn` with the agreement ports on the store from DATABASE_URL / DATA_DIR, then closes it. */
async function withPorts<T>(fn: (ports: AgreementPorts) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  // The CLI acts for people named by email, not HubSpot users, so no user's teams are ever looked up.
  const userTeams = { teamIdsOf: async () => [] };
  const store = await createStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(storeAgreementPorts(store, { userTeams, clock: { now: Date.now } }));
  } finally {
    await store.close();
  }
}

const iso = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString());
const print = (text: string): void => void process.stdout.write(`${text}\n`);
const printDiff = (diff: readonly DiffLine[]) =>
  diff.length ? diff.forEach((line) => print(`  ${line.text}`)) : print('  (no changes)');

interface ApplyOptions {
  portal: string;
  file: string;
  proposedBy: string;
  approvedBy: string;
  rationale?: string;
}

async function apply(options: ApplyOptions): Promise<void> {
  const portal = option(portalId, options.portal, '--portal');
  const proposedBy = option(email, options.proposedBy, '--proposed-by');
  const approvedBy = option(email, options.approvedBy, '--approved-by');
  const body = await loadAgreement(options.file);
  const input = { portalId: portal, body, proposedBy, approvedBy, rationale: options.rationale };
  const { version, superseded, diff } = await withPorts((ports) => applyAgreement(ports, input));
  const replaced = superseded === null ? 'the first active version' : `supersedes version ${superseded}`;
  print(`Version ${version.version} '${version.name}' of portal ${portal} is active (${replaced}).`);
  print(`Proposed by ${proposedBy}, approved by ${approvedBy}: ${version.rationale}`);
  print(`A rescore of every contact is queued. Changes:`);
  printDiff(diff);
}

async function show(options: { portal: string; json?: boolean }): Promise<void> {
  const portal = option(portalId, options.portal, '--portal');
  const active = await withPorts((ports) => getActiveAgreement(ports, portal));
  if (options.json) {
    const { version, name, proposedBy, proposedAt, rationale, approvedBy, approvedAt, body } = active;
    const summary = { portalId: portal, version, name, proposedBy, proposedAt: iso(proposedAt), rationale };
    print(JSON.stringify({ ...summary, approvedBy, approvedAt: iso(approvedAt), agreement: body }, null, 2));
    return;
  }
  print(`Version ${active.version} '${active.name}' is active for portal ${portal}.`);
  print(
    `Approved by ${active.approvedBy ?? '-'} on ${iso(active.approvedAt)}; proposed by ${active.proposedBy ?? '-'}: ${active.rationale ?? '-'}`,
  );
  print(JSON.stringify(active.body, null, 2));
}

/** Every history entry, newest first, read a page at a time. */
async function allHistory(portal: string): Promise<HistoryEntry[]> {
  return withPorts(async (ports) => {
    const entries: HistoryEntry[] = [];
    let cursor: string | null = null;
    do {
      const page: HistoryPage = await agreementHistory(ports, {
        portalId: portal,
        cursor,
        limit: HISTORY_PAGE_MAX,
      });
      entries.push(...page.entries);
      cursor = page.cursor;
    } while (cursor !== null);
    return entries;
  });
}

async function history(options: { portal: string; json?: boolean }): Promise<void> {
  const portal = option(portalId, options.portal, '--portal');
  const entries = await allHistory(portal);
  if (options.json) return print(JSON.stringify(entries, null, 2));
  if (entries.length === 0) return print(`Portal ${portal} has no agreement versions yet.`);
  for (const e of entries) {
    const side = e.proposedSide ? ` (${e.proposedSide})` : '';
    print(`Version ${e.version} '${e.name}': ${e.status.replace('_', ' ')}`);
    if (!e.proposedBy) print(`  drafted by ${e.createdBy ?? '-'} on ${iso(e.createdAt)}`);
    if (e.proposedBy)
      print(`  proposed by ${e.proposedBy}${side} on ${iso(e.proposedAt)}: ${e.rationale ?? ''}`);
    if (e.approvedBy) print(`  approved by ${e.approvedBy} on ${iso(e.approvedAt)}`);
    if (e.sentBackBy)
      print(`  sent back by ${e.sentBackBy} on ${iso(e.sentBackAt)}: ${e.sentBackComment ?? ''}`);
    printDiff(e.diff);
  }
}

/** `lead-pact agreement apply|show|history`: agreements reviewed in git, and what is active in the store. */
export function registerAgreementCommand(program: Command): void {
  const agreement = program
    .command('agreement')
    .description('apply, show and list agreement versions in the store');
  agreement
    .command('apply')
    .description('activate an agreement reviewed in git, recording who proposed and who approved it')
    .requiredOption('--portal <id>', 'HubSpot portal id')
    .requiredOption('--file <file>', 'agreement JSON (lead-pact/agreement@1)')
    .requiredOption('--proposed-by <email>', 'who proposed it')
    .requiredOption('--approved-by <email>', 'who approved it (someone else)')
    .option('--rationale <text>', 'why (default: "Reviewed in git")')
    .action(apply);
  agreement
    .command('show')
    .description('print the active agreement version')
    .requiredOption('--portal <id>', 'HubSpot portal id')
    .option('--json', 'machine-readable output')
    .action(show);
  agreement
    .command('history')
    .description('every version, newest first: who, when, why, status and changes')
    .requiredOption('--portal <id>', 'HubSpot portal id')
    .option('--json', 'machine-readable output')
    .action(history);
}
