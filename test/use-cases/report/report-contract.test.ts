import type { z } from 'zod';
import { monthlyReportSchema } from '../../../src/contracts/report';
import { buildMonthlyReport } from '../../../src/domain/report/build-monthly-report';
import type { MonthlyReport } from '../../../src/domain/report/monthly-report';
import { emptyInput } from '../../domain/report/report-fixture';
import { seeded } from '../../domain/report/seeded-november';

// Compile-time: every report the domain builds is a valid API answer.
const _fits: (report: MonthlyReport) => z.input<typeof monthlyReportSchema> = (report) => report;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonParent = Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** The path of every field and list element of `value`, parents before their children. */
function fieldPaths(value: Json, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...path, key], ...fieldPaths(child, [...path, key])]);
}

/** A deep copy of `report` with `change` applied to the field at `path`. */
function changed(report: Json, path: Path, change: (parent: JsonParent, key: string | number) => void): Json {
  const copy = structuredClone(report);
  let parent = copy as JsonParent;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key] as JsonParent;
  change(parent, path[path.length - 1] as string | number);
  return copy;
}

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
  });

  it('When any one field of a built report, at any depth, is missing or of the wrong kind, then it is refused', () => {
    const report = JSON.parse(JSON.stringify(buildMonthlyReport(seeded))) as Json;
    const paths = fieldPaths(report);
    expect(paths.length).toBeGreaterThan(100);
    const accepted = (change: (parent: JsonParent, key: string | number) => void) =>
      paths
        .filter((path) => monthlyReportSchema.safeParse(changed(report, path, change)).success)
        .map((path) => path.join('.'));
    // An object where a value belongs, a string where an object or a list belongs.
    const wrongKind = (parent: JsonParent, key: string | number) => {
      const value = (parent as Record<string | number, Json>)[key];
      (parent as Record<string | number, Json>)[key] =
        value !== null && typeof value === 'object' ? 'wrong' : { wrong: true };
    };
    const missing = (parent: JsonParent, key: string | number) => {
      if (!Array.isArray(parent)) delete parent[key as string];
    };
    expect(accepted(wrongKind)).toEqual([]);
    expect(accepted(missing).filter((path) => !/\.\d+$/.test(path))).toEqual([]);
  });
});
