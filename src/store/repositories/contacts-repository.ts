import { z } from 'zod';
import type { PropertyMap } from '../../domain/qualification';
import type { ContactSnapshot, ContactsPort, StoredContact } from '../../use-cases/ports/contacts';
import { bulkWrite } from '../bulk-write';
import type { DbContext } from '../db-context';
import { fromJson, toJson } from '../json-column';

/** Statement size that stays under SQLite's bound-parameter limit with room to spare. */
export const UPSERT_CHUNK = 1000;

/** Zod for a stored property map (HubSpot values are strings or null). */
export const propertyMapSchema: z.ZodType<PropertyMap> = z.record(z.string(), z.string().nullable());

function isPropertyMap(value: unknown): value is PropertyMap {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== null && typeof v !== 'string') return false;
  }
  return true;
}

/**
 * Parses a stored property map. Same check as `propertyMapSchema`, written out because it runs once
 * per contact in a rescore (zod cost ~10 µs per contact there); a bad value gets zod's detailed error.
 */
export function readPropertyMap(text: string, column: string): PropertyMap {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  return isPropertyMap(value) ? value : fromJson(propertyMapSchema, text, column);
}

/** Contact snapshots per portal, paged by id for big batch work. */
export function contactsRepository(ctx: DbContext) {
  return {
    /** Inserts or replaces snapshots, in statements of UPSERT_CHUNK rows. */
    async upsertMany(portalId: string, contacts: readonly ContactSnapshot[], at: number): Promise<void> {
      for (let i = 0; i < contacts.length; i += UPSERT_CHUNK) {
        const rows = contacts.slice(i, i + UPSERT_CHUNK).map((c) => ({
          portal_id: portalId,
          contact_id: c.id,
          properties: toJson(c.properties),
          company: c.company ? toJson(c.company) : null,
          hs_last_modified: c.hsLastModified ?? null,
          updated_at: at,
        }));
        await bulkWrite(ctx, 'contacts.upsert', rows, (chunk) =>
          ctx.db
            .insertInto('contacts')
            .values(chunk)
            .onConflict((oc) =>
              oc.columns(['portal_id', 'contact_id']).doUpdateSet((eb) => ({
                properties: eb.ref('excluded.properties'),
                company: eb.ref('excluded.company'),
                hs_last_modified: eb.ref('excluded.hs_last_modified'),
                updated_at: eb.ref('excluded.updated_at'),
              })),
            ),
        );
      }
    },
    /** One snapshot, or undefined. */
    async get(portalId: string, contactId: string): Promise<StoredContact | undefined> {
      const row = await ctx.db
        .selectFrom('contacts')
        .selectAll()
        .where('portal_id', '=', portalId)
        .where('contact_id', '=', contactId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        id: row.contact_id,
        properties: readPropertyMap(row.properties, 'contacts.properties'),
        company: row.company === null ? null : readPropertyMap(row.company, 'contacts.company'),
        hsLastModified: row.hs_last_modified,
        updatedAt: row.updated_at,
      };
    },
    /** How many contacts a portal has stored. */
    async count(portalId: string): Promise<number> {
      const row = await ctx.db
        .selectFrom('contacts')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('portal_id', '=', portalId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** Deletion or merge in HubSpot: the snapshot goes, and so do writes not sent yet (HubSpot would reject them). */
    async remove(portalId: string, contactId: string): Promise<void> {
      await ctx.db
        .deleteFrom('contacts')
        .where('portal_id', '=', portalId)
        .where('contact_id', '=', contactId)
        .execute();
      await ctx.db
        .deleteFrom('outbox')
        .where('portal_id', '=', portalId)
        .where('contact_id', '=', contactId)
        .where('status', '=', 'pending')
        .execute();
    },
    /** Privacy deletion: removes everything stored about one contact, in one transaction. */
    forget(portalId: string, contactId: string): Promise<void> {
      return ctx.transaction(async (tx) => {
        const tables = [
          'contacts',
          'signal_history',
          'qualifications',
          'qualification_history',
          'verdicts',
          'outbox',
          'leads',
        ] as const;
        for (const table of tables) {
          await tx.db
            .deleteFrom(table)
            .where('portal_id', '=', portalId)
            .where('contact_id', '=', contactId)
            .execute();
        }
      });
    },
  } satisfies ContactsPort;
}

export type ContactsRepository = ReturnType<typeof contactsRepository>;
