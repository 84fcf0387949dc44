import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agreement } from '../src/domain/agreement-schema';
import { parseAgreement } from '../src/domain/parse-agreement';
import { qualify } from '../src/domain/qualify';
import { generateContacts } from './generate-contacts';
import type { BenchRow } from './harness';
import { createRulesEnginePeer } from './json-rules-engine-peer';

const NOW = Date.parse('2026-11-27T00:00:00Z');
/** Distinct contacts in the set; the timed loop cycles through them. */
const CONTACTS = 50_000;
/** DESIGN.md section 8: at least 1e6 evaluations measured, after a warm-up. */
const EVALUATIONS = 2_000_000;
const PEER_EVALUATIONS = 20_000;
const SAMPLE = 5_000;

/**
 * CPU seconds this process has used (user + system, all its threads): rates per CPU second do not depend on how
 * busy the machine is, and GC helper threads count against us, not for us.
 */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** The example agreement, as the README and tests use it. */
export function exampleAgreement(): Agreement {
  const file = join(__dirname, '..', '..', 'examples', 'agreement.json');
  const parsed = parseAgreement(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`examples/agreement.json is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.data;
}

function timeQualify(
  agreement: Agreement,
  contacts: ReturnType<typeof generateContacts>,
  evaluations: number,
) {
  let checksum = 0;
  const start = cpuSeconds();
  for (let i = 0; i < evaluations; i++) {
    const q = qualify(contacts[i % contacts.length]!, agreement, NOW);
    checksum += q.score;
    // The explanation is part of what a caller gets: read every criterion, so the figure covers it too.
    for (const c of q.criteria) checksum += c.points;
  }
  return { perSecond: evaluations / (cpuSeconds() - start), checksum };
}

async function timePeer(
  agreement: Agreement,
  contacts: ReturnType<typeof generateContacts>,
  evaluations: number,
) {
  const evaluate = createRulesEnginePeer(agreement);
  for (let i = 0; i < 2_000; i++) await evaluate(contacts[i % contacts.length]!, NOW);
  const start = cpuSeconds();
  for (let i = 0; i < evaluations; i++) await evaluate(contacts[i % contacts.length]!, NOW);
  return evaluations / (cpuSeconds() - start);
}

/** Both engines must give the same fit points, intent points, grade and disqualification on a sample. */
async function checkAgreement(
  agreement: Agreement,
  contacts: ReturnType<typeof generateContacts>,
): Promise<void> {
  const evaluate = createRulesEnginePeer(agreement);
  for (const contact of contacts.slice(0, SAMPLE)) {
    const ours = qualify(contact, agreement, NOW);
    const peer = await evaluate(contact, NOW);
    const same =
      ours.fitPoints === peer.fitPoints &&
      Math.abs(ours.intentPoints - peer.intentPoints) < 1e-9 &&
      ours.grade === peer.grade &&
      (ours.tier === 'disqualified') === peer.disqualified;
    if (!same)
      throw new Error(`qualify and json-rules-engine disagree on ${JSON.stringify({ contact, ours, peer })}`);
  }
}

/** `qualify` contacts/s on one core for the example agreement, and json-rules-engine on the same rules and contacts. */
export async function run(): Promise<BenchRow[]> {
  const agreement = exampleAgreement();
  const contacts = generateContacts(CONTACTS, 42, NOW);
  // qualify is timed first, before json-rules-engine has run in this process, so neither its garbage nor its
  // type feedback on the shared value helpers weighs on the figure.
  timeQualify(agreement, contacts, 300_000);
  const ours = timeQualify(agreement, contacts, EVALUATIONS);
  await checkAgreement(agreement, contacts);
  const peer = await timePeer(agreement, contacts, PEER_EVALUATIONS);
  return [
    {
      name: 'qualify, example agreement, one core',
      measured: ours.perSecond,
      unit: 'contacts/CPU-s',
      budget: { atLeast: 1_000_000 },
    },
    {
      name: 'qualify vs json-rules-engine (same rules and contacts)',
      measured: ours.perSecond,
      unit: 'contacts/CPU-s',
      peer: { name: 'json-rules-engine', measured: peer },
      ratioBudget: { atLeast: 20 },
    },
  ];
}
