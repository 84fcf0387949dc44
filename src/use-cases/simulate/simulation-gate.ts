import { AppError } from '../../domain/app-error';

/** Admits at most `max` simulations at once; the next one is told to come back (429), not queued behind them. */
export function simulationGate(max: number) {
  let running = 0;
  return {
    /** Runs `work` if a place is free, else throws `rate_limited`. */
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running >= max) {
        throw new AppError(
          'rate_limited',
          `${max} simulations are already running on this server; try again in a few seconds.`,
        );
      }
      running++;
      try {
        return await work();
      } finally {
        running--;
      }
    },
  };
}

export type SimulationGate = ReturnType<typeof simulationGate>;
