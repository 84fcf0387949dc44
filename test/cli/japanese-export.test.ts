import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { createStandin } from '../../src/standin/create-standin';
import { sizeAndQuotePact } from '../simulation/size-and-quote-pact';
import { runCliAsync } from './run-cli';

// Each test starts the built CLI as a process, which is slow on a busy machine.
jest.setTimeout(120_000);

let dir: string;
let url: string;
let close: () => Promise<void>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lead-pact-ja-export-'));
  ({ url, close } = await createStandin({ portalId: 62515, language: 'ja' }).listen(0));
});
afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({
  DATA_DIR: dir,
  HUBSPOT_ACCESS_TOKEN: 'static-token-for-the-standin',
  HUBSPOT_PORTAL_ID: '62515',
  HUBSPOT_API_BASE_URL: url,
});

/**
 * The same six contacts exported twice: from an English account (labels, UTF-8, dates with an offset) and from a
 * Japanese one (Japanese labels and option labels, Shift_JIS as Excel saves it, dates in the account's time zone,
 * Asia/Tokyo, without an offset). Contact 2's quote is 11 days old: 60 * 0.5^(11/14) = 34.8 points, level 3 (A3);
 * its Tokyo wall time "2026-11-16 09:00" taken as UTC would make it 10.6 days old, 35.4 points, A2 and sales-ready.
 * Contacts 1 and 6 (a day old, 57 points) are A2, 3 (no date: the full 60) A1; 4 is a customer (disqualified), 5 an
 * opportunity too small for any size band (D4).
 */
const CONTACTS = [
  { id: '1', conversion: 'quote', at: '2026-11-26T00:00:00Z', stage: 'lead', deals: '0', size: '500' },
  { id: '2', conversion: 'quote', at: '2026-11-16T00:00:00Z', stage: '', deals: '', size: '500' },
  { id: '3', conversion: 'quote', at: '', stage: '', deals: '', size: '1500' },
  { id: '4', conversion: 'quote', at: '2026-11-26T00:00:00Z', stage: 'customer', deals: '2', size: '500' },
  { id: '5', conversion: '', at: '', stage: 'opportunity', deals: '', size: '50' },
  { id: '6', conversion: 'quote', at: '2026-11-26T15:30:00Z', stage: '', deals: '', size: '500' },
];
const EN_STAGES: Record<string, string> = { lead: 'Lead', customer: 'Customer', opportunity: 'Opportunity' };
const JA_STAGES: Record<string, string> = { lead: 'リード', customer: '顧客', opportunity: '商談' };

/** "2026-11-16T03:00:00Z" as a Japanese account's export writes it: Tokyo wall time, no offset. */
function tokyoWallTime(iso: string): string {
  const tokyo = new Date(Date.parse(iso) + 9 * 3_600_000).toISOString();
  return `${tokyo.slice(0, 10)} ${tokyo.slice(11, 16)}`;
}

const englishCsv = () =>
  [
    'Record ID,Recent Conversion,Recent Conversion Date,Lifecycle Stage,Number of Associated Deals,company.Number of Employees',
    ...CONTACTS.map((c) =>
      [c.id, c.conversion && 'Get a quote', c.at, EN_STAGES[c.stage] ?? '', c.deals, c.size].join(','),
    ),
  ].join('\r\n') + '\r\n';

const japaneseCsv = () =>
  [
    'レコードID,最新のコンバージョン,最新のコンバージョン日,ライフサイクルステージ,関連付けられている取引,company.従業員数',
    ...CONTACTS.map((c) =>
      [
        c.id,
        c.conversion && '見積もり依頼',
        c.at && tokyoWallTime(c.at),
        JA_STAGES[c.stage] ?? '',
        c.deals,
        c.size,
      ].join(','),
    ),
  ].join('\r\n') + '\r\n';

function agreement(): string {
  const pact = sizeAndQuotePact(80);
  pact.handoff.salesReady = ['A1', 'A2'];
  pact.intent.signals[0]!.when = { property: 'recent_conversion_event_name', contains: ['quote', '見積'] };
  const path = join(dir, 'agreement.json');
  writeFileSync(path, JSON.stringify(pact));
  return path;
}

describe('exports from a Japanese HubSpot account', () => {
  it('When the properties are pulled from a Japanese portal, then a Japanese-header CP932 offset-less export grades exactly like its English UTF-8 twin', async () => {
    const propertiesFile = join(dir, 'properties.json');
    const pulled = await runCliAsync(
      ['properties', 'pull', '--portal', '62515', '--out', propertiesFile],
      env(),
    );
    expect(pulled).toMatchObject({ status: 0, stderr: '' });
    expect(pulled.stdout).toMatch(/^Saved \d+ contact and \d+ company properties of portal 62515 to /);
    const saved = JSON.parse(readFileSync(propertiesFile, 'utf8'));
    expect(saved).toMatchObject({ source: 'hubspot', portalId: '62515' });
    expect(saved.contact).toContainEqual(
      expect.objectContaining({
        name: 'lifecyclestage',
        label: 'ライフサイクルステージ',
        options: expect.arrayContaining([{ value: 'customer', label: '顧客' }]),
      }),
    );
    expect(saved.company).toContainEqual(
      expect.objectContaining({ name: 'numberofemployees', label: '従業員数' }),
    );

    const pact = agreement();
    const now = ['--now', '2026-11-27T00:00:00Z', '--json'];
    const english = join(dir, 'english.csv');
    writeFileSync(english, englishCsv());
    const japanese = join(dir, 'japanese.csv');
    writeFileSync(japanese, iconv.encode(japaneseCsv(), 'cp932'));

    const fromEnglish = await runCliAsync(['simulate', '--agreement', pact, '--contacts', english, ...now]);
    const fromJapanese = await runCliAsync([
      'simulate',
      '--agreement',
      pact,
      '--contacts',
      japanese,
      '--properties',
      propertiesFile,
      ...now,
    ]);
    expect(fromEnglish).toMatchObject({ status: 0, stderr: '' });
    expect(fromJapanese).toMatchObject({
      status: 0,
      stderr: `${japanese}: read as Shift_JIS (CP932) (detected)\n`,
    });
    const { file: _a, encoding: _b, ...en } = JSON.parse(fromEnglish.stdout);
    const { file: _c, encoding: jaEncoding, ...ja } = JSON.parse(fromJapanese.stdout);
    expect(ja).toEqual(en);
    expect(jaEncoding).toEqual({ encoding: 'cp932', how: 'detected' });
    expect(ja).toMatchObject({
      contacts: 6,
      tiers: { sales_ready: 3, nurture: 2, disqualified: 1 },
      timeZone: { zone: 'Asia/Tokyo', from: 'sla.timezone' },
      conversion: { contacts: 3, converted: 2 },
      unseenProperties: [],
    });
    const grades = Object.fromEntries(
      Object.entries(ja.grades as Record<string, number>).filter(([, n]) => n > 0),
    );
    expect(grades).toEqual({ A1: 1, A2: 3, A3: 1, D4: 1 });
    // Read as UTC, the same Japanese export would hand contact 2 to sales.
    const asUtc = await runCliAsync([
      'simulate',
      '--agreement',
      pact,
      '--contacts',
      japanese,
      '--properties',
      propertiesFile,
      '--tz',
      'UTC',
      ...now,
    ]);
    expect(JSON.parse(asUtc.stdout).tiers).toMatchObject({ sales_ready: 4, nurture: 1 });

    // Without the properties file the Japanese option labels cannot be read: 顧客 is no customer.
    const unmapped = await runCliAsync(['simulate', '--agreement', pact, '--contacts', japanese, ...now]);
    expect(JSON.parse(unmapped.stdout).tiers.disqualified).toBe(0);
  });

  it('When the portal id is not digits or HubSpot is not configured, then properties pull exits 2 naming what to fix', async () => {
    const bad = await runCliAsync(['properties', 'pull', '--portal', 'abc'], env());
    expect(bad).toMatchObject({ status: 2, stderr: '--portal: expected a HubSpot portal id (digits)\n' });
    const unconfigured = await runCliAsync(['properties', 'pull', '--portal', '62515'], { DATA_DIR: dir });
    expect(unconfigured.status).toBe(2);
    expect(unconfigured.stderr).toMatch(/^HubSpot is not configured/);
  });

  it('When the properties file is not what properties pull saves, then simulate refuses it with the path of the problem', async () => {
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ contact: [{ name: 'x' }], company: [] }));
    const run = await runCliAsync([
      'simulate',
      '--agreement',
      agreement(),
      '--contacts',
      join(dir, 'english.csv'),
      '--properties',
      wrong,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${wrong}: contact.0.label:`);
    expect(run.stderr).toContain('(expected the output of "lead-pact properties pull")');
  });
});
