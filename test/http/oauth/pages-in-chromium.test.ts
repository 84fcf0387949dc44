import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { installDeclinedPage } from '../../../src/http/pages/install-declined-page';
import { installErrorPage } from '../../../src/http/pages/install-error-page';
import { notConnectedPage } from '../../../src/http/pages/not-connected-page';
import { postInstallPage } from '../../../src/http/pages/post-install-page';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install the Debian package (apt-get install -y chromium)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function visibleText(html: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    return (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  } finally {
    await page.close();
  }
}

describe('install pages in a browser', () => {
  it('When a portal was just connected, then the admin reads the portal and the next step', async () => {
    const report = {
      groupCreated: true,
      created: ['lead_pact_tier', 'lead_pact_grade'],
      optionsAdded: [],
      unchanged: [],
    };
    const text = await visibleText(
      postInstallPage({ portalId: '62515', properties: { ok: true, report }, importQueued: false }),
    );
    expect(text).toContain('Lead Pact is connected to portal 62515.');
    expect(text).toContain('2 created, 0 updated, 0 already in place');
    expect(text).toContain('Open the settings page');
  });

  it('When the portal has no agreement yet, then the page says existing contacts are graded once the first is approved', async () => {
    const report = { groupCreated: false, created: [], optionsAdded: [], unchanged: ['lead_pact_tier'] };
    const outcome = { portalId: '62515', properties: { ok: true as const, report }, importQueued: true };
    const waiting = await visibleText(postInstallPage(outcome, false));
    expect(waiting).toContain('no approved agreement yet');
    expect(waiting).toContain(
      'As soon as the first agreement is approved, Lead Pact reads every existing contact',
    );
    expect(waiting).toContain('import 3,400 / 12,000 contacts, 1m left');
    const importing = await visibleText(postInstallPage(outcome, true));
    expect(importing).toContain('Lead Pact is now reading every existing contact of this portal');
    expect(importing).not.toContain('not started automatically');
  });

  it('When nothing is connected yet, then the page shows the connect link and the redirect URL', async () => {
    const text = await visibleText(
      notConnectedPage({ oauthConfigured: true, publicBaseUrl: 'https://lp.example.com' }),
    );
    expect(text).toContain('No HubSpot portal is connected to Lead Pact yet.');
    expect(text).toContain('https://lp.example.com/oauth/callback');
    expect(text).toContain('Connect a HubSpot portal');
  });

  it('When HubSpot is not configured, then the page names the variables to set', async () => {
    const text = await visibleText(notConnectedPage({ oauthConfigured: false, publicBaseUrl: undefined }));
    expect(text).toContain('HubSpot is not configured for this Lead Pact service yet.');
    expect(text).toContain('HUBSPOT_CLIENT_ID');
  });

  it('When the install was declined, then the admin reads that it was declined and how to try again', async () => {
    const text = await visibleText(installDeclinedPage('The user <i>declined</i> to install the app'));
    expect(text).toContain('Lead Pact was not installed: the install was declined');
    expect(text).toContain('HubSpot said: The user <i>declined</i> to install the app.');
    expect(text).toContain('Start the install again from this service, in this browser.');
  });

  it('When an error message carries markup, then it is shown as text, not run', async () => {
    const text = await visibleText(installErrorPage('<b>bad</b> state'));
    expect(text).toContain('The install was not completed: <b>bad</b> state.');
  });
});
