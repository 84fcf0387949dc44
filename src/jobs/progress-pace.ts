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
