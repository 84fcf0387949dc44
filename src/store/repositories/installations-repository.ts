import { z } from 'zod';
import { AppError } from '../../domain/app-error';
import { LOCALES } from '../../domain/qualification';
import type { TokenCipher } from '../../security/token-cipher';
import {
  INSTALLATION_STATUSES,
  type Installation,
  type InstallationsPort,
  type InstallationState,
} from '../../use-cases/ports/installations';
import type { DbContext } from '../db-context';
import type { InstallationsTable } from '../db-schema';
import { storedTeamIds } from '../team-ids';
import { fromJson, toJson } from '../json-column';

const statusOf = (status: string) => z.enum(INSTALLATION_STATUSES).parse(status);
const localeOf = (locale: string) => z.enum(LOCALES).parse(locale);

function sealer(cipher: TokenCipher | undefined) {
  const need = (): TokenCipher => {
    if (!cipher)
      throw new AppError('internal', 'TOKEN_ENCRYPTION_KEY is required to store or read OAuth tokens');
    return cipher;
  };
  return {
    seal: (value: string | null) => (value === null ? null : need().encrypt(value)),
    open: (value: string | null) => (value === null ? null : need().decrypt(value)),
  };
}

function teamMappingOf(row: Pick<InstallationsTable, 'marketing_team_ids' | 'sales_team_ids'>) {
  return {
    marketingTeamIds: fromJson(storedTeamIds, row.marketing_team_ids, 'installations.marketing_team_ids'),
    salesTeamIds: fromJson(storedTeamIds, row.sales_team_ids, 'installations.sales_team_ids'),
  };
}

/** The installation's status row as the card and pages read it (see InstallationState). */
export function toInstallationState(
  row: Pick<InstallationsTable, 'status' | 'status_reason' | 'locale'>,
): InstallationState {
  return { status: statusOf(row.status), statusReason: row.status_reason, locale: localeOf(row.locale) };
}

function toInstallation(row: InstallationsTable, open: (v: string | null) => string | null): Installation {
  const accessToken = open(row.access_token_enc);
  return {
    portalId: row.portal_id,
    status: statusOf(row.status),
    statusReason: row.status_reason,
    tokens: accessToken
      ? { accessToken, refreshToken: open(row.refresh_token_enc), expiresAt: row.token_expires_at }
      : null,
    scopes: row.scopes ? row.scopes.split(' ').filter(Boolean) : [],
    ...teamMappingOf(row),
    locale: localeOf(row.locale),
    timeZone: row.time_zone,
    installedAt: row.installed_at,
    updatedAt: row.updated_at,
  };
}

/** Installed portals: tokens (AES-256-GCM at rest), connection status, which teams are marketing and sales. */
export function installationsRepository(ctx: DbContext, cipher?: TokenCipher): InstallationsPort {
  const { seal, open } = sealer(cipher);
  const update = (portalId: string, values: Partial<InstallationsTable>) =>
    ctx.db.updateTable('installations').set(values).where('portal_id', '=', portalId).execute();
  return {
    async connect(portalId, tokens, scopes, at) {
      const values = {
        access_token_enc: seal(tokens?.accessToken ?? null),
        refresh_token_enc: seal(tokens?.refreshToken ?? null),
        token_expires_at: tokens?.expiresAt ?? null,
        scopes: scopes.join(' '),
        status: 'connected',
        status_reason: null,
        updated_at: at,
      };
      await ctx.db
        .insertInto('installations')
        .values({
          portal_id: portalId,
          ...values,
          marketing_team_ids: '[]',
          sales_team_ids: '[]',
          locale: 'en',
          installed_at: at,
        })
        .onConflict((oc) => oc.column('portal_id').doUpdateSet(values))
        .execute();
    },
    async get(portalId) {
      const row = await ctx.db
        .selectFrom('installations')
        .selectAll()
        .where('portal_id', '=', portalId)
        .executeTakeFirst();
      return row ? toInstallation(row, open) : undefined;
    },
    async state(portalId) {
      const row = await ctx.db
        .selectFrom('installations')
        .select(['status', 'status_reason', 'locale'])
        .where('portal_id', '=', portalId)
        .executeTakeFirst();
      return row ? toInstallationState(row) : undefined;
    },
    async list(status) {
      let query = ctx.db.selectFrom('installations').selectAll().orderBy('portal_id');
      if (status) query = query.where('status', '=', status);
      return (await query.execute()).map((row) => toInstallation(row, open));
    },
    async setTokens(portalId, tokens, at, ifExpiresAt) {
      let query = ctx.db
        .updateTable('installations')
        .set({
          access_token_enc: seal(tokens.accessToken),
          refresh_token_enc: seal(tokens.refreshToken),
          token_expires_at: tokens.expiresAt,
          updated_at: at,
        })
        .where('portal_id', '=', portalId);
      if (ifExpiresAt !== undefined) {
        query =
          ifExpiresAt === null
            ? query.where('token_expires_at', 'is', null)
            : query.where('token_expires_at', '=', ifExpiresAt);
      }
      const result = await query.executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async setStatus(portalId, status, reason, at) {
      await update(portalId, { status, status_reason: reason, updated_at: at });
    },
    async removeTokens(portalId, reason, at) {
      await update(portalId, {
        access_token_enc: null,
        refresh_token_enc: null,
        token_expires_at: null,
        status: 'disconnected',
        status_reason: reason,
        updated_at: at,
      });
    },
    async teamMapping(portalId) {
      const row = await ctx.db
        .selectFrom('installations')
        .select(['marketing_team_ids', 'sales_team_ids'])
        .where('portal_id', '=', portalId)
        .executeTakeFirst();
      return row ? teamMappingOf(row) : null;
    },
    async setTeamMapping(portalId, mapping, at) {
      await update(portalId, {
        marketing_team_ids: toJson(mapping.marketingTeamIds),
        sales_team_ids: toJson(mapping.salesTeamIds),
        updated_at: at,
      });
    },
    async setTimeZone(portalId, timeZone, at) {
      await update(portalId, { time_zone: timeZone, updated_at: at });
    },
  };
}

export type InstallationsRepository = InstallationsPort;
