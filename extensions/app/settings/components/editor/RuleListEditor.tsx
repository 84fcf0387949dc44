import { Button, Flex, Input, NumberInput, Select, Tile } from '@hubspot/ui-extensions';
import { STAGE_VALUES } from '@lead-pact/contracts';
import { formatPath, type DocPath } from '../../utils/agreementPaths';
import { idFromLabel } from '../../utils/listText';
import { useSettingsMessages } from '../../i18n/useSettingsMessages';
import { ConditionEditor, operatorOf } from './ConditionEditor';
import { useEditor } from './EditorContext';
import { PropertyPicker } from './PropertyPicker';

type Kind = 'fit' | 'signal' | 'disqualify';
const LIST_PATH: Record<Kind, DocPath> = {
  fit: ['fit', 'rules'],
  signal: ['intent', 'signals'],
  disqualify: ['disqualify'],
};

/** Fit rules, intent signals or disqualifiers: one tile per item with its id, label, property and condition. */
export function RuleListEditor({ kind }: { kind: Kind }) {
  const { t } = useSettingsMessages();
  const { valueAt, update } = useEditor();
  const listPath = LIST_PATH[kind];
  const items = (valueAt(listPath) as { id: string }[] | undefined) ?? [];
  const add = () => {
    const id = idFromLabel(
      `new ${kind}`,
      items.map((item) => item.id),
    );
    const fresh =
      kind === 'signal'
        ? {
            id,
            label: id,
            stage: 'interest',
            when: { property: '', known: true },
            points: 10,
            halfLifeDays: 30,
          }
        : { id, label: id, property: '', in: [], ...(kind === 'fit' ? { points: 10 } : {}) };
    update([...listPath, items.length], fresh);
  };
  return (
    <Flex direction="column" gap="sm">
      {items.map((item, i) => (
        <Tile key={`${item.id}-${i}`} compact>
          <RuleFields kind={kind} path={[...listPath, i]} />
          <Button size="sm" variant="transparent" onClick={() => update([...listPath, i], undefined)}>
            {t.remove}
          </Button>
        </Tile>
      ))}
      <Button size="sm" onClick={add} testId={`add-${kind}`}>
        {kind === 'fit' ? t.addRule : kind === 'signal' ? t.addSignal : t.addDisqualifier}
      </Button>
    </Flex>
  );
}

function RuleFields({ kind, path }: { kind: Kind; path: DocPath }) {
  const { t } = useSettingsMessages();
  const { valueAt, update, errorProps } = useEditor();
  const text = (key: string, label: string) => (
    <Input
      label={label}
      name={formatPath([...path, key])}
      value={(valueAt([...path, key]) as string) ?? ''}
      onChange={(v) => update([...path, key], v)}
      {...errorProps([...path, key])}
      testId={formatPath([...path, key])}
    />
  );
  const number = (key: string, label: string) => (
    <NumberInput
      label={label}
      name={formatPath([...path, key])}
      value={valueAt([...path, key]) as number}
      onChange={(v) => update([...path, key], v)}
      {...errorProps([...path, key])}
      testId={formatPath([...path, key])}
    />
  );
  if (kind === 'signal') {
    return (
      <Flex direction="column" gap="xs">
        <Flex direction="row" gap="xs">
          {text('id', t.id)}
          {text('label', t.label)}
        </Flex>
        <Select
          label={t.stageLabel}
          name={formatPath([...path, 'stage'])}
          value={valueAt([...path, 'stage']) as string}
          options={STAGE_VALUES.map((stage) => ({ value: stage, label: t.stage[stage] }))}
          onChange={(v) => update([...path, 'stage'], v)}
          {...errorProps([...path, 'stage'])}
        />
        <PropertyPicker path={[...path, 'when', 'property']} />
        <ConditionEditor
          path={[...path, 'when']}
          operators={['contains', 'in', 'equals', 'known', 'between']}
        />
        <PropertyPicker path={[...path, 'at']} label={t.dateProperty} companyToo={false} />
        <Flex direction="row" gap="xs">
          {number('points', t.points)}
          {number('halfLifeDays', t.halfLife)}
        </Flex>
      </Flex>
    );
  }
  const operator = operatorOf(valueAt(path) as Record<string, unknown>);
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="xs">
        {text('id', t.id)}
        {text('label', t.label)}
      </Flex>
      <PropertyPicker path={[...path, 'property']} />
      <ConditionEditor
        path={path}
        operators={
          kind === 'fit' ? undefined : ['in', 'notIn', 'equals', 'contains', 'endsWith', 'known', 'bands']
        }
      />
      {kind === 'fit' && operator !== 'bands' && operator !== 'keywords' ? number('points', t.points) : null}
    </Flex>
  );
}
