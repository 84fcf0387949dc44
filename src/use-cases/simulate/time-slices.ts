import { setImmediate as nextTurn } from 'node:timers/promises';

/** Long work cut into slices of `sliceMs`, each followed by a turn of the event loop for whatever waits meanwhile. */
export interface TimeSlices {
  /** Call between units of work: resolves at once inside a slice, after one event-loop turn at its end. */
  tick(): Promise<void> | undefined;
  /** Milliseconds since the work began. */
  elapsedMs(): number;
}

/** Slices measured on a monotonic clock (`performance.now`, not the app's clock, which tests pin). */
export function timeSlices(sliceMs: number, now: () => number = () => performance.now()): TimeSlices {
  const started = now();
  let sliceStart = started;
  return {
    tick() {
      if (now() - sliceStart < sliceMs) return undefined;
      return nextTurn().then(() => void (sliceStart = now()));
    },
    elapsedMs: () => now() - started,
  };
}
