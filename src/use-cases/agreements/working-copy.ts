import type { AgreementPorts, AgreementVersion, VersionStatus } from './ports';

const OPEN: readonly VersionStatus[] = ['draft', 'proposed', 'sent_back'];

/**
 * The version being worked on (what the settings page calls "the draft"): the newest draft, proposed or
 * sent-back version numbered after the active one; null when there is none. A route that edits "the draft"
 * saves over it when it is a draft and starts a new draft from it when it was sent back.
 */
export async function workingCopy(
  ports: Pick<AgreementPorts, 'versions'>,
  portalId: string,
): Promise<AgreementVersion | null> {
  const active = await ports.versions.active(portalId);
  const [open] = await ports.versions.list(portalId, { statuses: OPEN, after: active?.version, limit: 1 });
  return open ?? null;
}
