/** What one GraphQL request may spend upstream while it runs. */
export interface RequestBounds {
  /** After this, unfinished upstream calls are abandoned: their fields become errors, the rest is answered. */
  timeoutMs: number;
  /** Upstream calls (retries included) one request may make; a cold 100-user page with every field makes 20. */
  callBudget: number;
}

export const DEFAULT_REQUEST_BOUNDS: Readonly<RequestBounds> = { timeoutMs: 10_000, callBudget: 100 };
