import { MemoryKeyValueStore, type KeyValueStore } from './key-value-store';

/**
 * A cache shared by every request of the process, for upstream data that changes slowly (roles, sources,
 * role membership, local users). An interface so that a store shared by several replicas (Redis, Memcached)
 * can replace the in-process one without touching the loaders.
 */
export interface SharedCache {
  /**
   * The value under `key`, loading it when absent or expired. Concurrent callers of one key share a single
   * load; a failed load is not kept. With `staleIfError`, a failed load of an expired key answers the last
   * good value instead, as long as it expired no longer ago than the store's stale bound.
   */
  getOrLoad<T>(key: string, load: () => Promise<T>, options?: LoadOptions): Promise<T>;
  /**
   * The value under `key` if present; never waits for a load. A shared store may need a round trip for it, and
   * may answer a stale value (within its stale window), which it then refreshes in the background with
   * `refresh` when given.
   */
  peek<T>(key: string, refresh?: () => Promise<T>): Promise<T | undefined>;
  set<T>(key: string, value: T, options?: LoadOptions): void;
  /**
   * Forgets `keys` after a write changed what they hold: here, and in a store shared by replicas on every
   * replica, so the next read anywhere loads afresh. A load of one of them already in flight here is answered
   * to its callers but not kept.
   */
  invalidate(keys: readonly string[]): Promise<void>;
  /** Where writes keep their locks and idempotency records: shared by the replicas when the cache is. */
  readonly coordination: KeyValueStore;
  /** Lets background writes settle and releases connections (shutdown). */
  close(): Promise<void>;
}

export interface LoadOptions {
  /** Reference data: better a value a few minutes old than a failed answer while PrivX hiccups. */
  staleIfError?: boolean;
}

/** TTL 0: nothing is kept and nothing is shared, every call loads. */
export class NoCache implements SharedCache {
  readonly coordination: KeyValueStore = new MemoryKeyValueStore();
  getOrLoad<T>(_key: string, load: () => Promise<T>): Promise<T> {
    return load();
  }
  peek<T>(): Promise<T | undefined> {
    return Promise.resolve(undefined);
  }
  set(): void {}
  async invalidate(): Promise<void> {}
  async close(): Promise<void> {}
}
