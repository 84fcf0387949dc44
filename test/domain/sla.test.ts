import { DateTime } from 'luxon';
import {
  assessSla,
  followUpDue,
  hasProgressed,
  isBusinessDay,
  progressDeadline,
  salesTouchAfter,
  shouldRecycle,
  slaStatus,
} from '../../src/domain/sla';

const DAY = 86_400_000;
const tokyo = { timezone: 'Asia/Tokyo', holidays: [] as string[] };
const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();
const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toISO({ includeOffset: false });

describe('followUpDue', () => {
  it('skips the weekend: qualified Friday in Tokyo, two business days -> end of Tuesday', () => {
    const due = followUpDue(at('2026-11-27T16:00', 'Asia/Tokyo'), 2, tokyo);
    expect(local(due, 'Asia/Tokyo')).toBe('2026-12-01T23:59:59.999');
  });

  it('skips a Monday holiday too: qualified Friday -> end of Wednesday', () => {
    const due = followUpDue(at('2027-01-08T10:00', 'Asia/Tokyo'), 2, {
      timezone: 'Asia/Tokyo',
      holidays: ['2027-01-11'],
    });
    expect(local(due, 'Asia/Tokyo')).toBe('2027-01-13T23:59:59.999');
  });

  it('counts days in the SLA zone: Friday 20:00 UTC is already Saturday in Tokyo', () => {
    const due = followUpDue(Date.UTC(2026, 10, 27, 20), 1, tokyo);
    expect(local(due, 'Asia/Tokyo')).toBe('2026-11-30T23:59:59.999');
  });

  it('with zero business days, is the end of the qualifying day, or of the next business day on a weekend', () => {
    expect(local(followUpDue(at('2026-11-26T09:00', 'Asia/Tokyo'), 0, tokyo), 'Asia/Tokyo')).toBe(
      '2026-11-26T23:59:59.999',
    );
    expect(local(followUpDue(at('2026-11-28T09:00', 'Asia/Tokyo'), 0, tokyo), 'Asia/Tokyo')).toBe(
      '2026-11-30T23:59:59.999',
    );
  });

  it('stays on local end of day across a DST change (New York, November 2026)', () => {
    const ny = { timezone: 'America/New_York', holidays: [] };
    const due = followUpDue(at('2026-10-30T15:00', 'America/New_York'), 2, ny);
    expect(local(due, 'America/New_York')).toBe('2026-11-03T23:59:59.999');
    expect(due).toBe(Date.UTC(2026, 10, 4, 4, 59, 59, 999));
  });
});

describe('isBusinessDay', () => {
  it('is false on weekends and listed holidays', () => {
    const day = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Tokyo' });
    expect(isBusinessDay(day('2027-01-08'), ['2027-01-11'])).toBe(true);
    expect(isBusinessDay(day('2027-01-09'), [])).toBe(false);
    expect(isBusinessDay(day('2027-01-11'), ['2027-01-11'])).toBe(false);
  });
});

describe('slaStatus', () => {
  const qualifiedAt = Date.UTC(2026, 10, 27);
  const dueAt = qualifiedAt + 4 * DAY;

  it('is met when a rep logged a call or activity after qualification and before the deadline', () => {
    expect(
      slaStatus({
        properties: { notes_last_contacted: String(qualifiedAt + DAY) },
        qualifiedAt,
        dueAt,
        now: qualifiedAt + 9 * DAY,
      }),
    ).toBe('met');
    expect(
      slaStatus({
        properties: { hs_last_sales_activity_timestamp: '2026-11-28T01:00:00Z' },
        qualifiedAt,
        dueAt,
        now: dueAt + 1,
      }),
    ).toBe('met');
  });

  it('is on track before the deadline, breached after it, and a touch from before qualification does not count', () => {
    const before = { notes_last_contacted: String(qualifiedAt - DAY) };
    expect(slaStatus({ properties: before, qualifiedAt, dueAt, now: dueAt })).toBe('on_track');
    expect(slaStatus({ properties: before, qualifiedAt, dueAt, now: dueAt + 1 })).toBe('breached');
  });

  it('is breached when the first touch came after the deadline', () => {
    expect(
      slaStatus({
        properties: { notes_last_contacted: String(dueAt + 1) },
        qualifiedAt,
        dueAt,
        now: dueAt + DAY,
      }),
    ).toBe('breached');
  });

  it('ignores unreadable touch dates', () => {
    expect(salesTouchAfter({ notes_last_contacted: 'yesterday' }, 0)).toBeNull();
  });
});

describe('shouldRecycle', () => {
  const qualifiedAt = Date.UTC(2026, 10, 1);
  const sla = { progressDays: 30, timezone: 'Asia/Tokyo' };

  it('recycles a lead with no progress once progressDays have passed, not before', () => {
    expect(
      shouldRecycle({
        properties: { lifecyclestage: 'marketingqualifiedlead' },
        qualifiedAt,
        now: qualifiedAt + 30 * DAY,
        sla,
      }),
    ).toBe(false);
    expect(
      shouldRecycle({
        properties: { lifecyclestage: 'lead' },
        qualifiedAt,
        now: qualifiedAt + 30 * DAY + 1,
        sla,
      }),
    ).toBe(true);
  });

  it('keeps a lead that reached SQL or opportunity, or has a deal', () => {
    const late = qualifiedAt + 60 * DAY;
    expect(
      shouldRecycle({ properties: { lifecyclestage: 'opportunity' }, qualifiedAt, now: late, sla }),
    ).toBe(false);
    expect(
      shouldRecycle({
        properties: { lifecyclestage: 'lead', num_associated_deals: '1' },
        qualifiedAt,
        now: late,
        sla,
      }),
    ).toBe(false);
    expect(hasProgressed({ lifecyclestage: 'salesqualifiedlead' })).toBe(true);
    expect(hasProgressed({ num_associated_deals: '0' })).toBe(false);
  });

  it('measures progressDays in local calendar days across a DST change', () => {
    const start = at('2026-10-20T12:00', 'America/New_York');
    expect(local(progressDeadline(start, 30, 'America/New_York'), 'America/New_York')).toBe(
      '2026-11-19T12:00:00.000',
    );
  });
});

describe('assessSla (the rules the sweep and the recycling preview share)', () => {
  const sla = {
    firstTouchBusinessDays: 2,
    progressDays: 30,
    timezone: 'Asia/Tokyo',
    holidays: ['2026-11-23'],
  };
  const qualifiedAt = at('2026-11-20T10:00', 'Asia/Tokyo');
  const now = at('2026-12-21T00:00', 'Asia/Tokyo');

  it('gives the deadline past the weekend and holiday, the status, the touch and the recycle cause', () => {
    const touch = at('2026-11-25T15:00', 'Asia/Tokyo');
    const assessment = assessSla({
      properties: { notes_last_contacted: String(touch) },
      qualifiedAt,
      previous: null,
      sla,
      now,
    });
    expect(local(assessment.dueAt, 'Asia/Tokyo')).toBe('2026-11-25T23:59:59.999');
    expect(assessment).toMatchObject({ status: 'met', touchAt: touch, recycle: 'sla_no_progress' });
  });

  it('is recycled for no touch without one, keeps a recorded met status, and keeps a lead that progressed', () => {
    const base = { qualifiedAt, sla, now };
    expect(assessSla({ ...base, properties: {}, previous: 'on_track' })).toMatchObject({
      status: 'breached',
      touchAt: null,
      recycle: 'sla_no_touch',
    });
    expect(assessSla({ ...base, properties: {}, previous: 'met' })).toMatchObject({
      status: 'met',
      recycle: 'sla_no_progress',
    });
    expect(
      assessSla({ ...base, properties: { lifecyclestage: 'salesqualifiedlead' }, previous: null }),
    ).toMatchObject({ status: 'breached', recycle: null });
  });

  it("counts a rep moving the contact's Lead on as a touch, the earlier of it and an activity first; a Lead worked before the handoff does not count", () => {
    const base = { qualifiedAt, sla, now, previous: null };
    const worked = at('2026-11-24T09:00', 'Asia/Tokyo');
    expect(assessSla({ ...base, properties: {}, leadWorkedAt: worked })).toMatchObject({
      status: 'met',
      touchAt: worked,
      recycle: 'sla_no_progress',
    });
    const call = at('2026-11-26T09:00', 'Asia/Tokyo');
    expect(
      assessSla({ ...base, properties: { notes_last_contacted: String(call) }, leadWorkedAt: worked }),
    ).toMatchObject({ status: 'met', touchAt: worked });
    expect(assessSla({ ...base, properties: {}, leadWorkedAt: qualifiedAt - DAY })).toMatchObject({
      status: 'breached',
      touchAt: null,
      recycle: 'sla_no_touch',
    });
  });
});
