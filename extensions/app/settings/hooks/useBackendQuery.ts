import { useEffect, useState } from 'react';
import { asBackendError, type ResponseSchema } from '../../shared/backendClient';
import { fetchBackend } from '../utils/fetchBackend';
import type { Loadable } from './useAgreements';

/** GETs `path` once (and again every `pollMs` if given) and parses it with `schema`. */
export function useBackendQuery<T>(
  baseUrl: string,
  path: string,
  schema: ResponseSchema<T>,
  pollMs?: number,
) {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    const load = () =>
      fetchBackend(baseUrl, { path }, schema).then(
        (data) => current && setState({ status: 'success', data }),
        (error: unknown) => current && setState({ status: 'error', error: asBackendError(error) }),
      );
    void load();
    if (!pollMs) return () => void (current = false);
    const timer = setInterval(load, pollMs);
    (timer as { unref?: () => void }).unref?.(); // tests run in Node; HubSpot's worker returns a number
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [baseUrl, path, schema, pollMs]);
  return state;
}
