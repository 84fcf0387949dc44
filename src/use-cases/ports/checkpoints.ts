/** Named per-portal checkpoints (sync cursors, rescore positions): a JSON value under a name. */
export interface CheckpointsPort {
  /** The stored value, or undefined when none was saved; callers parse it with their own schema. */
  get(portalId: string, name: string): Promise<unknown>;
  /** Saves (or replaces) a checkpoint. */
  set(portalId: string, name: string, value: unknown, at: number): Promise<void>;
  /** Forgets a checkpoint. */
  delete(portalId: string, name: string): Promise<void>;
}
