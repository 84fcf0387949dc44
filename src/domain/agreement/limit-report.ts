import { formatPath } from './format-path';
import type { AgreementProblem } from './check-agreement';

/** A path into the document, as formatPath takes it. */
export type Path = (string | number)[];

const count = (n: number) => n.toLocaleString('en-US');

/** Collects "at most N things (got M)" problems at their paths. */
export interface LimitReport {
  problems: AgreementProblem[];
  /** True when `value` is an array of at most `max` items (its items are worth checking); else reports it. */
  items(value: unknown, max: number, noun: string, path: Path): value is unknown[];
  /** Reports a string longer than `max` characters (not counting `ignorePrefix`). */
  text(value: unknown, max: number, path: Path, ignorePrefix?: string): void;
  /** Reports a number above `max`. */
  number(value: unknown, max: number, unit: string, path: Path): void;
  /** Reports a problem of its own at `path`. */
  add(path: Path, message: string): void;
}

/** A fresh report: every exceeded limit becomes one problem naming the limit and what was found. */
export function limitReport(): LimitReport {
  const problems: AgreementProblem[] = [];
  const add = (path: Path, message: string) => void problems.push({ path: formatPath(path), message });
  return {
    problems,
    add,
    items(value, max, noun, path): value is unknown[] {
      if (!Array.isArray(value)) return false;
      if (value.length <= max) return true;
      add(path, `at most ${count(max)} ${noun} (got ${count(value.length)})`);
      return false;
    },
    text(value, max, path, ignorePrefix) {
      if (typeof value !== 'string') return;
      const length =
        ignorePrefix && value.startsWith(ignorePrefix) ? value.length - ignorePrefix.length : value.length;
      if (length > max) add(path, `at most ${count(max)} characters (got ${count(length)})`);
    },
    number(value, max, unit, path) {
      if (typeof value === 'number' && value > max)
        add(path, `at most ${count(max)} ${unit} (got ${count(value)})`);
    },
  };
}
