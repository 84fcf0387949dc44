import { useCallback, useState } from 'react';
import { agreementsResponseSchema, type AgreementsResponse, type VersionSummary } from '@lead-pact/contracts';
import { fetchBackend } from '../utils/fetchBackend';

type FirstPage = Pick<AgreementsResponse, 'history' | 'historyCursor'>;
interface Pages {
  /** The agreements answer these older pages follow; a new answer (after a save or reload) starts over. */
  first: FirstPage;
  older: VersionSummary[];
  cursor: string | undefined;
  status: 'idle' | 'loading' | 'error';
}

const start = (first: FirstPage): Pages => ({
  first,
  older: [],
  cursor: first.historyCursor,
  status: 'idle',
});

/**
 * The history the agreements answer carried (its newest page) plus the older pages asked for with "show older"
 * (`GET /api/agreements?cursor=`): every version shown so far, whether older ones remain, loading or error.
 */
export function useOlderHistory(baseUrl: string, first: FirstPage) {
  const [state, setState] = useState<Pages>(() => start(first));
  const pages = state.first === first ? state : start(first);
  const showOlder = useCallback(async () => {
    if (pages.cursor === undefined || pages.status === 'loading') return;
    setState({ ...pages, status: 'loading' });
    try {
      const path = `/api/agreements?cursor=${encodeURIComponent(pages.cursor)}`;
      const next = await fetchBackend(baseUrl, { path }, agreementsResponseSchema);
      setState({
        ...pages,
        older: [...pages.older, ...next.history],
        cursor: next.historyCursor,
        status: 'idle',
      });
    } catch {
      setState({ ...pages, status: 'error' });
    }
  }, [baseUrl, pages]);
  return {
    history: [...first.history, ...pages.older],
    hasOlder: pages.cursor !== undefined,
    status: pages.status,
    showOlder,
  };
}
