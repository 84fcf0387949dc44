import { Alert, Button, Input } from '@hubspot/ui-extensions';
import { type FakeAnswer } from '../../testing/fakeBackend';
import { recorded, recordedAgreements } from './settingsFixtures';
import { fire, renderSettingsPage, restoreBackend, settingsLoaded } from './settingsHarness';

// The open draft recorded from the real handlers (./fixtures): its role rule (fit.rules[1]) has two keyword groups
// and no exceptions.

afterEach(restoreBackend);

/**
 * The recorded 400 for an invalid draft, naming instead the problem the server gives an exception that contains no
 * keyword of its group (the message of src/domain/agreement/check-agreement.ts).
 */
function exceptionRefused(): FakeAnswer {
  const answer = recorded.draftInvalid() as { status: number; body: { error: { details: unknown[] } } };
  const message =
    'contains none of this group\'s keywords ("課長", "manager"), so it could never cancel a match; write the ' +
    'whole phrase to leave out, keyword included (such as "部長代理" for "部長")';
  answer.body.error.details = [{ path: 'fit.rules[1].keywords[1].except[1]', message }];
  return answer;
}

function renderSettings(locale = 'en-US', put: () => FakeAnswer = recordedAgreements.draft2) {
  return renderSettingsPage({ 'PUT /api/agreements/draft': put }, locale);
}
type Page = ReturnType<typeof renderSettings>;

const loaded = settingsLoaded;

async function savedGroups(page: Page) {
  page.findByTestId(Button, 'save-draft').trigger('onClick');
  await page.waitFor(() => expect(page.mocks.actions.addAlert.called).toBe(true));
  const body = page.calls.filter((c) => c.path === '/api/agreements/draft').at(-1)?.body as {
    agreement: { fit: { rules: { keywords?: unknown[] }[] } };
  };
  return body.agreement.fit.rules[1]?.keywords;
}

describe('the keyword editor: exceptions per group', () => {
  it('saves the exceptions typed for a group (commas or 、), and none for a group left blank', async () => {
    const page = renderSettings();
    await loaded(page);
    const field = page.findByTestId(Input, 'fit.rules[1].keywords[0].except');
    expect(field.props).toMatchObject({
      label: 'Except (comma-separated; each contains one of the words, e.g. 部長代理 for 部長)',
      defaultValue: '',
    });
    fire(field, 'onBlur', '部長代理、 部長補佐, deputy director');
    const groups = await savedGroups(page);
    expect(groups).toEqual([
      expect.objectContaining({ points: 30, except: ['部長代理', '部長補佐', 'deputy director'] }),
      { any: ['課長', 'manager'], points: 15 },
    ]);
  });

  it('removes except altogether when the field is emptied', async () => {
    const page = renderSettings();
    await loaded(page);
    const field = () => page.findByTestId(Input, 'fit.rules[1].keywords[1].except');
    fire(field(), 'onBlur', '課長補佐');
    fire(field(), 'onBlur', '  ');
    const groups = (await savedGroups(page)) as Record<string, unknown>[];
    expect(groups[1]).toEqual({ any: ['課長', 'manager'], points: 15 });
  });

  it('labels the field in Japanese', async () => {
    const page = renderSettings('ja-JP');
    await loaded(page);
    expect(page.findByTestId(Input, 'fit.rules[1].keywords[0].except').props.label).toBe(
      '除外キーワード（カンマ区切り。語を含む形で指定：部長に対して部長代理）',
    );
  });

  it("shows the server's problem with one exception on the group's field", async () => {
    const page = renderSettings('en-US', exceptionRefused);
    await loaded(page);
    fire(page.findByTestId(Input, 'fit.rules[1].keywords[1].except'), 'onBlur', '課長補佐, assistant to the');
    page.findByTestId(Button, 'save-draft').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFindByTestId(Alert, 'editor-problems')).not.toBeNull());
    expect(page.findByTestId(Input, 'fit.rules[1].keywords[1].except').props).toMatchObject({
      error: true,
      validationMessage: expect.stringContaining("contains none of this group's keywords"),
    });
    expect(page.findByTestId(Input, 'fit.rules[1].keywords[0].except').props.error).toBeUndefined();
  });
});
