import { useCallback, useEffect, useState } from 'react';
import { useExtensionContext } from '@hubspot/ui-extensions';
import { cardResponseSchema, type CardResponse } from '@lead-pact/contracts';
import { asBackendError, backendUrlFrom, type BackendError } from '../../shared/backendClient';
import { fetchBackend } from '../utils/fetchBackend';

/** Everything the card can be showing, before any component decides how. */
export type CardDataState =
  | { status: 'loading' }
  | { status: 'not_configured' }
  | { status: 'error'; error: BackendError }
  | { status: 'success'; data: CardResponse };

/** Loads `GET /api/card` for the open contact; `reload` fetches again, `show` swaps in an answer already in hand. */
export function useCardData(): {
  state: CardDataState;
  baseUrl: string | null;
  objectId: string;
  reload: () => void;
  show: (data: CardResponse) => void;
} {
  const context = useExtensionContext<'crm.record.sidebar'>();
  const baseUrl = backendUrlFrom(context.variables);
  const objectId = String(context.crm.objectId);
  const [state, setState] = useState<CardDataState>(
    baseUrl ? { status: 'loading' } : { status: 'not_configured' },
  );
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!baseUrl) return;
    let current = true;
    setState({ status: 'loading' });
    fetchBackend(
      baseUrl,
      { path: `/api/card?objectId=${encodeURIComponent(objectId)}` },
      cardResponseSchema,
    ).then(
      (data) => current && setState({ status: 'success', data }),
      (error: unknown) => current && setState({ status: 'error', error: asBackendError(error) }),
    );
    return () => {
      current = false;
    };
  }, [baseUrl, objectId, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const show = useCallback((data: CardResponse) => setState({ status: 'success', data }), []);
  return { state, baseUrl, objectId, reload, show };
}
