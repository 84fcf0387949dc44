import type { Config } from '../../config';
import { qualify } from '../../domain/qualify';
import { renderReasons } from '../../domain/render-reasons';
import type { Store } from '../../store/create-store';
import type { CardPorts } from './card-ports';

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
  return {
    store,
    async connected(portalId) {
      const staticPortal = config.hubspot.accessToken && String(config.hubspot.portalId) === portalId;
      if (staticPortal) return true;
      return (await installation(store, portalId))?.status === 'connected';
    },
    async locale(portalId) {
      const locale = (await installation(store, portalId))?.locale;
      return locale === 'ja' ? 'ja' : 'en';
    },
    async scoredAt(portalId, contactId) {
      const row = await store.ctx.db
        .selectFrom('qualifications')
        .select('updated_at')
        .where('portal_id', '=', portalId)
        .where('contact_id', '=', contactId)
        .executeTakeFirst();
      return row?.updated_at ?? null;
    },
    engine: { qualify, renderReasons },
    clock,
  };
}
