import { Flex, NumberInput } from '@hubspot/ui-extensions';
import { formatPath, type DocPath } from '../../utils/agreementPaths';
import { useSettingsMessages } from '../../i18n/useSettingsMessages';
import { useEditor } from './EditorContext';

/** Fit grade thresholds (A, B, C; below C is D) and intent level thresholds (1, 2, 3; below 3 is 4). */
export function ThresholdsEditor() {
  const { t } = useSettingsMessages();
  const field = (path: DocPath, label: string) => (
    <PointsField key={formatPath(path)} path={path} label={label} />
  );
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="xs">
        {(['A', 'B', 'C'] as const).map((g) => field(['fit', 'grades', g], t.gradeAt(g)))}
      </Flex>
      <Flex direction="row" gap="xs">
        {(['1', '2', '3'] as const).map((l) => field(['intent', 'levels', l], t.levelAt(l)))}
      </Flex>
    </Flex>
  );
}

function PointsField({ path, label }: { path: DocPath; label: string }) {
  const { valueAt, update, errorProps } = useEditor();
  const name = formatPath(path);
  return (
    <NumberInput
      label={label}
      name={name}
      value={valueAt(path) as number}
      onChange={(v) => update(path, v)}
      {...errorProps(path)}
      testId={name}
    />
  );
}
