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

/** What the page says about existing contacts: the import's real state, and where its progress shows. */
function importLine(outcome: InstallOutcome, agreementActive: boolean | undefined): string {
  const progress =
    'Its progress shows on the settings page (Import: contacts read so far of the total, and the time left) and in the service log (<code>import 3,400 / 12,000 contacts, 1m left</code>).';
  if (agreementActive === false)
    return `<p>This portal has no approved agreement yet, so there is nothing to grade contacts by. As soon as the first agreement is approved, Lead Pact reads every existing contact once and grades it; changes after that arrive through HubSpot's webhooks. ${progress}</p>`;
  if (!outcome.importQueued)
    return `<p>Existing contacts were imported before (this is a reinstall); changes arrive through HubSpot's webhooks.</p>`;
  return `<p>Lead Pact is now reading every existing contact of this portal and grading it with the active agreement. ${progress}</p>`;
}

/**
 * The page a portal admin lands on after approving the install in HubSpot; `agreementActive` (when known) says whether
 * the import can grade contacts now or waits for the first agreement.
 */
export function postInstallPage(outcome: InstallOutcome, agreementActive?: boolean): string {
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
${importLine(outcome, agreementActive)}`,
  );
}
