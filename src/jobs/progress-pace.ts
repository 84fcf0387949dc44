/** Where a run's pace is measured from: its first progress report (work a resumed job did before does not count). */
export interface PaceStart {
  at: number;
  done: number;
}

/** A progress report as the runner stores it: the handler's own fields, plus when this run started and its pace start. */
export type PacedProgress = Record<string, unknown> & { runStartedAt: number; paceFrom?: PaceStart };

/**
 * Stamps a job run's progress reports so "time left" can be estimated from this run's own pace: each report
 * carries the run's start and its first report (`paceFrom`), since the job row's timestamps move with every
 * heartbeat. Reports that are not objects pass unchanged; `done` is read when it is a number.
 */
export function pacedProgress(runStartedAt: number): (value: unknown, now: number) => unknown {
  let first: PaceStart | undefined;
  return (value, now) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const done = (value as { done?: unknown }).done;
    if (typeof done === 'number') first ??= { at: now, done };
    const paced: PacedProgress = { ...(value as Record<string, unknown>), runStartedAt };
    if (first) paced.paceFrom = first;
    return paced;
  };
}

/** Seconds left at the pace measured since `paceFrom`, or null until that pace is known. */
export function secondsLeftAtPace(
  progress: { done: number; total: number | null; paceFrom?: PaceStart },
  now: number,
): number | null {
  const { done, total, paceFrom } = progress;
  if (total === null || !paceFrom || done <= paceFrom.done || now <= paceFrom.at) return null;
  const secondsPerItem = (now - paceFrom.at) / 1000 / (done - paceFrom.done);
  return Math.round(secondsPerItem * Math.max(0, total - done));
}

const count = new Intl.NumberFormat('en-US');

/** How long a wait reads in a log line: "45s", "3m", "2h 5m". */
function duration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes}m` : `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** A progress line a person reads in the log: "import 3,400 / 12,000 contacts, 1m left". */
export function progressLine(
  what: string,
  progress: { done: number; total: number | null },
  secondsLeft: number | null,
): string {
  const of = progress.total === null ? '' : ` / ${count.format(progress.total)}`;
  const left = secondsLeft === null ? '' : `, ${duration(secondsLeft)} left`;
  return `${what} ${count.format(progress.done)}${of} contacts${left}`;
}
