import type { Locale } from '../../domain/qualification';

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

/** An installation's status, reason and language: what pages and the card read, without opening its tokens. */
export type InstallationState = Pick<Installation, 'status' | 'statusReason' | 'locale'>;

/** Which HubSpot teams count as marketing and which as sales (set in the installation). */
export interface TeamMapping {
  marketingTeamIds: readonly string[];
  salesTeamIds: readonly string[];
}

/** Installed portals: tokens, connection status, team mapping, time zone. The store implements it. */
export interface InstallationsPort {
  /** Records an install (or re-install): connected, with fresh tokens. Team settings survive a re-install. */
  connect(portalId: string, tokens: OAuthTokens | null, scopes: string[], at: number): Promise<void>;
  /** The installation, tokens decrypted; undefined when the portal never installed. */
  get(portalId: string): Promise<Installation | undefined>;
  /** Status, reason and language, tokens left sealed; undefined when the portal never installed. */
  state(portalId: string): Promise<InstallationState | undefined>;
  /** Every installation, optionally only those with a status. */
  list(status?: InstallationStatus): Promise<Installation[]>;
  /**
   * Replaces the tokens after a refresh. With `ifExpiresAt`, only when nobody refreshed in between
   * (compare-and-set across workers); returns whether this call won.
   */
  setTokens(portalId: string, tokens: OAuthTokens, at: number, ifExpiresAt?: number | null): Promise<boolean>;
  /** Marks a portal connected or disconnected (uninstall, revoked tokens), with the reason users will see. */
  setStatus(portalId: string, status: InstallationStatus, reason: string | null, at: number): Promise<void>;
  /** Marks a portal disconnected and erases its tokens (removed: they were revoked at HubSpot first). */
  removeTokens(portalId: string, reason: string, at: number): Promise<void>;
  /** The installation's team mapping; null when the portal has no installation. */
  teamMapping(portalId: string): Promise<TeamMapping | null>;
  /** Replaces the portal's team mapping; the portal must have an installation. */
  setTeamMapping(portalId: string, mapping: TeamMapping, at: number): Promise<void>;
  /** The HubSpot account's time zone setting, as the account-info API reports it. */
  setTimeZone(portalId: string, timeZone: string, at: number): Promise<void>;
}
