import { Button, Input, Select, Toggle } from '@hubspot/ui-extensions';
import { recordedAgreements } from './settingsFixtures';
import { renderSettingsPage, restoreBackend, settingsLoaded } from './settingsHarness';

// The agreement editor's HubSpot Leads section: handoff.createLeads and handoff.leadOwners, saved with the draft.

afterEach(restoreBackend);

async function editor(locale: string) {
  const renderer = renderSettingsPage({ 'PUT /api/agreements/draft': recordedAgreements.draft2 }, locale);
  const { waitFor } = renderer;
  await settingsLoaded(renderer);
  const save = async () => {
    renderer.findByTestId(Button, 'save-draft').trigger('onClick');
    await waitFor(() => expect(renderer.mocks.actions.addAlert.called).toBe(true));
    return (
      renderer.calls.filter((c) => c.path === '/api/agreements/draft').at(-1)?.body as {
        agreement: { handoff: unknown };
      }
    ).agreement.handoff;
  };
  return { renderer, waitFor, save };
}

type Triggerable = { trigger: (event: string, value: unknown) => void };

describe('the HubSpot Leads section of the agreement editor', () => {
  it('When a marketer turns Leads on and gives inside sales to a team, then the draft says so', async () => {
    const { renderer, waitFor, save } = await editor('en-US');
    const toggle = () => renderer.findByTestId(Toggle, 'handoff.createLeads');
    expect(toggle().props.checked).toBe(false);
    // Off, no owner per route is asked for.
    expect(renderer.maybeFindByTestId(Select, 'handoff.leadOwners.inside_sales')).toBeNull();
    (toggle() as unknown as Triggerable).trigger('onChange', true);
    await waitFor(() =>
      expect(renderer.maybeFindByTestId(Select, 'handoff.leadOwners.inside_sales')).not.toBeNull(),
    );
    const owner = renderer.findByTestId(Select, 'handoff.leadOwners.inside_sales');
    expect(owner.props.label).toBe('Inside sales: Lead owner');
    expect(owner.props.value).toBe('contact');
    (owner as unknown as Triggerable).trigger('onChange', 'team');
    await waitFor(() =>
      expect(renderer.maybeFindByTestId(Input, 'handoff.leadOwners.inside_sales.teamId')).not.toBeNull(),
    );
    (
      renderer.findByTestId(Input, 'handoff.leadOwners.inside_sales.teamId') as unknown as Triggerable
    ).trigger('onChange', ' 7 ');
    await waitFor(() =>
      expect(renderer.findByTestId(Input, 'handoff.leadOwners.inside_sales.teamId').props.value).toBe('7'),
    );
    expect(await save()).toEqual({
      salesReady: ['A1', 'A2', 'B1'],
      createLeads: true,
      leadOwners: { inside_sales: { teamId: '7' } },
    });
  });

  it('When Leads are turned off again, then the draft reads as before it was turned on', async () => {
    const { renderer, waitFor, save } = await editor('ja-JP');
    const toggle = () => renderer.findByTestId(Toggle, 'handoff.createLeads');
    expect(toggle().props.label).toBe('営業対象のリードを HubSpot のリードとして引き渡す');
    (toggle() as unknown as Triggerable).trigger('onChange', true);
    await waitFor(() => expect(toggle().props.checked).toBe(true));
    (toggle() as unknown as Triggerable).trigger('onChange', false);
    await waitFor(() => expect(toggle().props.checked).toBe(false));
    expect(await save()).toEqual({ salesReady: ['A1', 'A2', 'B1'] });
  });
});
