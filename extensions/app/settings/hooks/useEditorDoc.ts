import { useCallback, useState } from 'react';
import type { AgreementDocument } from '@lead-pact/contracts';
import { setIn, type DocPath } from '../utils/agreementPaths';

/** The editor's working copy of the agreement; it starts over whenever `resetKey` (the server version) changes. */
export function useEditorDoc(initial: AgreementDocument, resetKey: string) {
  const [state, setState] = useState({ key: resetKey, doc: initial });
  // Reset during render (not in an effect), so an edit made right after mount is never overwritten.
  const current = state.key === resetKey ? state : { key: resetKey, doc: initial };
  if (current !== state) setState(current);
  const update = useCallback(
    (path: DocPath, value: unknown) =>
      setState((previous) => ({ key: previous.key, doc: setIn(previous.doc, path, value) })),
    [],
  );
  return { doc: current.doc, update };
}
