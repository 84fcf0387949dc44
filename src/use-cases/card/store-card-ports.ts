import type { Config } from '../../config';
import { qualify } from '../../domain/qualify';
import { renderReasons } from '../../domain/render-reasons';
import type { Store } from '../../store/create-store';
import { approvedAgreements } from './approved-agreements';
import type { CardPorts } from './card-ports';
import { readCardSnapshot } from './store-card-snapshot';

/** Status and locale of a portal's installation, read without opening its tokens. */
const installation = (store: Store, portalId: string) =>
  store.ctx.db
    .selectFrom('installations')
    .select(['status', 'locale'])
    .where('portal_id', '=', portalId)
    .executeTakeFirst();

/** The card ports on the real store: connection from the installation (or the static-token portal), real engine. */
export function storeCardPorts(
  store: Store,
  config: Pick<Config, 'hubspot'>,
  clock: CardPorts['clock'] = { now: Date.now },
): CardPorts {
  const isStaticPortal = (portalId: string) =>
    Boolean(config.hubspot.accessToken) && String(config.hubspot.portalId) === portalId;
  return {
    store,
    async connected(portalId) {
      if (isStaticPortal(portalId)) return true;
      return (await installation(store, portalId))?.status === 'connected';
    },
    async locale(portalId) {
      const locale = (await installation(store, portalId))?.locale;
      return locale === 'ja' ? 'ja' : 'en';
    },
    async snapshot(portalId, contactId) {
      const { installStatus, ...rest } = await readCardSnapshot(store.ctx, portalId, contactId);
      return { ...rest, connected: isStaticPortal(portalId) || installStatus === 'connected' };
    },
    approvedAgreement: approvedAgreements((portalId, version) => store.agreements.get(portalId, version)),
    engine: { qualify, renderReasons },
    clock,
  };
}
