import type { AgreementPorts, Side } from './ports';
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
  const active = await ports.versions.active(portalId);
  // Proposals of any age (an old one may have to be proposed again); drafts and send-backs only newer than the active.
  const proposals = await ports.versions.list(portalId, { statuses: ['proposed'] });
  const later = await ports.versions.list(portalId, {
    statuses: ['draft', 'sent_back'],
    after: active?.version,
  });
  const proposed = proposals.find((v) => !isStale(v, active));
  if (proposed?.proposedSide) {
    const side = otherSide(proposed.proposedSide);
    const text = `${sideName(side)} must approve version ${proposed.version} proposed by ${proposed.proposedSide}`;
    return { side, action: 'approve', version: proposed.version, text };
  }
  const stale = proposals[0];
  if (stale && active) {
    const text = `${stale.proposedSide ? sideName(stale.proposedSide) : 'The proposer'} must propose version ${stale.version} again on top of version ${active.version}`;
    return { side: stale.proposedSide, action: 'revise', version: stale.version, text };
  }
  const sentBack = later.find((v) => v.status === 'sent_back');
  const draft = later.find((v) => v.status === 'draft');
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
