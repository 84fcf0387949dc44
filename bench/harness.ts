/** One line of the benchmark table. */
export interface BenchRow {
  name: string;
  measured: number;
  unit: string;
  /** The budget `measured` must meet (DESIGN.md section 8); absent: informational. */
  budget?: { atLeast?: number; atMost?: number };
  /** A figure measured in the same run to compare against (another library, or the same bench at a smaller size). */
  peer?: { name: string; measured: number };
  /** Budget on measured / peer.measured. */
  ratioBudget?: { atLeast?: number; atMost?: number };
  note?: string;
}

/** A registered bench: a name and a lazy loader of a module exporting `run(): Promise<BenchRow[]>`. */
export interface BenchModule {
  name: string;
  load: () => Promise<{ run: () => Promise<BenchRow[]> }>;
}

type Bound = { atLeast?: number; atMost?: number } | undefined;

const meets = (value: number, bound: Bound) =>
  !bound ||
  ((bound.atLeast === undefined || value >= bound.atLeast) &&
    (bound.atMost === undefined || value <= bound.atMost));

const describeBound = (bound: Bound, suffix = '') => {
  if (!bound) return '';
  const parts = [];
  if (bound.atLeast !== undefined) parts.push(`>= ${formatNumber(bound.atLeast)}${suffix}`);
  if (bound.atMost !== undefined) parts.push(`<= ${formatNumber(bound.atMost)}${suffix}`);
  return parts.join(' and ');
};

/** Whether a row meets its budgets: 'pass', 'FAIL', or 'info' when it has none. */
export function verdict(row: BenchRow): 'pass' | 'FAIL' | 'info' {
  if (!row.budget && !row.ratioBudget) return 'info';
  const ratio = row.peer ? row.measured / row.peer.measured : undefined;
  const ok = meets(row.measured, row.budget) && (ratio === undefined || meets(ratio, row.ratioBudget));
  return ok ? 'pass' : 'FAIL';
}

/** 1234567.8 -> "1,234,568"; small numbers keep up to two decimals. */
export function formatNumber(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** The one table `npm run bench` prints (Markdown, so it pastes into the README as is). */
export function formatTable(rows: BenchRow[]): string {
  const header = ['bench', 'measured', 'unit', 'budget', 'peer', 'ratio', 'result'];
  const body = rows.map((row) => {
    const ratio = row.peer ? row.measured / row.peer.measured : undefined;
    const budget = [describeBound(row.budget), describeBound(row.ratioBudget, 'x peer')]
      .filter(Boolean)
      .join('; ');
    return [
      row.note ? `${row.name} (${row.note})` : row.name,
      formatNumber(row.measured),
      row.unit,
      budget || '—',
      row.peer ? `${row.peer.name}: ${formatNumber(row.peer.measured)}` : '—',
      ratio === undefined ? '—' : `${ratio.toFixed(ratio >= 100 ? 0 : ratio >= 10 ? 1 : 2)}x`,
      verdict(row),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** Runs the benches in order (all, or those whose name contains one of `only`); a bench that throws becomes a FAIL row. */
export async function runBenches(benches: BenchModule[], only: string[] = []): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const bench of benches) {
    if (only.length > 0 && !only.some((word) => bench.name.includes(word))) continue;
    process.stderr.write(`bench ${bench.name}...\n`);
    try {
      rows.push(...(await (await bench.load()).run()));
    } catch (error) {
      process.stderr.write(`bench ${bench.name} failed: ${(error as Error).stack ?? String(error)}\n`);
      rows.push({ name: `${bench.name} (crashed)`, measured: Number.NaN, unit: '-', budget: { atLeast: 0 } });
    }
  }
  return rows;
}
