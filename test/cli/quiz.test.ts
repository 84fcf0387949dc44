import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qualify } from '../../src/domain/qualify';
import { createStore } from '../../src/store/create-store';
import { applyAgreement } from '../../src/use-cases/agreements/apply-agreement';
import { storeAgreementPorts } from '../../src/use-cases/agreements/store-ports';
import { exampleAgreement } from '../domain/example-agreement';
import { quizContacts } from '../use-cases/quiz/quiz-contacts';
import { ROOT, runCli } from './run-cli';

const PORTAL = '4242';
const NOW = Date.now();
let dir: string;

/** Four A2 directors who asked for a quote and four C3 managers who requested documents, scored and stored. */
async function seed(): Promise<void> {
  const store = await createStore({ dataDir: dir });
  try {
    await store.installations.connect(PORTAL, null, [], NOW);
    await store.installations.setTeamMapping(PORTAL, { marketingTeamIds: ['11'], salesTeamIds: ['22'] }, NOW);
    const ports = storeAgreementPorts(store, {
      userTeams: { teamIdsOf: async () => [] },
      clock: { now: () => NOW },
    });
    const agreement = exampleAgreement();
    await applyAgreement(ports, {
      portalId: PORTAL,
      body: agreement,
      proposedBy: 'mika',
      approvedBy: 'sato',
    });
    const contacts = quizContacts(NOW);
    await store.contacts.upsertMany(PORTAL, contacts, NOW);
    const rows = contacts.map((contact) => {
      const q = qualify(contact, agreement, NOW);
      return {
        contactId: contact.id,
        tier: q.tier,
        grade: q.grade,
        score: q.score,
        stage: q.stage,
        route: q.route,
        tierReason: q.tierReason,
        reasons: '',
        agreementVersion: 1,
        qualifiedAt: NOW,
        followUpDue: null,
        slaStatus: null,
        recycledAt: null,
        capacityMonth: null,
        criteria: q.criteria,
      };
    });
    await store.qualifications.upsertMany(PORTAL, rows, NOW);
  } finally {
    await store.close();
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lead-pact-quiz-'));
  await seed();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(['quiz', ...args, '--portal', PORTAL], { DATA_DIR: dir });

/** Answers for every lead the round printed: yes where `yes` matches the lead's line. */
function answersFile(name: string, printed: string, yes: (line: string) => boolean): string {
  const answers = printed
    .split('\n')
    .filter((line) => line.startsWith('#'))
    .map((line) => ({ leadKey: /^#(\d+)/.exec(line)![1]!, callThisMonth: yes(line) }));
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ answers }));
  return file;
}

it('When a meeting room runs a round, then marketing answers from a file, sales at the terminal, and the result prints in Japanese', () => {
  const start = cli('start', '--user', '501', '--size', '8');
  expect(start.stderr).toBe('');
  expect(start.status).toBe(0);
  expect(start.stdout).toContain('round 1 (open)');
  expect(start.stdout).toContain(
    "1200 · Director 1 · COMPUTER_SOFTWARE | Clicked 'get a quote' in the newsletter",
  );
  expect(start.stdout).not.toMatch(/A2|C3|sales_ready/);

  const m = answersFile('m.json', start.stdout, () => true);
  expect(
    cli('answer', '--round', '1', '--user', '501', '--side', 'marketing', '--answers', m).stdout,
  ).toContain('8 answers recorded for 501 (marketing)');
  // Sales answers at the terminal: y for Director 4, n for everyone else, lead by lead in round order.
  const replies = start.stdout
    .split('\n')
    .filter((line) => line.startsWith('#'))
    .map((line) => (line.includes('Director 4') ? 'y' : 'n'));
  const asked = spawnSync(
    process.execPath,
    [
      join(ROOT, 'bin', 'lead-pact.js'),
      'quiz',
      'answer',
      '--portal',
      PORTAL,
      '--round',
      '1',
      '--user',
      '601',
      '--side',
      'sales',
      '--lang',
      'ja',
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATA_DIR: dir }, input: `${replies.join('\n')}\n` },
  );
  expect(asked.stderr).toBe('');
  expect(asked.stdout).toContain('営業はこのリードに今月アプローチすべきですか？');
  expect(asked.stdout).toContain('8 answers recorded for 601 (sales)');
  expect(cli('show').stdout).toMatch(/^round 1\topen\t\d{4}-\d\d-\d\d\t8 leads\t1 marketing, 1 sales$/m);

  const result = cli('result', '--round', '1', '--close', '--user', '601', '--lang', 'ja');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('キャリブレーションクイズ 第1回（締め切り済み）：リード8件・合意内容 v1');
  expect(result.stdout).toContain('8件中1件で回答が一致（12.5%）');
  expect(result.stdout).toContain('両部門の回答が分かれたリード');
  expect(result.stdout).toContain('配点を60点から40点に下げる');

  const late = cli('answer', '--round', '1', '--user', '501', '--side', 'marketing', '--answers', m);
  expect(late.status).toBe(1);
  expect(late.stderr).toContain('Quiz round 1 is closed');
});
