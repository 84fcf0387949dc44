import { Button, ErrorState, Flex, LoadingSpinner, Tab, Tabs, Text } from '@hubspot/ui-extensions';
import { useExtensionContext } from '@hubspot/ui-extensions';
import { propertiesResponseSchema, type AgreementsResponse } from '@lead-pact/contracts';
import { useAgreements, type AgreementsApi } from '../hooks/useAgreements';
import { useBackendQuery } from '../hooks/useBackendQuery';
import { useBackendUrl } from '../hooks/useBackendUrl';
import { useEditorDoc } from '../hooks/useEditorDoc';
import { useSettingsMessages } from '../i18n/useSettingsMessages';
import { useQuizMessages } from '../i18n/useQuizMessages';
import { errorsByPath } from '../utils/agreementPaths';
import { STARTER_AGREEMENT } from '../utils/starterAgreement';
import { ApprovalPanel } from './ApprovalPanel';
import { ConnectionNotice } from './ConnectionNotice';
import { HistoryTab } from './HistoryTab';
import { JobProgress } from './JobProgress';
import { useReportMessages } from './ReportMessages';
import { QuizTab } from './quiz/QuizTab';
import { ReportTab } from './ReportTab';
import { SimulationPanel } from './SimulationPanel';
import { TeamsEditor } from './TeamsEditor';
import { AgreementEditor } from './editor/AgreementEditor';
import { EditorProvider } from './editor/EditorContext';

/** The settings page: loading / not set up / unreachable, then the agreement workspace. */
export function SettingsRoot() {
  const { t } = useSettingsMessages();
  const baseUrl = useBackendUrl();
  if (!baseUrl) {
    return (
      <ErrorState title={t.notConfiguredTitle} type="support" testId="settings-not-configured">
        <Text>{t.notConfiguredBody}</Text>
      </ErrorState>
    );
  }
  return <SettingsLoaded baseUrl={baseUrl} />;
}

function SettingsLoaded({ baseUrl }: { baseUrl: string }) {
  const { t } = useSettingsMessages();
  const api = useAgreements(baseUrl);
  if (api.state.status === 'loading')
    return <LoadingSpinner label={t.loading} showLabel testId="settings-loading" />;
  if (api.state.status === 'error') {
    return (
      <ErrorState title={t.unreachableTitle} testId="settings-unreachable">
        {/* A 4xx carries a plain message meant for the user (e.g. not connected); anything else stays generic. */}
        <Text>{api.state.error.kind === 'rejected' ? api.state.error.message : t.unreachableBody}</Text>
        <Button onClick={api.reload}>{t.retry}</Button>
      </ErrorState>
    );
  }
  return <Workspace baseUrl={baseUrl} data={api.state.data} api={api} />;
}

function Workspace({
  baseUrl,
  data,
  api,
}: {
  baseUrl: string;
  data: AgreementsResponse;
  api: AgreementsApi;
}) {
  const { t } = useSettingsMessages();
  const reportText = useReportMessages().r;
  const quizText = useQuizMessages().q;
  const timeZone = useExtensionContext<'settings'>().portal.timezone;
  const properties = useBackendQuery(baseUrl, '/api/properties', propertiesResponseSchema);
  const initial = data.open?.agreement ?? data.active?.agreement ?? STARTER_AGREEMENT;
  const resetKey = `${data.open?.version ?? '-'}:${data.open?.status ?? '-'}:${data.active?.version ?? '-'}`;
  const { doc, update } = useEditorDoc(initial, resetKey);
  const editor = {
    doc,
    update,
    errors: errorsByPath(api.fieldErrors),
    properties: properties.status === 'success' ? properties.data : null,
  };
  const draftVersion = data.open?.status === 'draft' ? data.open.version : undefined;
  return (
    <Flex direction="column" gap="md">
      <ConnectionNotice baseUrl={baseUrl} />
      <JobProgress baseUrl={baseUrl} />
      <Tabs defaultSelected="agreement">
        <Tab tabId="agreement" title={t.tabs.agreement}>
          <EditorProvider value={editor}>
            <AgreementEditor
              key={resetKey}
              fieldErrors={api.fieldErrors}
              busy={api.busy}
              onSave={() => void api.saveDraft(doc, draftVersion)}
            />
          </EditorProvider>
        </Tab>
        <Tab tabId="simulate" title={t.tabs.simulate}>
          <SimulationPanel baseUrl={baseUrl} doc={doc} />
        </Tab>
        <Tab tabId="approval" title={t.tabs.approval}>
          <ApprovalPanel key={resetKey} data={data} api={api} />
        </Tab>
        <Tab tabId="history" title={t.tabs.history}>
          <HistoryTab baseUrl={baseUrl} data={data} timeZone={timeZone} />
        </Tab>
        <Tab tabId="teams" title={t.tabs.teams}>
          <TeamsEditor baseUrl={baseUrl} onSaved={api.reload} />
        </Tab>
        <Tab tabId="report" title={reportText.tab}>
          <ReportTab baseUrl={baseUrl} />
        </Tab>
        <Tab tabId="quiz" title={quizText.tab}>
          <QuizTab baseUrl={baseUrl} onDraftChanged={api.reload} />
        </Tab>
      </Tabs>
    </Flex>
  );
}
