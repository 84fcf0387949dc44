import { Accordion, Button, Text } from '@hubspot/ui-extensions';
import { SettingsRoot } from '../components/SettingsRoot';
import { unreachable } from '../../testing/fakeBackend';
import { recordedAgreements } from './settingsFixtures';
import { renderWithBackend, restoreBackend, settingsPageRoutes } from './settingsHarness';

// The history pages are the real GET /api/agreements answers for a portal with 12 versions (./fixtures).

afterEach(restoreBackend);

/** The settings page whose agreements answer is the newest page, and the older page behind `?cursor=3`. */
function renderSettings(older: () => ReturnType<typeof recordedAgreements.historyPage2>) {
  return renderWithBackend(<SettingsRoot />, {
    ...settingsPageRoutes,
    'GET /api/agreements': (_body, query) =>
      query.get('cursor') === '3' ? older() : recordedAgreements.historyPage1(),
  });
}
type Page = ReturnType<typeof renderSettings>;
const versionsShown = (page: Page) =>
  page
    .findAll(Accordion)
    .map((a) => a.props.testId)
    .filter((id) => id?.startsWith('history-v'));

describe('the history tab', () => {
  it('When older versions exist, then it shows the newest ten and fetches the older ones on "Show older versions"', async () => {
    const page = renderSettings(recordedAgreements.historyPage2);
    await page.waitFor(() => expect(page.maybeFindByTestId(Button, 'history-show-older')).not.toBeNull());
    expect(versionsShown(page)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((v) => `history-v${v}`));
    page.findByTestId(Button, 'history-show-older').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFindByTestId(Accordion, 'history-v1')).not.toBeNull());
    expect(versionsShown(page)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((v) => `history-v${v}`));
    expect(page.maybeFindByTestId(Button, 'history-show-older')).toBeNull();
    expect(page.calls.filter((c) => c.path === '/api/agreements').map((c) => c.query.cursor)).toEqual([
      undefined,
      '3',
    ]);
  });

  it('When the older page cannot be loaded, then it says so and keeps the button to try again', async () => {
    const page = renderSettings(unreachable);
    await page.waitFor(() => expect(page.maybeFindByTestId(Button, 'history-show-older')).not.toBeNull());
    page.findByTestId(Button, 'history-show-older').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFindByTestId(Text, 'history-older-failed')).not.toBeNull());
    expect(page.findByTestId(Text, 'history-older-failed').text).toBe(
      'Older versions could not be loaded. Try again in a minute.',
    );
    expect(page.findByTestId(Button, 'history-show-older').props.disabled).toBe(false);
    expect(versionsShown(page)).toHaveLength(10);
  });
});
