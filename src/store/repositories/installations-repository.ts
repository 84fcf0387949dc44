import { z } from 'zod';
import { AppError } from '../../domain/app-error';
import { LOCALES, type Locale } from '../../domain/qualification';
import type { TokenCipher } from '../../security/token-cipher';
import type { DbContext } from '../db-context';
import type { InstallationsTable } from '../db-schema';
import { fromJson, toJson } from '../json-column';

export const INSTALLATION_STATUSES = ['connected', 'disconnected'] as const;
export type InstallationStatus = (typeof INSTALLATION_STATUSES)[number];

/** OAuth tokens in clear (only in memory; encrypted at rest). */
export interface OAuthTokens {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch ms when the access token expires. */
  expiresAt: number | null;
}

/** A connected (or formerly connected) HubSpot portal. */
export interface Installation {
  portalId: string;
  status: InstallationStatus;
  statusReason: string | null;
  tokens: OAuthTokens | null;
  scopes: string[];
  marketingTeamIds: string[];
  salesTeamIds: string[];
  locale: Locale;
  /** The HubSpot account's time zone setting (IANA name), null until read from the account-info API. */
  timeZone: string | null;
  installedAt: number;
  updatedAt: number;
}

const ids = z.array(z.string());

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

function toInstallation(row: InstallationsTable, open: (v: string | null) => string | null): Installation {
  const accessToken = open(row.access_token_enc);
  return {
    portalId: row.portal_id,
    status: z.enum(INSTALLATION_STATUSES).parse(row.status),
    statusReason: row.status_reason,
    tokens: accessToken
      ? { accessToken, refreshToken: open(row.refresh_token_enc), expiresAt: row.token_expires_at }
      : null,
    scopes: row.scopes ? row.scopes.split(' ').filter(Boolean) : [],
    marketingTeamIds: fromJson(ids, row.marketing_team_ids, 'installations.marketing_team_ids'),
    salesTeamIds: fromJson(ids, row.sales_team_ids, 'installations.sales_team_ids'),
    locale: z.enum(LOCALES).parse(row.locale),
    timeZone: row.time_zone,
    installedAt: row.installed_at,
    updatedAt: row.updated_at,
  };
}

/** Installed portals: tokens (AES-256-GCM at rest), connection status, which teams are marketing and sales. */
export function installationsRepository(ctx: DbContext, cipher?: TokenCipher) {
  const { seal, open } = sealer(cipher);
  return {
    /** Records an install (or re-install): connected, with fresh tokens. Team settings survive a re-install. */
    async connect(portalId: string, tokens: OAuthTokens | null, scopes: string[], at: number): Promise<void> {
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
    /** The installation, tokens decrypted; undefined when the portal never installed. */
    async get(portalId: string): Promise<Installation | undefined> {
      const row = await ctx.db
        .selectFrom('installations')
        .selectAll()
        .where('portal_id', '=', portalId)
        .executeTakeFirst();
      return row ? toInstallation(row, open) : undefined;
    },
    /** Every installation, optionally only those with a status. */
    async list(status?: InstallationStatus): Promise<Installation[]> {
      let query = ctx.db.selectFrom('installations').selectAll().orderBy('portal_id');
      if (status) query = query.where('status', '=', status);
      return (await query.execute()).map((row) => toInstallation(row, open));
    },
    /**
     * Replaces the tokens after a refresh. With `ifExpiresAt`, only when nobody refreshed in between
     * (compare-and-set across workers); returns whether this call won.
     */
    async setTokens(
      portalId: string,
      tokens: OAuthTokens,
      at: number,
      ifExpiresAt?: number | null,
    ): Promise<boolean> {
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
    /** Marks a portal connected or disconnected (uninstall, revoked tokens), with the reason users will see. */
    async setStatus(
      portalId: string,
      status: InstallationStatus,
      reason: string | null,
      at: number,
    ): Promise<void> {
      await ctx.db
        .updateTable('installations')
        .set({ status, status_reason: reason, updated_at: at })
        .where('portal_id', '=', portalId)
        .execute();
    },
    /** Marks a portal disconnected and erases its tokens (removed: they were revoked at HubSpot first). */
    async removeTokens(portalId: string, reason: string, at: number): Promise<void> {
      await ctx.db
        .updateTable('installations')
        .set({
          access_token_enc: null,
          refresh_token_enc: null,
          token_expires_at: null,
          status: 'disconnected',
          status_reason: reason,
          updated_at: at,
        })
        .where('portal_id', '=', portalId)
        .execute();
    },
    /** Which HubSpot team ids count as the marketing side and which as the sales side. */
    async setTeams(
      portalId: string,
      teams: { marketingTeamIds: string[]; salesTeamIds: string[] },
      at: number,
    ) {
      await ctx.db
        .updateTable('installations')
        .set({
          marketing_team_ids: toJson(teams.marketingTeamIds),
          sales_team_ids: toJson(teams.salesTeamIds),
          updated_at: at,
        })
        .where('portal_id', '=', portalId)
        .execute();
    },
    /** The HubSpot account's time zone setting, as the account-info API reports it. */
    async setTimeZone(portalId: string, timeZone: string, at: number): Promise<void> {
      await ctx.db
        .updateTable('installations')
        .set({ time_zone: timeZone, updated_at: at })
        .where('portal_id', '=', portalId)
        .execute();
    },
    /** The language reasons are written in for this portal. */
    async setLocale(portalId: string, locale: Locale, at: number): Promise<void> {
      await ctx.db
        .updateTable('installations')
        .set({ locale, updated_at: at })
        .where('portal_id', '=', portalId)
        .execute();
    },
  };
}

export type InstallationsRepository = ReturnType<typeof installationsRepository>;
