import { Flex, Text, Toggle } from '@hubspot/ui-extensions';
import { FIT_GRADE_VALUES, INTENT_LEVEL_VALUES } from '@lead-pact/contracts';
import { useSettingsMessages } from '../../i18n/useSettingsMessages';
import { useEditor } from './EditorContext';

/** The 4x4 grid A1..D4 a marketer ticks to say which grades go to sales (`handoff.salesReady`). */
export function SalesReadyGrid() {
  const { t } = useSettingsMessages();
  const { valueAt, update, errorProps } = useEditor();
  const selected = (valueAt(['handoff', 'salesReady']) as string[] | undefined) ?? [];
  const error = errorProps(['handoff', 'salesReady']);
  const toggle = (grade: string, on: boolean) => {
    const next = on ? [...selected, grade] : selected.filter((g) => g !== grade);
    // Keep the grid's order (A1, A2, ... D4) so diffs stay readable.
    const order = FIT_GRADE_VALUES.flatMap((fit) => INTENT_LEVEL_VALUES.map((level) => `${fit}${level}`));
    update(
      ['handoff', 'salesReady'],
      order.filter((g) => next.includes(g)),
    );
  };
  return (
    <Flex direction="column" gap="xs" testId="sales-ready-grid">
      <Text variant="microcopy">{t.salesReadyHelp}</Text>
      {FIT_GRADE_VALUES.map((fit) => (
        <Flex key={fit} direction="row" gap="sm">
          {INTENT_LEVEL_VALUES.map((level) => {
            const grade = `${fit}${level}`;
            return (
              <Toggle
                key={grade}
                label={grade}
                name={`salesReady-${grade}`}
                labelDisplay="inline"
                size="sm"
                checked={selected.includes(grade)}
                onChange={(on) => toggle(grade, on)}
                testId={`grade-${grade}`}
              />
            );
          })}
        </Flex>
      ))}
      {'validationMessage' in error ? (
        <Text testId="sales-ready-error">{error.validationMessage}</Text>
      ) : null}
    </Flex>
  );
}
