import type { AgreementPorts, AgreementVersion } from './ports';

const OPEN = new Set(['draft', 'proposed', 'sent_back']);

/**
 * The version being worked on (what the settings page calls "the draft"): the newest draft, proposed or
 * sent-back version numbered after the active one; null when there is none. A route that edits "the draft"
 * saves over it when it is a draft and starts a new draft from it when it was sent back.
 */
export async function workingCopy(
  ports: Pick<AgreementPorts, 'versions'>,
  portalId: string,
): Promise<AgreementVersion | null> {
  const versions = await ports.versions.list(portalId);
  const active = versions.find((v) => v.status === 'active');
  return versions.find((v) => OPEN.has(v.status) && (!active || v.version > active.version)) ?? null;
}
