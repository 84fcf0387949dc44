import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monthlyReportSchema } from '../../../src/contracts/report';
import { migrateToLatest } from '../../../src/store/migrate';
import { openDatabase } from '../../../src/store/open-database';
import { runCli } from '../../cli/run-cli';
import { PORTAL, seedNovember } from './seed-november';

// Runs the built CLI (`npm test` builds first) against a seeded SQLite file in a temporary DATA_DIR.
let dataDir: string;
const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: '' });

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-report-'));
  const rdb = openDatabase({ dataDir });
  await migrateToLatest(rdb.db, rdb.engine);
  await seedNovember(rdb);
  await rdb.db.destroy();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('lead-pact report', () => {
  it('When asked for JSON, then it prints the report the API serves', () => {
    const run = runCli(['report', '--portal', PORTAL, '--month', '2026-11', '--format', 'json'], env());
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = monthlyReportSchema.parse(JSON.parse(run.stdout));
    expect(report.handoff).toEqual({ handed: 3, capacity: 3, heldBack: 1, utilisation: 1 });
    expect(report.conversion.overall).toMatchObject({ successes: 2, trials: 6 });
  });

  it('When asked for CSV, then it prints one long table a spreadsheet opens', () => {
    const run = runCli(['report', '--portal', PORTAL, '--month', '2026-11', '--format', 'csv'], env());
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('section,key,metric,value,successes,trials,rate,low,high');
    expect(lines).toContain('handoff,total,handed,3,,,,,');
    expect(lines).toContain('conversion,A1,by_grade,,1,3,0.3333,0.0615,0.7923');
    expect(lines).toContain('recycled,rejected,contacts,1,,,,,');
  });

  it('When run on a terminal without --format, then it prints readable tables', () => {
    const run = runCli(['report', '--portal', PORTAL, '--month', '2026-11'], env());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Lead Pact report, portal 42, 2026-11 (Asia/Tokyo), agreement v1');
    expect(run.stdout).toMatch(/handed\s+3 of capacity 3/);
    expect(run.stdout).toContain('Suggestion (not applied)');
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
