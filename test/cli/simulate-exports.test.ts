import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sizeAndQuotePact } from '../simulation/size-and-quote-pact';
import { runCli } from './run-cli';

// Each test starts the built CLI as a process, which is slow on a busy machine.
jest.setTimeout(90_000);

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'lead-pact-exports-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** sizeAndQuotePact with A2 sales-ready too, so the level of one quote click decides the tier. SLA zone: Asia/Tokyo. */
function pactWithA2(): string {
  const pact = sizeAndQuotePact(80);
  pact.handoff.salesReady = ['A1', 'A2'];
  return write('agreement-a2.json', JSON.stringify(pact));
}

const NOW = ['--now', '2026-11-27T00:00:00Z'];
const simulate = (agreement: string, contacts: string, ...extra: string[]) =>
  runCli(['simulate', '--agreement', agreement, '--contacts', contacts, ...NOW, ...extra]);
const grades = (stdout: string) =>
  Object.fromEntries(
    Object.entries((JSON.parse(stdout) as { grades: Record<string, number> }).grades).filter(
      ([, n]) => n > 0,
    ),
  );

describe('simulate: the time zone of an export', () => {
  // A quote (60 points, 14-day half-life) clicked at 03:00 on 16 November, now 27 November 00:00 UTC. In Tokyo that is
  // 15 November 18:00 UTC, 11.25 days ago: 60 * 0.5^(11.25/14) = 34.4 points, level 3 (A3, nurture). Read as UTC it
  // would be 10.875 days ago: 35.0 points, level 2 (A2, sales-ready).
  const header = 'Record ID,Recent Conversion,Recent Conversion Date,company.numberofemployees';
  const row = (date: string) => `${header}\n1,Get a quote,${date},500\n`;

  it("When an export's dates have no offset, then they are read in the SLA's time zone and the output names it", () => {
    const agreement = pactWithA2();
    const offsetless = write('offsetless.csv', row('2026-11-16 03:00'));
    const tokyo = simulate(agreement, offsetless, '--json');
    expect(tokyo.status).toBe(0);
    expect(grades(tokyo.stdout)).toEqual({ A3: 1 });
    expect(JSON.parse(tokyo.stdout)).toMatchObject({
      timeZone: { zone: 'Asia/Tokyo', from: 'sla.timezone' },
      tiers: { sales_ready: 0, nurture: 1 },
    });

    const withOffset = simulate(agreement, write('offset.csv', row('2026-11-16T03:00:00+09:00')), '--json');
    const { file: _a, ...fromOffset } = JSON.parse(withOffset.stdout);
    const { file: _b, ...fromTokyo } = JSON.parse(tokyo.stdout);
    expect(fromTokyo).toEqual(fromOffset);

    const text = simulate(agreement, offsetless);
    expect(text.stdout).toContain(
      "\nExport dates without an offset were read in Asia/Tokyo (the agreement's sla.timezone; another with --tz).\n",
    );
  });

  it('When --tz names another zone, then the same click is read there and the output says --tz', () => {
    const agreement = pactWithA2();
    const utc = simulate(agreement, write('utc.csv', row('2026-11-16 03:00')), '--json', '--tz', 'UTC');
    expect(utc.status).toBe(0);
    expect(grades(utc.stdout)).toEqual({ A2: 1 });
    expect(JSON.parse(utc.stdout)).toMatchObject({
      timeZone: { zone: 'UTC', from: '--tz' },
      tiers: { sales_ready: 1, nurture: 0 },
    });
    const unknown = simulate(agreement, write('bad-tz.csv', row('2026-11-16 03:00')), '--tz', 'Mars/Olympus');
    expect(unknown).toMatchObject({
      status: 2,
      stdout: '',
      stderr:
        '--tz: unknown time zone "Mars/Olympus" (an IANA name such as Asia/Tokyo or America/New_York)\n',
    });
  });
});

describe('simulate: a broken quote', () => {
  it('When a quote opened on line 2 of a 3-row file never closes, then line 2 is named and the two good rows count', () => {
    const agreement = pactWithA2();
    const text =
      'Record ID,Recent Conversion,Recent Conversion Date,company.numberofemployees\n' +
      '1,"Get a quote,2026-11-26 09:00,500\n' +
      '2,Get a quote,2026-11-26 09:00,500\n' +
      '3,Get a quote,2026-11-26 09:00,500\n';
    const file = write('broken-quote.csv', text);
    const run = simulate(agreement, file, '--json');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `${file}: line 2: a quote opened on this line is never closed (the file ends inside it)\n` +
        '1 row was skipped (see above)\n',
    );
    expect(JSON.parse(run.stdout)).toMatchObject({
      contacts: 2,
      skipped: {
        rows: 1,
        problems: [
          { line: 2, problem: 'a quote opened on this line is never closed (the file ends inside it)' },
        ],
      },
    });
  });
});
