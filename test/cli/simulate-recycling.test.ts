import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sizeAndQuotePact } from '../simulation/size-and-quote-pact';
import { runCli } from './run-cli';

// Each test starts the built CLI as a process, which is slow on a busy machine.
jest.setTimeout(90_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lead-pact-recycling-'));
  // Two business days to the first touch (a Monday holiday on 2026-11-23), 30 days to progress, Asia/Tokyo.
  // Room for two leads in December.
  const agreement = sizeAndQuotePact(2);
  agreement.sla = { ...agreement.sla, holidays: ['2026-11-23'] };
  agreement.capacity = { default: 80, months: { '2026-12': 2 } };
  write('agreement.json', JSON.stringify(agreement));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// 2026-12-21 00:00 in Tokyo: more than 30 days after the leads were handed over on Friday 2026-11-20 10:00.
const NOW = ['--now', '2026-12-20T15:00:00Z'];
const simulate = (contacts: string, ...extra: string[]) =>
  runCli(['simulate', '--agreement', join(dir, 'agreement.json'), '--contacts', contacts, ...NOW, ...extra]);

// Every contact is A1 (a quote clicked at --now, 500 employees). The export writes dates without an offset (read
// in the agreement's Asia/Tokyo) and the Lead Pact options by their labels.
//   1 handed over, never touched: recycled (no touch) · 2 touched on 11-26, after the 11-25 deadline: recycled (no
//   progress) · 3 an opportunity, never touched: breached, kept · 4 rejected by sales earlier: stays recycled ·
//   5 never handed over: qualified as always.
const QUOTE = ['Get a quote', '2026-12-21 00:00'];
const ROWS = [
  [
    '1',
    ...QUOTE,
    'Marketing Qualified Lead',
    '500',
    'Sales-ready',
    '2026-11-20 10:00',
    'On track',
    '',
    '',
    '',
  ],
  [
    '2',
    ...QUOTE,
    'Marketing Qualified Lead',
    '500',
    'Sales-ready',
    '2026-11-20 10:00',
    'Breached',
    '2026-11-26 09:00',
    '',
    '',
  ],
  ['3', ...QUOTE, 'Opportunity', '500', 'Sales-ready', '2026-11-20 10:00', 'On track', '', '', ''],
  ['4', ...QUOTE, 'Lead', '500', 'Recycled', '2026-11-20 10:00', 'Met', '', 'Rejected', 'Wrong role'],
  ['5', ...QUOTE, 'Lead', '500', '', '', '', '', '', ''],
];
const LABELS = [
  'Record ID',
  'Recent Conversion',
  'Recent Conversion Date',
  'Lifecycle Stage',
  'company.Number of Employees',
  'Lead Pact tier',
  'Lead Pact qualified at',
  'Lead Pact SLA status',
  'Last Contacted',
  'Lead Pact verdict',
  'Lead Pact reject reason',
].join(',');
const INTERNAL = [
  'hs_object_id',
  'recent_conversion_event_name',
  'recent_conversion_date',
  'lifecyclestage',
  'company.numberofemployees',
  'lead_pact_tier',
  'lead_pact_qualified_at',
  'lead_pact_sla_status',
  'notes_last_contacted',
  'lead_pact_verdict',
  'lead_pact_reject_reason',
].join(',');
const csv = (header: string, rows: readonly (readonly string[])[] = ROWS) =>
  `${header}\n${rows.map((r) => r.join(',')).join('\n')}\n`;

const EXPECTED = {
  contacts: 5,
  tiers: { sales_ready: 2, nurture: 0, recycled: 3, disqualified: 0 },
  capacity: { capacity: 2, eligible: 2, salesReady: 2, heldBack: 0, unused: 0 },
  recycling: {
    withLeadPactColumns: 4,
    handedOver: 3,
    undated: 0,
    sla: { on_track: 0, met: 0, breached: 3 },
    recycled: { total: 3, sla_no_touch: 1, sla_no_progress: 1, rejected: 1, earlier: 0 },
    more: 0,
  },
};
const REASONS = [
  {
    id: '1',
    recycled: true,
    cause: 'sla_no_touch',
    reasons: {
      en: 'no sales activity within 2 business days of 2026-11-20; no progress in 30 days',
      ja: '2026-11-20から2営業日以内に営業活動なし、30日以内に商談化などの進展なし',
    },
  },
  {
    id: '2',
    recycled: true,
    cause: 'sla_no_progress',
    reasons: {
      en: 'first sales activity on 2026-11-26, after the 2026-11-25 deadline; no progress in 30 days',
      ja: '初回の営業活動が2026-11-26で期限（2026-11-25）を超過、30日以内に商談化などの進展なし',
    },
  },
  {
    id: '3',
    recycled: false,
    cause: null,
    reasons: {
      en: 'no sales activity within 2 business days of 2026-11-20',
      ja: '2026-11-20から2営業日以内に営業活動なし',
    },
  },
  {
    id: '4',
    recycled: true,
    cause: 'rejected',
    reasons: { en: 'rejected by sales: Wrong role', ja: '営業が却下：役職が合わない' },
  },
];
const listed = (output: { recycling: { contacts: Record<string, unknown>[] } }) =>
  output.recycling.contacts.map(({ id, recycled, cause, reasons }) => ({ id, recycled, cause, reasons }));

describe('lead-pact simulate: the recycling preview', () => {
  it('When an export carries the Lead Pact columns by their labels, then --json names who the SLA recycles and why', () => {
    const run = simulate(write('labels.csv', csv(LABELS)), '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output).toMatchObject(EXPECTED);
    expect(listed(output)).toEqual(REASONS);
    expect(output.recycling.contacts[0]).toMatchObject({
      slaStatus: 'breached',
      qualifiedAt: '2026-11-20T01:00:00.000Z',
      followUpDue: '2026-11-25T14:59:59.999Z',
    });
  });

  it('When the headers are internal names and the values internal, then the preview is the same', () => {
    const internal = ROWS.map((row) =>
      row.map(
        (cell) =>
          ({
            'Marketing Qualified Lead': 'marketingqualifiedlead',
            Opportunity: 'opportunity',
            Lead: 'lead',
            'Sales-ready': 'sales_ready',
            Recycled: 'recycled',
            'On track': 'on_track',
            Breached: 'breached',
            Met: 'met',
            Rejected: 'rejected',
            'Wrong role': 'wrong_role',
          })[cell] ?? cell.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/, '$1T$2:00+09:00'),
      ),
    );
    const run = simulate(write('internal.csv', csv(INTERNAL, internal)), '--json');
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output).toMatchObject(EXPECTED);
    expect(listed(output)).toEqual(REASONS);
  });

  it('When printed as text, then a section counts them and lists each with its reasons, in Japanese with --lang ja', () => {
    const contacts = write('text.csv', csv(LABELS));
    const run = simulate(contacts);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Tiers:   sales_ready 2 · nurture 0 · recycled 3 · disqualified 0');
    expect(run.stdout).toContain(
      "Recycling (the agreement's SLA at --now): 3 recycled, 3 breached of 3 handed to sales",
    );
    expect(run.stdout).toContain(
      '  1  recycled  no sales activity within 2 business days of 2026-11-20; no progress in 30 days',
    );
    expect(run.stdout).toContain('  4  recycled  rejected by sales: Wrong role');
    const ja = simulate(contacts, '--lang', 'ja');
    expect(ja.stdout).toContain('  4  recycled  営業が却下：役職が合わない');
    const bad = simulate(contacts, '--lang', 'fr');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--lang: expected en or ja, got "fr"');
  });

  it('When the Lead Pact columns are absent or empty, then the output is what it always was', () => {
    const plainHeader = LABELS.split(',').slice(0, 5).join(',');
    const plain = simulate(
      write(
        'plain.csv',
        csv(
          plainHeader,
          ROWS.map((r) => r.slice(0, 5)),
        ),
      ),
    );
    const empty = simulate(
      write(
        'empty.csv',
        csv(
          LABELS,
          ROWS.map((r) => [...r.slice(0, 5), '', '', '', '', '', '']),
        ),
      ),
    );
    expect(plain.status).toBe(0);
    expect(plain.stdout).not.toContain('Recycling');
    expect(plain.stdout).toContain('Tiers:   sales_ready 2 · nurture 3 · recycled 0 · disqualified 0');
    expect(empty.stdout).toBe(plain.stdout);
    const json = JSON.parse(simulate(join(dir, 'plain.csv'), '--json').stdout);
    expect(json).not.toHaveProperty('recycling');
  });
});
