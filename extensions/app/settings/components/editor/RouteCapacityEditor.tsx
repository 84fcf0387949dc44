import { Button, Flex, Input, NumberInput, Text } from '@hubspot/ui-extensions';
import { ROUTE_VALUES } from '@lead-pact/contracts';
import { formatPath, type DocPath } from '../../utils/agreementPaths';
import { routeCapacityMessages } from '../../i18n/routeCapacityMessages';
import { useSettingsMessages } from '../../i18n/useSettingsMessages';
import { useEditor } from './EditorContext';

type Route = (typeof ROUTE_VALUES)[number];
interface RouteCap {
  default?: number;
  months?: Record<string, number>;
}

/**
 * Each route's own monthly cap (`capacity.routes`), counted besides the total: a default (empty: no cap of its own)
 * and per-month overrides. A route left with neither is removed, and `routes` with it when none is left.
 */
export function RouteCapacityEditor() {
  const { t, locale } = useSettingsMessages();
  const m = routeCapacityMessages(locale);
  const { valueAt, update, errorProps } = useEditor();
  const routes = (valueAt(['capacity', 'routes']) as Partial<Record<Route, RouteCap>> | undefined) ?? {};
  const setRoute = (route: Route, cap: RouteCap) => {
    const months = cap.months && Object.keys(cap.months).length > 0 ? cap.months : undefined;
    const kept: RouteCap = {
      ...(cap.default === undefined ? {} : { default: cap.default }),
      ...(months ? { months } : {}),
    };
    const next = { ...routes };
    if (kept.default === undefined && kept.months === undefined) delete next[route];
    else next[route] = kept;
    update(['capacity', 'routes'], Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <Flex direction="column" gap="sm" testId="route-capacity">
      <Text variant="microcopy">{m.editorHint}</Text>
      {ROUTE_VALUES.map((route) => {
        const cap = routes[route] ?? {};
        const months = cap.months ?? {};
        const base: DocPath = ['capacity', 'routes', route];
        const setMonths = (next: Record<string, number>) => setRoute(route, { ...cap, months: next });
        return (
          <Flex key={route} direction="column" gap="xs">
            <Text format={{ fontWeight: 'bold' }}>{m.route(route)}</Text>
            <NumberInput
              label={t.capacityDefault}
              name={formatPath([...base, 'default'])}
              value={cap.default as number}
              min={0}
              placeholder={m.noCap}
              onChange={(v) =>
                setRoute(route, {
                  ...cap,
                  default: typeof v === 'number' && !Number.isNaN(v) ? v : undefined,
                })
              }
              {...errorProps([...base, 'default'])}
              testId={formatPath([...base, 'default'])}
            />
            {Object.keys(months).map((month) => (
              <Flex key={month} direction="row" gap="xs" align="end">
                <Input
                  label={t.capacityMonth}
                  name={`${route}-month-${month}`}
                  defaultValue={month}
                  onBlur={(v) => {
                    const to = v.trim();
                    if (!to || to === month) return;
                    setMonths(
                      Object.fromEntries(Object.entries(months).map(([k, n]) => [k === month ? to : k, n])),
                    );
                  }}
                />
                <NumberInput
                  label={t.capacityLeads}
                  name={formatPath([...base, 'months', month])}
                  value={months[month] as number}
                  min={0}
                  onChange={(v) => setMonths({ ...months, [month]: v })}
                  {...errorProps([...base, 'months', month])}
                  testId={formatPath([...base, 'months', month])}
                />
                <Button
                  size="sm"
                  variant="transparent"
                  onClick={() =>
                    setMonths(Object.fromEntries(Object.entries(months).filter(([k]) => k !== month)))
                  }
                >
                  {t.remove}
                </Button>
              </Flex>
            ))}
            <Button
              size="sm"
              onClick={() => setMonths({ ...months, [nextMonth(Object.keys(months))]: cap.default ?? 0 })}
              testId={`${route}-add-month`}
            >
              {t.addMonth}
            </Button>
          </Flex>
        );
      })}
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
