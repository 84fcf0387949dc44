/**
 * A port whose work can run in one write transaction: `fn` gets the same port bound to the transaction,
 * and a nested `transaction` on it joins the open one. The store implements it for every port it serves.
 */
export interface Transactional<Port> {
  transaction<T>(fn: (tx: Port & Transactional<Port>) => Promise<T>): Promise<T>;
}
