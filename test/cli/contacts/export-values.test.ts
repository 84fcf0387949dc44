import { exportValueReader } from '../../../src/cli/contacts/export-values';
import { parseDate } from '../../../src/domain/values/parse-date';

describe('export values in a time zone', () => {
  it("gives an offset-less export date the zone's offset at that moment, daylight saving included", () => {
    const tokyo = exportValueReader({ zone: 'Asia/Tokyo' });
    expect(tokyo('recent_conversion_date', '2026-11-20 09:00')).toBe('2026-11-20T09:00+09:00');
    expect(tokyo('recent_conversion_date', ' 2026-11-20 09:00:30 ')).toBe('2026-11-20T09:00:30+09:00');
    const newYork = exportValueReader({ zone: 'America/New_York' });
    // Clocks go forward at 02:00 on 8 March 2026 and back at 02:00 on 1 November 2026.
    expect(newYork('d', '2026-03-08 01:30')).toBe('2026-03-08T01:30-05:00');
    expect(newYork('d', '2026-03-08 03:30')).toBe('2026-03-08T03:30-04:00');
    expect(newYork('d', '2026-11-01 03:00')).toBe('2026-11-01T03:00-05:00');
    expect(exportValueReader({ zone: 'UTC' })('d', '2026-11-20 09:00')).toBe('2026-11-20T09:00Z');
    expect(exportValueReader({ zone: 'Asia/Kolkata' })('d', '2026-11-20 09:00')).toBe(
      '2026-11-20T09:00+05:30',
    );
  });

  it('gives the engine the same moment as the export with an offset', () => {
    const read = exportValueReader({ zone: 'Asia/Tokyo' });
    expect(parseDate(read('d', '2026-11-20 09:00'))).toBe(Date.parse('2026-11-20T00:00:00Z'));
  });

  it('leaves dates with an offset, calendar days and other text as they are', () => {
    const read = exportValueReader({ zone: 'Asia/Tokyo' });
    for (const value of ['2026-11-20T09:00:00Z', '2026-11-20', '1767225600000', 'not a date'])
      expect(read('d', value)).toBe(value);
  });

  it('maps option labels through the portal table first, else the lifecycle and industry rules', () => {
    const optionLabels = new Map([['lifecyclestage', new Map([['顧客', 'customer']])]]);
    const withPortal = exportValueReader({ zone: 'UTC', optionLabels });
    expect(withPortal('lifecyclestage', '顧客')).toBe('customer');
    const builtIn = exportValueReader({ zone: 'UTC' });
    expect(builtIn('lifecyclestage', 'Marketing Qualified Lead')).toBe('marketingqualifiedlead');
    expect(builtIn('company.industry', 'Computer Software')).toBe('COMPUTER_SOFTWARE');
  });
});
