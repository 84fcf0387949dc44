import { Flex, Input, Select, Toggle } from '@hubspot/ui-extensions';
import { formatList, parseList } from '../../utils/listText';
import { formatPath, type DocPath } from '../../utils/agreementPaths';
import { useSettingsMessages } from '../../i18n/useSettingsMessages';
import { useEditor } from './EditorContext';
import { PointRows } from './PointRows';

/** The operators a condition can use, and the value a newly chosen one starts with. */
const OPERATOR_DEFAULTS = {
  bands: [{ min: 0, points: 0 }],
  keywords: [{ any: [], points: 0 }],
  in: [],
  notIn: [],
  equals: '',
  contains: [],
  endsWith: [],
  known: true,
  between: {},
} as const;
type Operator = keyof typeof OPERATOR_DEFAULTS;
const OPERATORS = Object.keys(OPERATOR_DEFAULTS) as Operator[];
const LIST_OPERATORS: readonly Operator[] = ['in', 'notIn', 'contains', 'endsWith'];

/** The operator a condition object uses (the first operator key present). */
export function operatorOf(condition: Record<string, unknown> | undefined): Operator {
  return OPERATORS.find((op) => condition?.[op] !== undefined) ?? 'in';
}

/** Edits one condition at `path`: the operator, then its bands, keywords, list, value, flag or date range. */
export function ConditionEditor({
  path,
  operators = OPERATORS,
}: {
  path: DocPath;
  operators?: readonly Operator[];
}) {
  const { t } = useSettingsMessages();
  const { valueAt, update } = useEditor();
  const condition = valueAt(path) as Record<string, unknown> | undefined;
  const operator = operatorOf(condition);
  const change = (next: Operator) => {
    update([...path, operator], undefined);
    update([...path, next], OPERATOR_DEFAULTS[next]);
  };
  return (
    <Flex direction="column" gap="xs">
      <Select
        label={t.operator}
        name={formatPath([...path, 'operator'])}
        value={operator}
        options={operators.map((op) => ({ value: op, label: t.operators[op] }))}
        onChange={(v) => change(v as Operator)}
      />
      <OperatorFields path={[...path, operator]} operator={operator} />
    </Flex>
  );
}

function OperatorFields({ path, operator }: { path: DocPath; operator: Operator }) {
  const { t } = useSettingsMessages();
  const { valueAt, update, errorProps } = useEditor();
  const name = formatPath(path);
  if (operator === 'bands') return <PointRows path={path} kind="bands" />;
  if (operator === 'keywords') return <PointRows path={path} kind="keywords" />;
  if (operator === 'known') {
    return (
      <Toggle
        label={t.known}
        name={name}
        checked={valueAt(path) === true}
        onChange={(v) => update(path, v)}
      />
    );
  }
  if (operator === 'between') {
    return (
      <Flex direction="row" gap="xs">
        {(['from', 'to'] as const).map((end) => (
          <Input
            key={end}
            label={t[end]}
            name={formatPath([...path, end])}
            defaultValue={(valueAt([...path, end]) as string) ?? ''}
            onBlur={(v) => update([...path, end], v.trim() || undefined)}
            {...errorProps([...path, end])}
          />
        ))}
      </Flex>
    );
  }
  if (LIST_OPERATORS.includes(operator)) {
    return (
      <Input
        label={t.values}
        name={name}
        defaultValue={formatList(valueAt(path) as string[])}
        onBlur={(v) => update(path, parseList(v))}
        {...errorProps(path)}
        testId={name}
      />
    );
  }
  return (
    <Input
      label={t.value}
      name={name}
      value={(valueAt(path) as string) ?? ''}
      onChange={(v) => update(path, v)}
      {...errorProps(path)}
    />
  );
}
