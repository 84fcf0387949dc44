import { escapeHtml, pageLayout } from './page-layout';

/** What the service knows when no portal is connected: whether OAuth is configured at all. */
export interface NotConnectedState {
  oauthConfigured: boolean;
  publicBaseUrl: string | undefined;
}

const configureSteps = `<ol>
<li>Create the app in your HubSpot developer account (<code>hs project upload</code> with the project in <code>extensions/</code>).</li>
<li>Set <code>HUBSPOT_CLIENT_ID</code>, <code>HUBSPOT_CLIENT_SECRET</code>, <code>PUBLIC_BASE_URL</code> and <code>TOKEN_ENCRYPTION_KEY</code> (generate one with <code>openssl rand -hex 32</code>), or <code>HUBSPOT_ACCESS_TOKEN</code> + <code>HUBSPOT_PORTAL_ID</code> for a single portal.</li>
<li>Restart the service and come back to this page.</li>
</ol>`;

function installSteps(publicBaseUrl: string | undefined): string {
  const redirect = escapeHtml(`${publicBaseUrl ?? ''}/oauth/callback`);
  return `<ol>
<li>Check that the app's redirect URL in HubSpot is <code>${redirect}</code>.</li>
<li><a href="/oauth/install">Connect a HubSpot portal</a> and approve the requested access.</li>
<li>You will come back here with the next steps.</li>
</ol>`;
}

/** The "not connected yet" page: how to connect HubSpot, plain server-rendered HTML. */
export function notConnectedPage(state: NotConnectedState): string {
  const steps = state.oauthConfigured ? installSteps(state.publicBaseUrl) : configureSteps;
  const lead = state.oauthConfigured
    ? 'No HubSpot portal is connected to Lead Pact yet.'
    : 'HubSpot is not configured for this Lead Pact service yet.';
  return pageLayout('Lead Pact is not connected yet', `<p>${lead}</p>\n<h2>Connect HubSpot</h2>\n${steps}`);
}
