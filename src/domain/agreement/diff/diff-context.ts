import type { Locale } from '../../qualification';

/** What happened to the thing a diff line names. */
export const DIFF_CHANGES = ['added', 'removed', 'changed'] as const;
export type DiffChange = (typeof DIFF_CHANGES)[number];

/** One readable change between two agreement versions, keyed by rule and signal ids (never array indexes). */
export interface DiffLine {
  path: string;
  change: DiffChange;
  before?: unknown;
  after?: unknown;
  text: string;
}

/** A phrase in English and in Japanese. */
export type Pair = readonly [en: string, ja: string];

/** How a value is named and shown in a line. */
export interface Field {
  label: Pair;
  unit?: Pair;
  quote?: boolean;
}

/** The lines found so far and the language they are written in. */
export interface Ctx {
  lines: DiffLine[];
  ja: boolean;
}

export const POINTS: Pair = ['points', '点'];
export const DAYS: Pair = ['days', '日'];
export const NO_LABEL: Pair = ['', ''];

/** A fresh context for one diff in `locale`. */
export const diffContext = (locale: Locale): Ctx => ({ lines: [], ja: locale === 'ja' });

export function push(
  c: Ctx,
  path: string,
  subject: string,
  before: unknown,
  after: unknown,
  phrase: string,
): void {
  const change: DiffChange = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  const line: DiffLine = { path, change, text: `${subject}: ${phrase}` };
  if (before !== undefined) line.before = before;
  if (after !== undefined) line.after = after;
  c.lines.push(line);
}

export const say = (c: Ctx, en: string, ja: string) => (c.ja ? ja : en);
export const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
export const unionKeys = <K>(a: K[], b: K[]) => [...b, ...a.filter((k) => !b.includes(k))];

/** Deep equality that ignores object key order. */
export function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
