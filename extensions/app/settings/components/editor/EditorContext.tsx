import { createContext, useContext, type ReactNode } from 'react';
import type { AgreementDocument, PropertiesResponse } from '@lead-pact/contracts';
import { formatPath, getIn, type DocPath } from '../../utils/agreementPaths';

/** What every editor field needs: the document, a way to change it, and the server's error for its path. */
export interface EditorApi {
  doc: AgreementDocument;
  update: (path: DocPath, value: unknown) => void;
  errors: Map<string, string[]>;
  properties: PropertiesResponse | null;
}

const EditorContext = createContext<EditorApi | null>(null);

/** Provides the editor state to the field components below it. */
export function EditorProvider({ value, children }: { value: EditorApi; children: ReactNode }) {
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}

/** The editor state plus `at(path)`: the value there and the props that show its server validation error. */
export function useEditor() {
  const api = useContext(EditorContext);
  if (!api) throw new Error('useEditor outside EditorProvider');
  return {
    ...api,
    valueAt: (path: DocPath) => getIn(api.doc, path),
    /** `error` and `validationMessage` props for the field at `path` (HubSpot inputs show them under the field). */
    errorProps: (path: DocPath) => {
      const messages = api.errors.get(formatPath(path));
      return messages ? { error: true, validationMessage: messages.join('; ') } : {};
    },
  };
}
