import fc from 'fast-check';
import { parseCalendarDay, parseDate } from '../../../src/domain/values/parse-date';

describe('parseDate', () => {
  it('reads epoch milliseconds, calendar days and ISO timestamps the way HubSpot sends them', () => {
    expect(parseDate('1795132800000')).toBe(Date.UTC(2026, 10, 20));
    expect(parseDate('1000000000')).toBe(1_000_000_000);
    expect(parseDate('2026-11-20')).toBe(Date.UTC(2026, 10, 20));
    expect(parseDate('2026-11-20T09:30:00.250Z')).toBe(Date.UTC(2026, 10, 20, 9, 30, 0, 250));
    expect(parseDate('2026-11-20T09:30:00+09:00')).toBe(Date.UTC(2026, 10, 20, 0, 30));
    expect(parseDate(' 2026-11-20 ')).toBe(Date.UTC(2026, 10, 20));
  });

  it('reads a timestamp without an offset as UTC, whatever the machine zone', () => {
    expect(parseDate('2026-11-20T09:30')).toBe(Date.UTC(2026, 10, 20, 9, 30));
  });

  it('returns NaN for things that are not dates', () => {
    for (const odd of [
      '',
      'soon',
      '2026-02-29',
      '2026-13-01',
      '2026-11-20T25:00Z',
      '-5',
      '1e12',
      '2026-11-20Tnoon',
    ]) {
      expect(parseDate(odd)).toBeNaN();
    }
  });

  it('round-trips every instant through its ISO string and its epoch string', () => {
    const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) });
    fc.assert(
      fc.property(instant, (ms) => {
        expect(parseDate(new Date(ms).toISOString())).toBe(ms);
        if (ms >= 0) expect(parseDate(String(ms))).toBe(ms);
      }),
    );
  });

  it('never throws and returns NaN or a finite number on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        (text) => Number.isNaN(parseDate(text)) || Number.isFinite(parseDate(text)),
      ),
    );
  });
});

describe('parseCalendarDay', () => {
  it('accepts real days only, leap years included', () => {
    expect(parseCalendarDay('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
    expect(parseCalendarDay('2100-02-29')).toBeNaN();
    expect(parseCalendarDay('2026-04-31')).toBeNaN();
  });

  it('agrees with Date.UTC on every day from 1600 to 2400', () => {
    const day = fc.integer({
      min: Date.UTC(1600, 0, 1) / 86_400_000,
      max: Date.UTC(2400, 0, 1) / 86_400_000,
    });
    fc.assert(
      fc.property(
        day,
        (d) => parseCalendarDay(new Date(d * 86_400_000).toISOString().slice(0, 10)) === d * 86_400_000,
      ),
    );
  });
});
