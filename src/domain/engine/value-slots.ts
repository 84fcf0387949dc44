import type { ContactRecord } from '../qualification';
import type { CompiledCondition } from './compile-condition';
import { readValue } from './read-value';

/**
 * Per-call memo of the values a compiled agreement reads, one slot per distinct property: several rules and
 * signals read the same property, and a keyed lookup on an arbitrary property map is the engine's dearest step.
 * `qualify` is synchronous and never re-entered, so one instance per compiled agreement serves every call.
 */
export class ValueSlots {
  private readonly stamps: Uint32Array;
  private readonly values: (string | null)[];
  private call = 0;
  private contact: ContactRecord = { id: '', properties: {} };

  constructor(size: number) {
    this.stamps = new Uint32Array(size);
    this.values = new Array<string | null>(size).fill(null);
  }

  /** Starts a new contact: every slot is stale until read again. */
  begin(contact: ContactRecord): void {
    this.call = (this.call + 1) >>> 0;
    if (this.call === 0) {
      this.stamps.fill(0);
      this.call = 1;
    }
    this.contact = contact;
  }

  /** The value the condition reads for the current contact (see `readValue`), read at most once per call. */
  read(condition: CompiledCondition): string | null {
    const slot = condition.slot;
    if (this.stamps[slot] === this.call) return this.values[slot]!;
    const value = readValue(this.contact, condition);
    this.stamps[slot] = this.call;
    this.values[slot] = value;
    return value;
  }
}
