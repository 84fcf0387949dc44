import { useCallback, useState } from 'react';
import { simulateResponseSchema, type AgreementDocument, type SimulateResponse } from '@lead-pact/contracts';
import { asBackendError, type BackendError } from '../../shared/backendClient';
import { fetchBackend } from '../utils/fetchBackend';

type SimulationState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'error'; error: BackendError }
  | { status: 'success'; data: SimulateResponse };

/** Runs the draft against the portal's stored contacts (`POST /api/simulate`). */
export function useSimulation(baseUrl: string) {
  const [state, setState] = useState<SimulationState>({ status: 'idle' });
  const run = useCallback(
    async (agreement: AgreementDocument) => {
      setState({ status: 'running' });
      try {
        const data = await fetchBackend(
          baseUrl,
          { path: '/api/simulate', method: 'POST', body: { agreement } },
          simulateResponseSchema,
        );
        setState({ status: 'success', data });
      } catch (error) {
        setState({ status: 'error', error: asBackendError(error) });
      }
    },
    [baseUrl],
  );
  return { state, run };
}
