import { escapeHtml, pageLayout } from './page-layout';

/** The page shown when the admin declined the install on HubSpot's consent screen (`error=access_denied`). */
export function installDeclinedPage(description: string | undefined): string {
  const said = description ? `<p>HubSpot said: ${escapeHtml(description)}.</p>\n` : '';
  return pageLayout(
    'The install was declined',
    `<p>Lead Pact was not installed: the install was declined on HubSpot's consent screen.</p>
${said}<p>Nothing was stored and Lead Pact has no access to the portal.</p>
<h2>To install it after all</h2>
<ol>
<li><a href="/oauth/install">Start the install again</a> from this service, in this browser.</li>
<li>Choose the portal, then approve the access Lead Pact asks for. Installing an app needs a super admin or a user with App Marketplace access.</li>
</ol>`,
  );
}
