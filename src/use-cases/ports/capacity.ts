/** Monthly sales_ready places per portal, taken atomically so concurrent workers never exceed capacity. */
export interface CapacityPort {
  /** Takes `n` places of `month` if all of them fit under `capacity`; all or nothing. */
  tryTakeCapacity(portalId: string, month: string, capacity: number, n: number): Promise<boolean>;
  /** Takes as many of `n` places as still fit (0..n) and returns how many it took. */
  takeUpTo(portalId: string, month: string, capacity: number, n: number): Promise<number>;
  /** Places used in a month. */
  used(portalId: string, month: string): Promise<number>;
}
