/** The record and property shapes every stand-in object shares (contacts, companies, leads). */

/** A CRM record held by the stand-in; every value is a string, as HubSpot hands them out. */
export interface StandinRecord {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
}

export interface StandinOption {
  label: string;
  value: string;
  displayOrder?: number;
  hidden?: boolean;
}

export interface StandinProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  description?: string;
  options: StandinOption[];
}
