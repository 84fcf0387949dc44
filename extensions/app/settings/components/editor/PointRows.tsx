import { Button, Flex, Input, NumberInput } from '@hubspot/ui-extensions';
import { formatList, parseList } from '../../utils/listText';
import { formatPath, type DocPath } from '../../utils/agreementPaths';
import { useSettingsMessages } from '../../i18n/useSettingsMessages';
import { useEditor } from './EditorContext';

/** Bands (`min` -> points) or keyword groups (`any` words -> points), one row each. */
export function PointRows({ path, kind }: { path: DocPath; kind: 'bands' | 'keywords' }) {
  const { t } = useSettingsMessages();
  const { valueAt, update, errorProps } = useEditor();
  const rows = (valueAt(path) as Record<string, unknown>[] | undefined) ?? [];
  return (
    <Flex direction="column" gap="xs">
      {rows.map((_row, i) => {
        const at = (key: string) => [...path, i, key];
        return (
          <Flex key={i} direction="row" gap="xs" align="end">
            {kind === 'bands' ? (
              <NumberInput
                label={t.min}
                name={formatPath(at('min'))}
                value={valueAt(at('min')) as number}
                onChange={(v) => update(at('min'), v)}
                {...errorProps(at('min'))}
                testId={formatPath(at('min'))}
              />
            ) : (
              <Input
                label={t.words}
                name={formatPath(at('any'))}
                defaultValue={formatList(valueAt(at('any')) as string[])}
                onBlur={(v) => update(at('any'), parseList(v))}
                {...errorProps(at('any'))}
                testId={formatPath(at('any'))}
              />
            )}
            <NumberInput
              label={t.points}
              name={formatPath(at('points'))}
              value={valueAt(at('points')) as number}
              onChange={(v) => update(at('points'), v)}
              {...errorProps(at('points'))}
              testId={formatPath(at('points'))}
            />
            <Button size="sm" variant="transparent" onClick={() => update([...path, i], undefined)}>
              {t.remove}
            </Button>
          </Flex>
        );
      })}
      <Button
        size="sm"
        onClick={() =>
          update([...path, rows.length], kind === 'bands' ? { min: 0, points: 0 } : { any: [], points: 0 })
        }
      >
        {kind === 'bands' ? t.addBand : t.addKeywords}
      </Button>
    </Flex>
  );
}
