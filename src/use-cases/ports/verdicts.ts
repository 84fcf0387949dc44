/** A rep's verdict on a handed-over lead. */
export interface StoredVerdict {
  contactId: string;
  userId: string;
  verdict: string;
  reason: string | null;
  note: string | null;
  at: number;
}

/** Rep verdicts (accepted / rejected with a reason), kept as a history per contact. The store implements it. */
export interface VerdictsPort {
  /** Records a verdict. */
  add(portalId: string, v: StoredVerdict): Promise<void>;
  /** Verdicts on one contact, newest first. */
  forContact(portalId: string, contactId: string): Promise<StoredVerdict[]>;
}
