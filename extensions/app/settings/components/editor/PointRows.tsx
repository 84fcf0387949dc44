import { Button, Flex, Input, NumberInput } from '@hubspot/ui-extensions';
import { formatList, parseList } from '../../utils/listText';
import { formatPath, type DocPath } from '../../utils/agreementPaths';
import { useSettingsMessages } from '../../i18n/useSettingsMessages';
import { useEditor } from './EditorContext';

/**
 * Bands (`min` -> points) or keyword groups (`any` words -> points), one row each. A keyword group also has its
 * exceptions (`except`: 部長代理 for 部長), left out of the agreement when blank.
 */
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
              <>
                <Input
                  label={t.words}
                  name={formatPath(at('any'))}
                  defaultValue={formatList(valueAt(at('any')) as string[])}
                  onBlur={(v) => update(at('any'), parseList(v))}
                  {...errorProps(at('any'))}
                  testId={formatPath(at('any'))}
                />
                <ExceptInput path={at('except')} />
              </>
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

/** A keyword group's exceptions; an emptied field removes `except`, as an agreement without exceptions has none. */
function ExceptInput({ path }: { path: DocPath }) {
  const { t } = useSettingsMessages();
  const { valueAt, update, errorProps } = useEditor();
  const name = formatPath(path);
  // An exception's own problem (`except[1]`) shows on the field too.
  const listed = (valueAt(path) as string[] | undefined) ?? [];
  const problem = [errorProps(path), ...listed.map((_w, i) => errorProps([...path, i]))].find((p) => p.error);
  return (
    <Input
      label={t.exceptWords}
      name={name}
      defaultValue={formatList(listed)}
      onBlur={(v) => {
        const words = parseList(v);
        update(path, words.length > 0 ? words : undefined);
      }}
      {...(problem ?? errorProps(path))}
      testId={name}
    />
  );
}
