import type { ContactBatchesPort } from '../../use-cases/ports/contact-batches';
import type { SignalHistoryPort } from '../../use-cases/ports/signal-history';
import type { ContactPage } from '../../use-cases/rescore/scored-page';

/** The reads of a page: a write transaction, or a worker thread's own read connection. */
export interface PageReads {
  contactBatches: Pick<ContactBatchesPort, 'page'>;
  signals: Pick<SignalHistoryPort, 'forContacts'>;
}

/** Which page to read and score: up to `size` contacts after `after`, qualified at `now`. */
export interface PageRequest {
  after: string | null;
  size: number;
  now: number;
}

/** Up to `size` contacts of a portal after `after` (id order) with their current qualification and signal history. */
export async function readContactPage(
  reads: PageReads,
  portalId: string,
  { after, size }: Pick<PageRequest, 'after' | 'size'>,
): Promise<ContactPage> {
  const contacts = await reads.contactBatches.page(portalId, after, size);
  const histories = await reads.signals.forContacts(
    portalId,
    contacts.map((r) => r.contact.id),
  );
  return { contacts, histories };
}
