import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monthlyReportSchema } from '../../../src/contracts/report';
import type { QuizLead } from '../../../src/domain/quiz/quiz-types';
import { createStore } from '../../../src/store/create-store';
import { migrateToLatest } from '../../../src/store/migrate';
import { openDatabase } from '../../../src/store/open-database';
import { runCli } from '../../cli/run-cli';
import { PORTAL, seedNovember } from './seed-november';
import { tokyo } from './seed-store';

// Runs the built CLI (`npm test` builds first) against a seeded SQLite file in a temporary DATA_DIR.
let dataDir: string;
const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: '' });

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-report-'));
  const rdb = openDatabase({ dataDir });
  await migrateToLatest(rdb.db, rdb.engine);
  await seedNovember(rdb);
  await rdb.db.destroy();
  await seedQuizRound();
});

/*
 * A calibration round of four leads, closed on 28 November (Tokyo). Marketing (501) says yes, yes, yes, no; sales
 * (601) yes, no, no, no. Same answer on leads 1 and 4: 2 of 4 (50%). Kappa: p_o = 0.5, marketing says yes to 3/4
 * and sales to 1/4, so p_e = 3/4 * 1/4 + 1/4 * 3/4 = 0.375 and kappa = (0.5 - 0.375) / (1 - 0.375) = 0.2.
 * Its standard error (Fleiss, Cohen & Everitt 1969), cells p(yes,yes) = 1/4, p(yes,no) = 1/2, p(no,no) = 1/4:
 *   diagonal  1/4 * (1 - (3/4 + 1/4) * 0.8)^2 + 1/4 * (1 - (1/4 + 3/4) * 0.8)^2 = 0.02
 *   off       0.8^2 * 1/2 * (1/4 + 1/4)^2 = 0.08
 *   minus     (0.2 - 0.375 * 0.8)^2 = 0.01
 *   var = (0.02 + 0.08 - 0.01) / (4 * 0.625^2) = 0.0576, SE 0.24, 95%: 0.2 -+ 1.96 * 0.24 = -0.2704 to 0.6704.
 */
async function seedQuizRound(): Promise<void> {
  const store = await createStore({ dataDir });
  const lead = (n: number): QuizLead => ({
    ...{ leadKey: String(n), position: n, contactId: `c${n}`, facts: [], actions: [] },
    verdict: { salesReady: n === 1, grade: n === 1 ? 'A1' : 'C3', tier: 'nurture', score: 50, criteria: [] },
  });
  try {
    const round = { size: 4, agreementVersion: 1, startedAt: tokyo('2026-11-27T10:00'), startedBy: '501' };
    const id = await store.transaction(async (tx) => {
      const created = await tx.quizRounds.create(PORTAL, round);
      await tx.quizLeads.addMany(PORTAL, created, [1, 2, 3, 4].map(lead));
      return created;
    });
    const said = (userId: string, side: 'marketing' | 'sales', yes: number[]) =>
      [1, 2, 3, 4].map((n) => ({ userId, side, leadKey: String(n), callThisMonth: yes.includes(n) }));
    await store.quizAnswers.upsertMany(
      PORTAL,
      id,
      said('501', 'marketing', [1, 2, 3]),
      tokyo('2026-11-27T11:00'),
    );
    await store.quizAnswers.upsertMany(PORTAL, id, said('601', 'sales', [1]), tokyo('2026-11-27T11:00'));
    await store.quizRounds.close(PORTAL, id, '601', tokyo('2026-11-28T18:00'));
    // Round 2, in December, closed with marketing's answers only.
    const second = await store.transaction(async (tx) => {
      const created = await tx.quizRounds.create(PORTAL, { ...round, startedAt: tokyo('2026-12-03T10:00') });
      await tx.quizLeads.addMany(PORTAL, created, [1, 2, 3, 4].map(lead));
      return created;
    });
    await store.quizAnswers.upsertMany(
      PORTAL,
      second,
      said('501', 'marketing', [1]),
      tokyo('2026-12-03T11:00'),
    );
    await store.quizRounds.close(PORTAL, second, '501', tokyo('2026-12-04T18:00'));
  } finally {
    await store.close();
  }
}
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('lead-pact report', () => {
  it('When asked for JSON, then it prints the report the API serves', () => {
    const run = runCli(['report', '--portal', PORTAL, '--month', '2026-11', '--format', 'json'], env());
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = monthlyReportSchema.parse(JSON.parse(run.stdout));
    expect(report.handoff).toEqual({ handed: 3, capacity: 3, heldBack: 1, utilisation: 1 });
    expect(report.conversion.overall).toMatchObject({ successes: 2, trials: 6 });
    expect(report.quiz).toMatchObject({ roundId: '1', leads: 4, oneSided: false, percent: 50, kappa: 0.2 });
  });

  it('When asked for CSV, then it prints one long table a spreadsheet opens', () => {
    const run = runCli(['report', '--portal', PORTAL, '--month', '2026-11', '--format', 'csv'], env());
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('section,key,metric,value,successes,trials,rate,low,high');
    expect(lines).toContain('handoff,total,handed,3,,,,,');
    expect(lines).toContain('conversion,A1,by_grade,,1,3,0.3333,0.0615,0.7923');
    expect(lines).toContain('recycled,rejected,contacts,1,,,,,');
    expect(lines).toContain('quiz,1,same_answer_percent,50,,,,,');
    expect(lines).toContain('quiz,1,kappa,0.2,,,,-0.2704,0.6704');
  });

  it('When run on a terminal without --format, then it prints readable tables', () => {
    const run = runCli(['report', '--portal', PORTAL, '--month', '2026-11'], env());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Lead Pact report, portal 42, 2026-11 (Asia/Tokyo), agreement v1');
    expect(run.stdout).toMatch(/handed\s+3 of capacity 3/);
    expect(run.stdout).toContain('Suggestion (not applied)');
    // The latest quiz round beside the month's figures.
    expect(run.stdout).toContain('Calibration quiz (latest round)');
    expect(run.stdout).toMatch(/round 1\s+closed 2026-11-28, 4 leads answered by both sides/);
    expect(run.stdout).toMatch(/same answer\s+50% of leads \(marketing and sales\)/);
    expect(run.stdout).toMatch(/kappa\s+0\.20 \(95% -0\.27 to 0\.67\)/);
  });

  it('When the latest round was closed with one side’s answers, then the quiz line says so', () => {
    const run = runCli(['report', '--portal', PORTAL, '--month', '2026-12'], env());
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/round 2\s+closed 2026-12-04\n/);
    expect(run.stdout).toMatch(
      /agreement\s+answered by one side only: no agreement between the sides to show/,
    );
  });

  it('When the month had no closed quiz round, then the table has no quiz line', () => {
    const run = runCli(['report', '--portal', PORTAL, '--month', '2026-10'], env());
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('Calibration quiz');
  });

  it('When the month is malformed, then it exits 2 naming the expected form', () => {
    const run = runCli(['report', '--portal', PORTAL, '--month', '2026-13'], env());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('YYYY-MM');
  });

  it('When the format is unknown, then commander refuses it with exit 2', () => {
    const run = runCli(['report', '--portal', PORTAL, '--month', '2026-11', '--format', 'xml'], env());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('table, json, csv');
  });
});
