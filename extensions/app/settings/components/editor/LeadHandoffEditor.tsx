import { Flex, Input, Select, Text, Toggle } from '@hubspot/ui-extensions';
import { ROUTE_VALUES } from '@lead-pact/contracts';
import { formatPath, type DocPath } from '../../utils/agreementPaths';
import { leadHandoffMessages } from '../../i18n/leadHandoffMessages';
import { useSettingsMessages } from '../../i18n/useSettingsMessages';
import { useEditor } from './EditorContext';

type Route = (typeof ROUTE_VALUES)[number];
interface LeadOwner {
  ownerId?: string;
  teamId?: string;
}
type Kind = 'contact' | 'owner' | 'team';

const kindOf = (owner: LeadOwner | undefined): Kind =>
  owner?.teamId !== undefined ? 'team' : owner?.ownerId !== undefined ? 'owner' : 'contact';

/**
 * Whether sales-ready leads are handed over as HubSpot Leads (`handoff.createLeads`, left out when off so an older
 * agreement reads the same) and who owns each route's Leads (`handoff.leadOwners`: an owner, a team, or, with no
 * entry, the contact's owner). A route set back to the contact's owner is dropped, and `leadOwners` with the last.
 */
export function LeadHandoffEditor() {
  const { locale } = useSettingsMessages();
  const m = leadHandoffMessages(locale);
  const { valueAt, update, errorProps } = useEditor();
  const on = valueAt(['handoff', 'createLeads']) === true;
  const owners = (valueAt(['handoff', 'leadOwners']) as Partial<Record<Route, LeadOwner>> | undefined) ?? {};
  const setOwner = (route: Route, owner: LeadOwner | undefined) => {
    const next = { ...owners };
    if (owner) next[route] = owner;
    else delete next[route];
    update(['handoff', 'leadOwners'], Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <Flex direction="column" gap="sm" testId="lead-handoff">
      <Toggle
        label={m.createLeads}
        name="handoff.createLeads"
        labelDisplay="inline"
        checked={on}
        onChange={(checked) => update(['handoff', 'createLeads'], checked ? true : undefined)}
        testId="handoff.createLeads"
      />
      <Text variant="microcopy">{m.createLeadsHelp}</Text>
      {on
        ? ROUTE_VALUES.map((route) => {
            const owner = owners[route];
            const kind = kindOf(owner);
            const base: DocPath = ['handoff', 'leadOwners', route];
            const idPath: DocPath = [...base, kind === 'team' ? 'teamId' : 'ownerId'];
            const routeError = errorProps(base);
            return (
              <Flex key={route} direction="row" gap="xs" align="end">
                <Select
                  label={`${m.route(route)}: ${m.ownerKind}`}
                  name={formatPath(base)}
                  value={kind}
                  options={(['contact', 'owner', 'team'] as const).map((k) => ({
                    value: k,
                    label: m.kinds[k],
                  }))}
                  onChange={(v) =>
                    setOwner(
                      route,
                      v === 'owner' ? { ownerId: '' } : v === 'team' ? { teamId: '' } : undefined,
                    )
                  }
                  {...routeError}
                  testId={formatPath(base)}
                />
                {kind === 'contact' ? null : (
                  <Input
                    label={kind === 'team' ? m.teamId : m.ownerId}
                    name={formatPath(idPath)}
                    value={(kind === 'team' ? owner?.teamId : owner?.ownerId) ?? ''}
                    onChange={(v) =>
                      setOwner(route, kind === 'team' ? { teamId: v.trim() } : { ownerId: v.trim() })
                    }
                    {...errorProps(idPath)}
                    testId={formatPath(idPath)}
                  />
                )}
              </Flex>
            );
          })
        : null}
    </Flex>
  );
}
