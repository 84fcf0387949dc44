import type { AgreementPorts, AgreementVersion, Side } from './ports';
import { otherSide, sideName } from './resolve-side';
import { isStale } from './review-rules';

/** What the next person must do: approve (or send back), revise, propose, or nothing. */
export const NEXT_ACTIONS = ['approve', 'revise', 'propose', 'none'] as const;
export type NextAction = (typeof NEXT_ACTIONS)[number];

/** Who must do what next, e.g. "Sales must approve version 4 proposed by marketing". */
export interface NextStep {
  /** Null when either side may act. */
  side: Side | null;
  action: NextAction;
  version: number | null;
  text: string;
}

/** Looks at the open versions of a portal and says whose move it is. */
export async function whoActsNext(
  ports: Pick<AgreementPorts, 'versions'>,
  portalId: string,
): Promise<NextStep> {
  const versions = await ports.versions.list(portalId);
  const active = versions.find((v) => v.status === 'active') ?? null;
  const newerThanActive = (v: AgreementVersion) => !active || v.version > active.version;
  const open = versions.filter((v) => v.status === 'proposed' && !isStale(v, active));
  const proposed = open[0];
  if (proposed?.proposedSide) {
    const side = otherSide(proposed.proposedSide);
    const text = `${sideName(side)} must approve version ${proposed.version} proposed by ${proposed.proposedSide}`;
    return { side, action: 'approve', version: proposed.version, text };
  }
  const stale = versions.find((v) => v.status === 'proposed');
  if (stale && active) {
    const text = `${stale.proposedSide ? sideName(stale.proposedSide) : 'The proposer'} must propose version ${stale.version} again on top of version ${active.version}`;
    return { side: stale.proposedSide, action: 'revise', version: stale.version, text };
  }
  const sentBack = versions.find((v) => v.status === 'sent_back' && newerThanActive(v));
  const draft = versions.find((v) => v.status === 'draft' && newerThanActive(v));
  if (sentBack && (!draft || draft.version < sentBack.version)) {
    const side = sentBack.proposedSide;
    const who = side ? sideName(side) : 'The proposer';
    const text = `${who} must revise version ${sentBack.version}, sent back by ${sentBack.sentBackBy}: ${sentBack.sentBackComment}`;
    return { side, action: 'revise', version: sentBack.version, text };
  }
  if (draft) {
    const text = `Marketing or sales must propose draft version ${draft.version}`;
    return { side: null, action: 'propose', version: draft.version, text };
  }
  if (active)
    return {
      side: null,
      action: 'none',
      version: active.version,
      text: `Nothing to do: version ${active.version} is active`,
    };
  return {
    side: null,
    action: 'propose',
    version: null,
    text: 'Marketing or sales must propose a first agreement',
  };
}
