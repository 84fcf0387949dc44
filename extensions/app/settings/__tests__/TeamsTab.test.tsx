import { Alert, Button, MultiSelect, Text } from '@hubspot/ui-extensions';
import { teamsResponseSchema } from '@lead-pact/contracts';
import { eventually } from '../../testing/fakeBackend';
import { recorded, recordedAgreements } from './settingsFixtures';
import { fire, renderSettingsPage, restoreBackend, type Routes } from './settingsHarness';

// Who may change the team mapping, as the settings page shows it: answers recorded from the real handlers (./fixtures).

afterEach(restoreBackend);

/** The settings page for a user in `locale`, the backend answering from the default routes, the teams, and `routes`. */
const renderSettings = (routes: Routes = {}, locale = 'en-US') =>
  renderSettingsPage({ 'GET /api/settings/teams': recorded.teams, ...routes }, locale);
type Page = ReturnType<typeof renderSettings>;
const texts = (page: Page, prefix: string) =>
  page
    .findAll(Text)
    .filter((node) => node.props.testId?.startsWith(prefix))
    .map((node) => node.text);

describe('the teams tab', () => {
  it('When a user who is no super admin opens it, then the mapping is read-only, by name, with a note on who can change it', async () => {
    const page = renderSettings();
    await page.waitFor(() => expect(page.maybeFindByTestId(Alert, 'teams-read-only')).not.toBeNull());

    const note = page.findByTestId(Alert, 'teams-read-only');
    expect(note.props.title).toBe('Only a HubSpot super admin can change this');
    expect(note.text).toBe(
      'Only a HubSpot super admin of this account can change which teams count as marketing and sales. If a team is on the wrong side, ask a super admin (HubSpot: Settings > Users & Teams lists them).',
    );
    expect(page.findByTestId(Text, 'marketing-teams-read-only').text).toBe(
      'Marketing teams: Marketing Tokyo',
    );
    expect(page.findByTestId(Text, 'sales-teams-read-only').text).toBe('Sales teams: Inside Sales');
    expect(page.maybeFindByTestId(MultiSelect, 'marketing-teams')).toBeNull();
    expect(page.maybeFindByTestId(Button, 'save-teams')).toBeNull();
  });

  it('When a user who is no super admin opens it in Japanese, then the note says so in Japanese', async () => {
    const page = renderSettings({}, 'ja-JP');
    await page.waitFor(() => expect(page.maybeFindByTestId(Alert, 'teams-read-only')).not.toBeNull());

    expect(page.findByTestId(Alert, 'teams-read-only').props.title).toBe(
      'HubSpot のスーパー管理者だけが変更できます',
    );
    expect(page.findByTestId(Text, 'sales-teams-read-only').text).toBe('営業のチーム：Inside Sales');
  });

  it('When HubSpot cannot say who is a super admin, then the mapping is read-only and the note says why', async () => {
    const body = teamsResponseSchema.parse(recorded.teams().body);
    const unreadable = () => ({
      status: 200,
      body: { ...body, editing: { allowed: false, reason: 'users_unreadable' } },
    });
    const page = renderSettings({ 'GET /api/settings/teams': unreadable });
    await page.waitFor(() => expect(page.maybeFindByTestId(Alert, 'teams-read-only')).not.toBeNull());

    expect(page.findByTestId(Alert, 'teams-read-only').text).toMatch(
      /^Lead Pact cannot ask HubSpot who is a super admin right now \(the app may lack the settings\.users\.read scope/,
    );
    expect(page.maybeFindByTestId(Button, 'save-teams')).toBeNull();
  });

  it("When a super admin's change sends a waiting proposal back, then the page says which, lists the change and reloads the agreement", async () => {
    const page = renderSettings({
      'GET /api/settings/teams': recorded.teamsSeenByAdmin,
      'PUT /api/settings/teams': recorded.teamsChangedByAdmin,
    });
    await page.waitFor(() => expect(page.maybeFindByTestId(MultiSelect, 'marketing-teams')).not.toBeNull());
    expect(page.findByTestId(Text, 'teams-history-empty').text).toBe('No change recorded yet.');

    fire(page.findByTestId(MultiSelect, 'marketing-teams'), 'onChange', ['11', '33']);
    await page.waitFor(() =>
      expect(page.findByTestId(MultiSelect, 'marketing-teams').props.value).toEqual(['11', '33']),
    );
    page.findByTestId(Button, 'save-teams').trigger('onClick');
    await eventually(() => expect(page.mocks.actions.addAlert.called).toBe(true));

    expect(page.mocks.actions.addAlert.calls[0]).toEqual([
      {
        type: 'warning',
        message:
          'Teams saved. Version 13 was waiting for review and went back to its authors: they propose it again so the other side reviews it under the new mapping.',
      },
    ]);
    const latest = page.findByTestId(Text, 'teams-change-0-who');
    expect(latest.text).toMatch(/^Nov 27, 2026, 6:00\sPM: changed by u901@example\.com$/);
    expect(texts(page, 'teams-change-0-')).toEqual([
      latest.text,
      'Marketing: Marketing Tokyo → Marketing Tokyo, フィールドセールス大阪',
      'Sales: Inside Sales → Inside Sales',
      'Sent back for review again: version 13',
    ]);
    await eventually(() =>
      expect(page.calls.filter((c) => c.path === '/api/agreements' && c.method === 'GET')).toHaveLength(2),
    );
  });
});

describe('a proposal sent back by a change of team mapping', () => {
  it('When the approval tab shows it, then it says in words that a super admin changed the teams and what to do', async () => {
    const page = renderSettings({ 'GET /api/agreements': recordedAgreements.sentBackByMapping });
    await page.waitFor(() => expect(page.maybeFindByTestId(Alert, 'sent-back-note')).not.toBeNull());

    expect(page.findByTestId(Alert, 'sent-back-note').props.title).toBe(
      'Sent back because a HubSpot super admin (901) changed the team mapping while it waited for review. Propose it again so the other side reviews it under the new mapping.',
    );
  });

  it('When the page is in Japanese, then it says so in Japanese', async () => {
    const page = renderSettings({ 'GET /api/agreements': recordedAgreements.sentBackByMapping }, 'ja-JP');
    await page.waitFor(() => expect(page.maybeFindByTestId(Alert, 'sent-back-note')).not.toBeNull());

    expect(page.findByTestId(Alert, 'sent-back-note').props.title).toMatch(
      /^レビュー待ちの間に HubSpot のスーパー管理者（901）がチームの割り当てを変更したため差し戻されました。/,
    );
  });
});
