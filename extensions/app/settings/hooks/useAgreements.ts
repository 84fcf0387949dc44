import { useCallback, useEffect, useState } from 'react';
import { useExtensionActions } from '@hubspot/ui-extensions';
import {
  agreementsResponseSchema,
  type AgreementDocument,
  type AgreementsResponse,
  type ErrorDetail,
  type Side,
} from '@lead-pact/contracts';
import { asBackendError, type BackendError, type BackendRequest } from '../../shared/backendClient';
import { useSettingsMessages } from '../i18n/useSettingsMessages';
import { withRequestId } from '../../shared/requestId';
import { fetchBackend } from '../utils/fetchBackend';

/** A value being loaded from the backend. */
export type Loadable<T> =
  { status: 'loading' } | { status: 'error'; error: BackendError } | { status: 'success'; data: T };

/** The agreement versions of the portal and the lifecycle actions; a 400 keeps its field errors for the editor. */
export function useAgreements(baseUrl: string) {
  const actions = useExtensionActions<'settings'>();
  const { t } = useSettingsMessages();
  const [state, setState] = useState<Loadable<AgreementsResponse>>({ status: 'loading' });
  const [fieldErrors, setFieldErrors] = useState<ErrorDetail[]>([]);
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    fetchBackend(baseUrl, { path: '/api/agreements' }, agreementsResponseSchema).then(
      (data) => current && setState({ status: 'success', data }),
      (error: unknown) => current && setState({ status: 'error', error: asBackendError(error) }),
    );
    return () => {
      current = false;
    };
  }, [baseUrl, generation]);

  const write = useCallback(
    async (request: BackendRequest, done: string, failed: string): Promise<boolean> => {
      setBusy(true);
      try {
        // A fresh id per action: hubspot.fetch's own retry repeats it, and the backend applies it once.
        const data = await fetchBackend(baseUrl, withRequestId(request), agreementsResponseSchema);
        setState({ status: 'success', data });
        setFieldErrors([]);
        actions.addAlert({ type: 'success', message: done });
        return true;
      } catch (thrown) {
        const error = asBackendError(thrown);
        setFieldErrors(error.kind === 'invalid_input' ? error.details : []);
        actions.addAlert({ type: 'danger', title: failed, message: error.message });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [actions, baseUrl],
  );

  const acting = (actingAs: Side | undefined) => (actingAs ? { actingAs } : {});
  return {
    state,
    busy,
    fieldErrors,
    reload: useCallback(() => setGeneration((n) => n + 1), []),
    saveDraft: (agreement: AgreementDocument, version?: number) =>
      write(
        {
          path: '/api/agreements/draft',
          method: 'PUT',
          body: { agreement, ...(version ? { version } : {}) },
        },
        t.saved,
        t.saveFailed,
      ),
    propose: (version: number, rationale: string, actingAs?: Side) =>
      write(
        {
          path: '/api/agreements/propose',
          method: 'POST',
          body: { version, rationale, ...acting(actingAs) },
        },
        t.proposed,
        t.actionFailed,
      ),
    approve: (version: number, actingAs?: Side) =>
      write(
        { path: '/api/agreements/approve', method: 'POST', body: { version, ...acting(actingAs) } },
        t.approved,
        t.actionFailed,
      ),
    sendBack: (version: number, comment: string, actingAs?: Side) =>
      write(
        {
          path: '/api/agreements/send-back',
          method: 'POST',
          body: { version, comment, ...acting(actingAs) },
        },
        t.sentBack,
        t.actionFailed,
      ),
  };
}

export type AgreementsApi = ReturnType<typeof useAgreements>;
