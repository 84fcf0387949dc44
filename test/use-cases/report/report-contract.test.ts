import type { z } from 'zod';
import { monthlyReportSchema } from '../../../src/contracts/report';
import { buildMonthlyReport } from '../../../src/domain/report/build-monthly-report';
import type { MonthlyReport } from '../../../src/domain/report/monthly-report';
import { emptyInput } from '../../domain/report/report-fixture';
import { seeded } from '../../domain/report/seeded-november';

// Compile-time: every report the domain builds is a valid API answer.
const _fits: (report: MonthlyReport) => z.input<typeof monthlyReportSchema> = (report) => report;

describe('the report contract', () => {
  it('accepts a full seeded report exactly as built (nothing stripped)', () => {
    const report = JSON.parse(JSON.stringify(buildMonthlyReport(seeded))) as unknown;
    expect(monthlyReportSchema.parse(report)).toEqual(report);
  });

  it('accepts an empty month with no agreement', () => {
    const report = buildMonthlyReport(
      emptyInput({ agreement: null, capacity: null, nextMonthCapacity: null }),
    );
    expect(monthlyReportSchema.safeParse(report).success).toBe(true);
  });

  it('rejects a report whose rate lost its counts', () => {
    const report = buildMonthlyReport(seeded);
    const broken = {
      ...report,
      conversion: { ...report.conversion, overall: { rate: 0.5, low: 0, high: 1 } },
    };
    expect(monthlyReportSchema.safeParse(broken).success).toBe(false);
    expect(_fits).toBeInstanceOf(Function);
  });
});
