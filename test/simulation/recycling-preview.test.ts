import { DateTime } from 'luxon';
import { parseAgreement } from '../../src/domain/parse-agreement';
import type { ContactRecord, PropertyMap } from '../../src/domain/qualification';
import { createSimulation } from '../../src/domain/simulation/create-simulation';
import { previewSla } from '../../src/domain/simulation/recycling-preview';
import { renderSimulation } from '../../src/domain/simulation/render-simulation';
import { sizeAndQuotePact } from './size-and-quote-pact';

const tokyo = (iso: string) => String(DateTime.fromISO(iso, { zone: 'Asia/Tokyo' }).toMillis());

// Qualified on Friday 2026-11-20 10:00 in Tokyo. Two business days skip the weekend and the Monday holiday
// (勤労感謝の日, 2026-11-23): the first touch is due by the end of Wednesday 2026-11-25 (Tuesday without the holiday).
// progressDays 30: no progress by 2026-12-20 10:00 recycles the lead.
const HOLIDAY = '2026-11-23';
const QUALIFIED = '2026-11-20T10:00';
const NOW = Number(tokyo('2026-12-21T00:00'));

const agreement = (options: { capacity?: number; holidays?: string[] } = {}) => {
  const input = sizeAndQuotePact(options.capacity ?? 80);
  input.sla = { ...input.sla, holidays: options.holidays ?? [HOLIDAY] };
  const parsed = parseAgreement(input);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
};

/** A contact the service handed to sales on QUALIFIED, as its export carries it (internal values). */
const handed = (extra: PropertyMap = {}): PropertyMap => ({
  lead_pact_tier: 'sales_ready',
  lead_pact_qualified_at: tokyo(QUALIFIED),
  lifecyclestage: 'marketingqualifiedlead',
  ...extra,
});

describe('previewSla (the service SLA rules on an exported contact)', () => {
  const sla = agreement().sla;

  it('a touch in time on the day the holiday adds is met; with no progress in 30 days the lead is recycled', () => {
    const preview = previewSla(handed({ notes_last_contacted: tokyo('2026-11-25T15:00') }), sla, NOW);
    expect(preview).toMatchObject({ status: 'met', recycle: 'sla_no_progress' });
    expect(preview?.dueAt).toBe(
      DateTime.fromISO('2026-11-25T23:59:59.999', { zone: 'Asia/Tokyo' }).toMillis(),
    );
  });

  it('the same touch is late without the holiday: the deadline is the end of Tuesday', () => {
    const noHoliday = agreement({ holidays: [] }).sla;
    const properties = handed({ notes_last_contacted: tokyo('2026-11-25T15:00') });
    expect(previewSla(properties, noHoliday, NOW)).toMatchObject({
      status: 'breached',
      recycle: 'sla_no_progress',
    });
  });

  it('a touch too late is breached; no touch at all (or one before qualification) is recycled for no touch', () => {
    expect(
      previewSla(handed({ hs_last_sales_activity_timestamp: tokyo('2026-11-26T09:00') }), sla, NOW),
    ).toMatchObject({ status: 'breached', recycle: 'sla_no_progress' });
    expect(previewSla(handed(), sla, NOW)).toMatchObject({ status: 'breached', recycle: 'sla_no_touch' });
    expect(previewSla(handed({ notes_last_contacted: tokyo('2026-11-19T10:00') }), sla, NOW)).toMatchObject({
      status: 'breached',
      recycle: 'sla_no_touch',
    });
  });

  it('progress (an opportunity, or a deal) keeps the lead whatever its SLA status', () => {
    expect(previewSla(handed({ lifecyclestage: 'opportunity' }), sla, NOW)).toMatchObject({
      status: 'breached',
      recycle: null,
    });
    expect(
      previewSla(
        handed({ num_associated_deals: '1', notes_last_contacted: tokyo('2026-11-24T10:00') }),
        sla,
        NOW,
      ),
    ).toMatchObject({ status: 'met', recycle: null });
  });

  it('before the deadlines: on track and kept; on the progress deadline itself it is not yet recycled', () => {
    expect(previewSla(handed(), sla, Number(tokyo('2026-11-25T12:00')))).toMatchObject({
      status: 'on_track',
      recycle: null,
    });
    expect(previewSla(handed(), sla, Number(tokyo('2026-12-20T10:00')))).toMatchObject({ recycle: null });
    expect(previewSla(handed(), sla, Number(tokyo('2026-12-20T10:01')))).toMatchObject({
      recycle: 'sla_no_touch',
    });
  });

  it('reads the option labels of an export ("Sales-ready", "Met") and keeps a recorded met status', () => {
    const properties = handed({ lead_pact_tier: 'Sales-ready', lead_pact_sla_status: 'Met' });
    expect(previewSla(properties, sla, NOW)).toMatchObject({ status: 'met', recycle: 'sla_no_progress' });
  });

  it('a lead already recycled stays recycled (rejected by sales, with the reason); other tiers are not its business', () => {
    expect(
      previewSla(
        {
          lead_pact_tier: 'Recycled',
          lead_pact_verdict: 'Rejected',
          lead_pact_reject_reason: 'Company too small',
        },
        sla,
        NOW,
      ),
    ).toMatchObject({ recycle: 'rejected', rejectReason: 'too_small' });
    expect(previewSla({ lead_pact_tier: 'recycled' }, sla, NOW)).toMatchObject({ recycle: 'earlier' });
    expect(previewSla({ lead_pact_tier: 'nurture' }, sla, NOW)).toBeNull();
    expect(previewSla({ lead_pact_tier: 'sales_ready' }, sla, NOW)).toBeNull();
    expect(previewSla({}, sla, NOW)).toBeNull();
  });
});

describe('createSimulation with the lead_pact_* columns', () => {
  // Every contact is A1 (500 employees, a quote clicked just now), so each competes for December's capacity.
  const quote = { recent_conversion_event_name: 'Get a quote', recent_conversion_date: String(NOW) };
  const contact = (id: string, properties: PropertyMap): ContactRecord => ({
    id,
    properties: { ...quote, ...properties },
    company: { numberofemployees: '500' },
  });
  const contacts = [
    contact('no-touch', handed()),
    contact('late', handed({ notes_last_contacted: tokyo('2026-11-26T09:00') })),
    contact('in-time', handed({ notes_last_contacted: tokyo('2026-11-25T15:00') })),
    contact('progressed', handed({ lifecyclestage: 'opportunity' })),
    contact('rejected', {
      lead_pact_tier: 'recycled',
      lead_pact_verdict: 'rejected',
      lead_pact_reject_reason: 'wrong_role',
    }),
    contact('customer', handed({ lifecyclestage: 'customer' })),
    contact('fresh', {}),
  ];
  const run = (list: readonly ContactRecord[], capacity = 80) => {
    const simulation = createSimulation(agreement({ capacity }), { month: '2026-12', now: NOW });
    list.forEach((c) => simulation.add(c));
    return simulation.result();
  };

  it('counts the recycled leads in the recycled tier, with their causes, SLA statuses and reasons in both languages', () => {
    const result = run(contacts);
    expect(result.tiers).toEqual({ sales_ready: 2, nurture: 0, recycled: 4, disqualified: 1 });
    expect(result.recycling).toMatchObject({
      withLeadPactColumns: 6,
      handedOver: 5,
      undated: 0,
      sla: { on_track: 0, met: 1, breached: 4 },
      recycled: { total: 4, sla_no_touch: 1, sla_no_progress: 2, rejected: 1, earlier: 0 },
      more: 0,
    });
    // "customer" progressed (and is disqualified now): listed for its breach only.
    expect(result.recycling?.contacts).toEqual([
      {
        id: 'no-touch',
        recycled: true,
        cause: 'sla_no_touch',
        slaStatus: 'breached',
        qualifiedAt: '2026-11-20T01:00:00.000Z',
        followUpDue: '2026-11-25T14:59:59.999Z',
        reasons: {
          en: 'no sales activity within 2 business days of 2026-11-20; no progress in 30 days',
          ja: '2026-11-20から2営業日以内に営業活動なし、30日以内に商談化などの進展なし',
        },
      },
      expect.objectContaining({
        id: 'late',
        cause: 'sla_no_progress',
        reasons: {
          en: 'first sales activity on 2026-11-26, after the 2026-11-25 deadline; no progress in 30 days',
          ja: '初回の営業活動が2026-11-26で期限（2026-11-25）を超過、30日以内に商談化などの進展なし',
        },
      }),
      expect.objectContaining({
        id: 'in-time',
        cause: 'sla_no_progress',
        slaStatus: 'met',
        reasons: {
          en: 'first sales activity in time; no progress in 30 days',
          ja: '期限内に初回の営業活動あり、30日以内に商談化などの進展なし',
        },
      }),
      expect.objectContaining({
        id: 'progressed',
        recycled: false,
        cause: null,
        slaStatus: 'breached',
        reasons: {
          en: 'no sales activity within 2 business days of 2026-11-20',
          ja: '2026-11-20から2営業日以内に営業活動なし',
        },
      }),
      expect.objectContaining({
        id: 'rejected',
        cause: 'rejected',
        slaStatus: null,
        reasons: { en: 'rejected by sales: Wrong role', ja: '営業が却下：役職が合わない' },
      }),
      expect.objectContaining({
        id: 'customer',
        recycled: false,
        cause: null,
        slaStatus: 'breached',
        reasons: expect.objectContaining({ en: 'no sales activity within 2 business days of 2026-11-20' }),
      }),
    ]);
  });

  it('a recycled lead takes no capacity: with room for one, the one kept lead gets it', () => {
    const result = run(contacts.slice(0, 4), 1);
    expect(result.tiers).toEqual({ sales_ready: 1, nurture: 0, recycled: 3, disqualified: 0 });
    expect(result.capacity).toMatchObject({ eligible: 1, salesReady: 1, heldBack: 0 });
  });

  it('a disqualified lead stays disqualified: it is listed for its breach, not counted as recycled', () => {
    // Disqualified by its email domain while the SLA would recycle it (no progress, no touch).
    const input = sizeAndQuotePact(80);
    input.disqualify = [{ id: 'rival', label: 'Rival', property: 'email', endsWith: ['@rival.example'] }];
    const parsed = parseAgreement(input);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
    const simulation = createSimulation(parsed.data, { month: '2026-12', now: NOW });
    simulation.add(contact('c', handed({ email: 'a@rival.example' })));
    const result = simulation.result();
    expect(result.tiers.disqualified).toBe(1);
    expect(result.recycling?.recycled.total).toBe(0);
    expect(result.recycling?.contacts).toEqual([
      expect.objectContaining({
        recycled: false,
        cause: null,
        reasons: expect.objectContaining({ en: 'no sales activity within 2 business days of 2026-11-20' }),
      }),
    ]);
  });

  it('without the columns the result is exactly as before: no recycling key, the same counts', () => {
    const plain = contacts.map((c) => ({ ...c, properties: { ...quote } }));
    const result = run(plain);
    expect(result).not.toHaveProperty('recycling');
    expect(result.tiers).toEqual({ sales_ready: 7, nurture: 0, recycled: 0, disqualified: 0 });
    expect(renderSimulation(result)).not.toContain('Recycling');
  });

  it('renders a section with the counts and the first contacts with their reasons, in English or Japanese', () => {
    const result = run(contacts);
    const en = renderSimulation(result);
    expect(en).toContain(
      "Recycling (the agreement's SLA at --now): 4 recycled, 4 breached of 5 handed to sales",
    );
    expect(en).toContain('  SLA:      on_track 0 · met 1 · breached 4');
    expect(en).toContain('  Recycled: sla_no_touch 1 · sla_no_progress 2 · rejected 1 · earlier 0');
    expect(en).toContain(
      '  no-touch    recycled  no sales activity within 2 business days of 2026-11-20; no progress in 30 days',
    );
    expect(en).toContain('  progressed  breached  no sales activity within 2 business days of 2026-11-20');
    expect(renderSimulation(result, 'ja')).toContain(
      '  no-touch    recycled  2026-11-20から2営業日以内に営業活動なし、30日以内に商談化などの進展なし',
    );
  });

  it('counts sales-ready contacts without a readable qualified-at date apart, and lists only the first ten', () => {
    const many = Array.from({ length: 12 }, (_, i) => contact(`n${i}`, handed()));
    const result = run([...many, contact('undated', { lead_pact_tier: 'sales_ready' })]);
    expect(result.recycling).toMatchObject({ undated: 1, handedOver: 12 });
    const text = renderSimulation(result);
    expect(text).toContain('1 sales-ready contact has no readable lead_pact_qualified_at');
    expect(text).toContain('  ... and 2 more (--json lists them)');
  });
});
