import { escapeHtml, pageLayout } from './page-layout';

/** The page shown when an install cannot be completed (bad or expired state, HubSpot refusing the code). */
export function installErrorPage(reason: string): string {
  return pageLayout(
    'Lead Pact could not be installed',
    `<p>The install was not completed: ${escapeHtml(reason)}.</p>
<p>Nothing was stored. <a href="/oauth/install">Start the install again</a> from this service.</p>`,
  );
}
