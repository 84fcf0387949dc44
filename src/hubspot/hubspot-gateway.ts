import type { ContactRecord, PropertyMap } from '../domain/qualification';

/** HubSpot caps batch read/update inputs and list/search pages at 100. */
export const HUBSPOT_BATCH_LIMIT = 100;

/** A contact read from HubSpot, with its primary company's properties when asked for. */
export interface HubSpotContact extends ContactRecord {
  companyId?: string | null;
  /** ISO timestamp HubSpot reports as `updatedAt`. */
  updatedAt?: string;
}

export interface ReadContactsResult {
  contacts: HubSpotContact[];
  /** Requested ids HubSpot does not know (deleted or merged away). */
  missing: string[];
}

/** Properties to write onto one contact (an empty string clears a value). */
export interface ContactUpdate {
  id: string;
  properties: Record<string, string>;
}

/** A contact HubSpot refused to update, with HubSpot's own words. */
export interface RejectedUpdate {
  id: string;
  message: string;
  category: string;
}

export interface UpdateContactsResult {
  written: string[];
  rejected: RejectedUpdate[];
}

export interface ContactPage {
  contacts: HubSpotContact[];
  /** Cursor for the next page; undefined on the last page. */
  after?: string;
}

export interface SearchPage extends ContactPage {
  /** Total matches for the whole query (HubSpot serves at most 10,000 of them). */
  total: number;
}

/** Epoch-ms window [from, to) on `lastmodifieddate`. */
export interface ModifiedWindow {
  from: number;
  to: number;
}

/** A company whose contacts are wanted, with HubSpot's cursor when an earlier page of them was read. */
export interface CompanyContactsRequest {
  companyId: string;
  after?: string;
}

/** One page of a company's associated contacts; `after` is set when there are more. */
export interface CompanyContactsPage {
  companyId: string;
  contactIds: string[];
  after?: string;
}

/** A page of a company search: ids only. */
export interface CompanyIdsPage {
  companyIds: string[];
  /** Total matches for the whole query (HubSpot serves at most 10,000 of them). */
  total: number;
  after?: string;
}

/** A team of the HubSpot account (`GET /settings/v3/users/teams`). */
export interface HubSpotTeam {
  id: string;
  name: string;
}

/** A user of the HubSpot account (`GET /settings/v3/users/{userId}`): their team ids, primary first. */
export interface HubSpotUser {
  id: string;
  email: string | null;
  teamIds: string[];
  /** A super admin of the account: the one who may say which teams are marketing and which are sales. */
  superAdmin: boolean;
}

/** A CRM owner (`GET /crm/v3/owners`): the user records are assigned to; `id` is what `hubspot_owner_id` holds. */
export interface HubSpotOwner {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  archived: boolean;
  /** The HubSpot user behind the owner (signed requests' and the settings API's user id); null when HubSpot gives none. */
  userId?: string | null;
  /** The HubSpot teams the owner belongs to (`teams[].id` of the owners API; empty without teams). */
  teamIds?: string[];
}

/** One page of owners; `after` is set when there are more. */
export interface OwnersPage {
  owners: HubSpotOwner[];
  after?: string;
}

/** What the install bootstrap did to the `lead_pact` group and properties. */
export interface EnsurePropertiesReport {
  groupCreated: boolean;
  created: string[];
  /** Enumeration properties whose missing options were added. */
  optionsAdded: string[];
  unchanged: string[];
}

/** A CRM property as a picker offers it (`GET /crm/v3/properties/{objectType}`), visible options only. */
export interface CrmProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  options: { value: string; label: string }[];
}

/** The account's settings the app needs (`GET /account-info/v3/details`). */
export interface AccountDetails {
  portalId: number;
  /** The account's time zone setting: HubSpot's daily limit resets at midnight there. */
  timeZone: string;
}

/** What resumes a blocked workflow action: its output fields, every value a string as HubSpot's callback API takes them. */
export interface WorkflowCallbackCompletion {
  outputFields: Record<string, string>;
}

/**
 * The port through which the app talks to one HubSpot portal. Failures are AppErrors: `rate_limited`
 * (with the HubSpot policy), `upstream_failed`, `unauthorized`, `forbidden`, `invalid_input`.
 */
export interface HubSpotGateway {
  readContacts(
    ids: readonly string[],
    properties: readonly string[],
    companyProperties: readonly string[],
  ): Promise<ReadContactsResult>;
  updateContacts(inputs: readonly ContactUpdate[]): Promise<UpdateContactsResult>;
  listContacts(after: string | undefined, properties: readonly string[]): Promise<ContactPage>;
  searchModifiedSince(
    window: ModifiedWindow,
    after: string | undefined,
    properties: readonly string[],
  ): Promise<SearchPage>;
  ensureProperties(): Promise<EnsurePropertiesReport>;
  getAccountDetails(): Promise<AccountDetails>;
  /** The user's teams and whether they are a super admin (`GET /settings/v3/users/{userId}`); null when unknown. */
  getUser(userId: string): Promise<HubSpotUser | null>;
  /** The portal's properties of contacts or companies, hidden and archived ones left out. */
  listProperties(objectType: 'contacts' | 'companies'): Promise<CrmProperty[]>;
  /** Every team of the account with its name (scope `settings.users.teams.read`). */
  listTeams(): Promise<HubSpotTeam[]>;
  /** One page of owners, active or archived (scope `crm.objects.owners.read`). */
  listOwners(after: string | undefined, archived: boolean): Promise<OwnersPage>;
  /** One page of each company's associated contact ids (associations v4 batch read, up to 100 companies). */
  readCompanyContacts(inputs: readonly CompanyContactsRequest[]): Promise<CompanyContactsPage[]>;
  /** One page (up to 100) of the ids of companies modified in the window, oldest first. */
  searchCompaniesModifiedSince(window: ModifiedWindow, after: string | undefined): Promise<CompanyIdsPage>;
  /** Resumes a workflow enrollment the "Qualify with Lead Pact" action blocked (scope `automation`). */
  completeWorkflowCallback(callbackId: string, completion: WorkflowCallbackCompletion): Promise<void>;
}

export type { PropertyMap };
