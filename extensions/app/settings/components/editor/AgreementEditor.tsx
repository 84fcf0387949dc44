import { Accordion, Alert, Button, Flex, Input, List, Text } from '@hubspot/ui-extensions';
import type { ErrorDetail } from '@lead-pact/contracts';
import { useSettingsMessages } from '../../i18n/useSettingsMessages';
import { useEditor } from './EditorContext';
import { CapacityEditor, RoutingEditor, SlaEditor } from './HandoffEditors';
import { LeadHandoffEditor } from './LeadHandoffEditor';
import { leadHandoffMessages } from '../../i18n/leadHandoffMessages';
import { RouteCapacityEditor } from './RouteCapacityEditor';
import { routeCapacityMessages } from '../../i18n/routeCapacityMessages';
import { RuleListEditor } from './RuleListEditor';
import { SalesReadyGrid } from './SalesReadyGrid';
import { ThresholdsEditor } from './ThresholdsEditor';

/** The whole agreement, section by section, with the server's problems listed on top and shown at their fields. */
export function AgreementEditor(props: {
  fieldErrors: readonly ErrorDetail[];
  busy: boolean;
  onSave: () => void;
}) {
  const { t, locale } = useSettingsMessages();
  const { valueAt, update, errorProps, properties } = useEditor();
  return (
    <Flex direction="column" gap="md" testId="agreement-editor">
      {properties?.source === 'stored_contacts' ? (
        <Alert title={t.propertiesFallbackTitle} variant="warning" testId="properties-fallback">
          {t.propertiesFallbackBody}
        </Alert>
      ) : null}
      {props.fieldErrors.length > 0 ? (
        <Alert title={t.problems(props.fieldErrors.length)} variant="danger" testId="editor-problems">
          <List>
            {props.fieldErrors.map((detail) => (
              <Text key={`${detail.path}-${detail.message}`}>{`${detail.path}: ${detail.message}`}</Text>
            ))}
          </List>
        </Alert>
      ) : null}
      <Input
        label={t.name}
        name="name"
        value={(valueAt(['name']) as string) ?? ''}
        onChange={(v) => update(['name'], v)}
        {...errorProps(['name'])}
        testId="name"
      />
      <Accordion title={t.fitTitle} defaultOpen>
        <RuleListEditor kind="fit" />
      </Accordion>
      <Accordion title={t.signalsTitle}>
        <RuleListEditor kind="signal" />
      </Accordion>
      <Accordion title={t.disqualifyTitle}>
        <RuleListEditor kind="disqualify" />
      </Accordion>
      <Accordion title={t.thresholdsTitle}>
        <ThresholdsEditor />
      </Accordion>
      <Accordion title={t.salesReadyTitle} defaultOpen>
        <SalesReadyGrid />
      </Accordion>
      <Accordion title={t.routingTitle}>
        <RoutingEditor />
      </Accordion>
      <Accordion title={leadHandoffMessages(locale).title}>
        <LeadHandoffEditor />
      </Accordion>
      <Accordion title={t.slaTitle}>
        <SlaEditor />
      </Accordion>
      <Accordion title={t.capacityTitle}>
        <CapacityEditor />
      </Accordion>
      <Accordion title={routeCapacityMessages(locale).editorTitle}>
        <RouteCapacityEditor />
      </Accordion>
      <Button variant="primary" disabled={props.busy} onClick={props.onSave} testId="save-draft">
        {t.saveDraft}
      </Button>
    </Flex>
  );
}
