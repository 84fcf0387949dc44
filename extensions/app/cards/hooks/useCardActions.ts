import { useCallback, useState } from 'react';
import { useExtensionActions } from '@hubspot/ui-extensions';
import {
  scoreNowResponseSchema,
  verdictRequestSchema,
  verdictResponseSchema,
  type CardResponse,
  type RejectReason,
} from '@lead-pact/contracts';
import { fetchBackend } from '../utils/fetchBackend';
import { useCardMessages } from '../i18n/useCardMessages';
import { asBackendError } from '../../shared/backendClient';
import { withRequestId } from '../../shared/requestId';

export type VerdictInput =
  { verdict: 'accepted' } | { verdict: 'rejected'; reason: RejectReason; note?: string };

/** Accept / reject and "score now": save through the backend, tell the user, refresh the record and the card. */
export function useCardActions(options: {
  baseUrl: string;
  objectId: string;
  reload: () => void;
  show: (data: CardResponse) => void;
}): { busy: boolean; submitVerdict: (input: VerdictInput) => Promise<void>; scoreNow: () => Promise<void> } {
  const { baseUrl, objectId, reload, show } = options;
  const actions = useExtensionActions<'crm.record.sidebar'>();
  const { t } = useCardMessages();
  const [busy, setBusy] = useState(false);

  const submitVerdict = useCallback(
    async (input: VerdictInput) => {
      setBusy(true);
      const { note, ...rest } = { note: undefined, ...input };
      const body = note?.trim() ? { objectId, ...rest, note: note.trim() } : { objectId, ...rest };
      try {
        verdictRequestSchema.parse(body); // the same contract the server parses with
        // A fresh id per click: hubspot.fetch's own retry repeats it, and the backend records the verdict once.
        await fetchBackend(
          baseUrl,
          withRequestId({ path: '/api/card/verdict', method: 'POST', body }),
          verdictResponseSchema,
        );
        actions.addAlert({
          type: 'success',
          message: input.verdict === 'accepted' ? t.acceptedAlert : t.rejectedAlert,
        });
        actions.refreshObjectProperties(); // lead_pact_verdict, lead_pact_reject_reason, lead_pact_tier changed
        reload();
      } catch (error) {
        actions.addAlert({ type: 'danger', title: t.verdictFailed, message: asBackendError(error).message });
      } finally {
        setBusy(false);
      }
    },
    [actions, baseUrl, objectId, reload, t],
  );

  const scoreNow = useCallback(async () => {
    setBusy(true);
    try {
      show(
        await fetchBackend(
          baseUrl,
          withRequestId({ path: '/api/card/score-now', method: 'POST', body: { objectId } }),
          scoreNowResponseSchema,
        ),
      );
      actions.refreshObjectProperties();
    } catch (error) {
      actions.addAlert({ type: 'danger', title: t.scoreFailed, message: asBackendError(error).message });
    } finally {
      setBusy(false);
    }
  }, [actions, baseUrl, objectId, show, t]);

  return { busy, submitVerdict, scoreNow };
}
