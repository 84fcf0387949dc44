import { Button, Flex, Input, NumberInput, Select } from '@hubspot/ui-extensions';
import { ROUTE_VALUES, STAGE_VALUES } from '@lead-pact/contracts';
import { formatList, parseList } from '../../utils/listText';
import { formatPath, type DocPath } from '../../utils/agreementPaths';
import { useSettingsMessages } from '../../i18n/useSettingsMessages';
import { useEditor } from './EditorContext';

function useNumberField() {
  const { valueAt, update, errorProps } = useEditor();
  return (path: DocPath, label: string) => (
    <NumberInput
      label={label}
      name={formatPath(path)}
      value={valueAt(path) as number}
      min={0}
      onChange={(v) => update(path, v)}
      {...errorProps(path)}
      testId={formatPath(path)}
    />
  );
}

/** Where a sales-ready lead goes for each stage of consideration. */
export function RoutingEditor() {
  const { t } = useSettingsMessages();
  const { valueAt, update, errorProps } = useEditor();
  return (
    <Flex direction="row" gap="xs" wrap>
      {STAGE_VALUES.map((stage) => (
        <Select
          key={stage}
          label={t.stage[stage]}
          name={`routing.${stage}`}
          value={valueAt(['routing', stage]) as string}
          options={ROUTE_VALUES.map((route) => ({ value: route, label: t.route[route] }))}
          onChange={(v) => update(['routing', stage], v)}
          {...errorProps(['routing', stage])}
          testId={`routing.${stage}`}
        />
      ))}
    </Flex>
  );
}

/** First-touch business days, progress days, time zone and holidays. */
export function SlaEditor() {
  const { t } = useSettingsMessages();
  const { valueAt, update, errorProps } = useEditor();
  const number = useNumberField();
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="xs">
        {number(['sla', 'firstTouchBusinessDays'], t.firstTouch)}
        {number(['sla', 'progressDays'], t.progressDays)}
      </Flex>
      <Input
        label={t.timezone}
        name="sla.timezone"
        value={(valueAt(['sla', 'timezone']) as string) ?? ''}
        onChange={(v) => update(['sla', 'timezone'], v)}
        {...errorProps(['sla', 'timezone'])}
        testId="sla.timezone"
      />
      <Input
        label={t.holidays}
        name="sla.holidays"
        defaultValue={formatList(valueAt(['sla', 'holidays']) as string[])}
        onBlur={(v) => update(['sla', 'holidays'], parseList(v))}
        {...errorProps(['sla', 'holidays'])}
      />
    </Flex>
  );
}

/** Leads sales can take per month: a default and per-month overrides. */
export function CapacityEditor() {
  const { t } = useSettingsMessages();
  const { valueAt, update } = useEditor();
  const number = useNumberField();
  const months = (valueAt(['capacity', 'months']) as Record<string, number> | undefined) ?? {};
  const rename = (from: string, to: string) => {
    if (!to || to === from) return;
    update(
      ['capacity', 'months'],
      Object.fromEntries(Object.entries(months).map(([m, n]) => [m === from ? to : m, n])),
    );
  };
  return (
    <Flex direction="column" gap="xs">
      {number(['capacity', 'default'], t.capacityDefault)}
      {Object.keys(months).map((month) => (
        <Flex key={month} direction="row" gap="xs" align="end">
          <Input
            label={t.capacityMonth}
            name={`month-${month}`}
            defaultValue={month}
            onBlur={(v) => rename(month, v.trim())}
          />
          {number(['capacity', 'months', month], t.capacityLeads)}
          <Button
            size="sm"
            variant="transparent"
            onClick={() => update(['capacity', 'months', month], undefined)}
          >
            {t.remove}
          </Button>
        </Flex>
      ))}
      <Button
        size="sm"
        onClick={() =>
          update(
            ['capacity', 'months', nextMonth(Object.keys(months))],
            valueAt(['capacity', 'default']) ?? 0,
          )
        }
      >
        {t.addMonth}
      </Button>
    </Flex>
  );
}

/** The month after the latest one listed (or the current month). */
function nextMonth(months: string[]): string {
  const latest = [...months].sort().at(-1);
  const base = latest ? new Date(`${latest}-01T00:00:00Z`) : new Date();
  if (latest) base.setUTCMonth(base.getUTCMonth() + 1);
  return base.toISOString().slice(0, 7);
}
