import type { InstallOutcome } from '../../use-cases/install/complete-install';
import { escapeHtml, pageLayout } from './page-layout';

function propertiesLine(outcome: InstallOutcome): string {
  if (!outcome.properties.ok)
    return `<p class="note">The Lead Pact contact properties could not be created yet (${escapeHtml(
      outcome.properties.message,
    )}). They are created again on the next install or from the settings page.</p>`;
  const { created, optionsAdded, unchanged } = outcome.properties.report;
  return `<p>Contact properties in the <code>lead_pact</code> group: ${created.length} created, ${optionsAdded.length} updated, ${unchanged.length} already in place.</p>`;
}

/** The page a portal admin lands on after approving the install in HubSpot. */
export function postInstallPage(outcome: InstallOutcome): string {
  const portal = escapeHtml(outcome.portalId);
  return pageLayout(
    'Lead Pact is connected',
    `<p>Lead Pact is connected to portal ${portal}.</p>
${propertiesLine(outcome)}
<h2>Next steps</h2>
<ol>
<li>Open the settings page: in HubSpot, go to Settings → Connected apps → Lead Pact, choose which teams are marketing and which are sales, and draft your first agreement.</li>
<li>Once both sides approve the agreement, every contact is scored and the Lead Pact card appears on contact records.</li>
</ol>
<p>Contacts are scored as HubSpot reports changes to them; a full import of existing contacts is not started automatically yet.</p>`,
  );
}
