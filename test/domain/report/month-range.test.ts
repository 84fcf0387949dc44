import { monthRange } from '../../../src/domain/report/month-range';
import { shiftMonth } from '../../../src/domain/report/shift-month';

describe('monthRange', () => {
  it('starts and ends a Tokyo month at local midnight, nine hours before UTC midnight', () => {
    expect(monthRange('2026-11', 'Asia/Tokyo')).toEqual({
      start: Date.parse('2026-10-31T15:00:00Z'),
      end: Date.parse('2026-11-30T15:00:00Z'),
    });
  });

  it('puts 23:30 on the last day of the month in Tokyo inside that month', () => {
    const { start, end } = monthRange('2026-11', 'Asia/Tokyo');
    const lastEvening = Date.parse('2026-11-30T23:30:00+09:00');
    expect(lastEvening >= start && lastEvening < end).toBe(true);
    expect(Date.parse('2026-12-01T00:30:00+09:00')).toBeGreaterThanOrEqual(end);
  });

  it('follows daylight saving time where the zone has it', () => {
    const { start, end } = monthRange('2026-03', 'Europe/Paris');
    expect(new Date(start).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(new Date(end).toISOString()).toBe('2026-03-31T22:00:00.000Z');
  });

  it('rejects a malformed month or an unknown zone', () => {
    expect(() => monthRange('2026-13', 'Asia/Tokyo')).toThrow('YYYY-MM');
    expect(() => monthRange('2026-11', 'Mars/Olympus')).toThrow('time zone');
  });
});

describe('shiftMonth', () => {
  it('moves across year boundaries both ways', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-11', 2)).toBe('2027-01');
    expect(shiftMonth('2026-11', -5)).toBe('2026-06');
  });
});
