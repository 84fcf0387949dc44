import { useEffect, useState } from 'react';

/** The current time in epoch ms, refreshed every `everyMs` so countdowns move. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    // In Node (tests) the timer must not keep the process alive; HubSpot's worker returns a plain number.
    (timer as { unref?: () => void }).unref?.();
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
