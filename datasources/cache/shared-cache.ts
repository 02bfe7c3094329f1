import { MemoryKeyValueStore, type KeyValueStore } from './key-value-store';

/**
 * A cache shared by every request of the process, for upstream data that changes slowly (roles, sources,
 * role membership, local users). An interface so that a store shared by several replicas (Redis, Memcached)
 * can replace the in-process one without touching the loaders.
 */
export interface SharedCache {
  /**
   * Whether concurrent callers of one key share one load (and later callers its value). When they do, a load
   * belongs to no request: the catalog runs it under its own deadline and budget (`runDetached`).
   */
  readonly sharesLoads: boolean;
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
  peek<T>(key: string, refresh?: () => Promise<T>, options?: LoadOptions): Promise<T | undefined>;
  set<T>(key: string, value: T, options?: LoadOptions): void;
  /**
   * Forgets `keys` after a write changed what they hold: here, and in a store shared by replicas on every
   * replica, so the next read anywhere loads afresh. A load of one of them already in flight here is answered
   * to its callers but not kept.
   */
  invalidate(keys: readonly string[]): Promise<void>;
  /** Where writes keep their locks and idempotency records: shared by the replicas when the cache is. */
  readonly coordination: KeyValueStore;
  /**
   * Drops these keys, so the next read loads them again (the change feed's freshness, docs/changes.md).
   * `local`: only this process's copies (every replica does this for each change it hears of); `shared`: also
   * the shared store's (the replica that found the change).
   */
  forget(keys: readonly string[], scope: 'local' | 'shared'): Promise<void>;
  /** Lets background writes settle and releases connections (shutdown). */
  close(): Promise<void>;
}

export interface LoadOptions {
  /** Reference data: better a value a few minutes old than a failed answer while PrivX hiccups. */
  staleIfError?: boolean;
  /**
   * A whole-directory value (the role list, the directories, the role-membership index, the local-user list):
   * one of a fixed handful of keys, each as large as what it lists, which every warm request needs. Held apart
   * from the record bound (`maxRecords`, `CACHE_MAX_ENTRIES`), which then bounds only the per-user entries: a
   * directory larger than the bound must not turn every warm page into a rebuild (docs/cache.md#memory).
   */
  apart?: boolean;
}

/** TTL 0: nothing is kept and nothing is shared, every call loads. */
export class NoCache implements SharedCache {
  readonly coordination: KeyValueStore = new MemoryKeyValueStore();
  readonly sharesLoads = false;
  getOrLoad<T>(_key: string, load: () => Promise<T>): Promise<T> {
    return load();
  }
  peek<T>(): Promise<T | undefined> {
    return Promise.resolve(undefined);
  }
  set(): void {}
  async invalidate(): Promise<void> {}
  async forget(): Promise<void> {}
  async close(): Promise<void> {}
}
