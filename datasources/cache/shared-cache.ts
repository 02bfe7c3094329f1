/**
 * A cache shared by every request of the process, for upstream data that changes slowly (roles, sources,
 * role membership, local users). An interface so that a store shared by several replicas (Redis, Memcached)
 * can replace the in-process one without touching the loaders.
 */
export interface SharedCache {
  /**
   * The value under `key`, loading it when absent or expired. Concurrent callers of one key share a single
   * load; a failed load is not kept. With `staleIfError`, a failed load of an expired key answers the last
   * good value instead, as long as it expired no longer ago than the cache's stale-if-error bound.
   */
  getOrLoad<T>(key: string, load: () => Promise<T>, options?: LoadOptions): Promise<T>;
  /** The value under `key` if present and fresh; never loads. */
  peek<T>(key: string): T | undefined;
  set<T>(key: string, value: T, options?: LoadOptions): void;
}

export interface LoadOptions {
  /** Reference data: better a value a few minutes old than a failed answer while PrivX hiccups. */
  staleIfError?: boolean;
}

/** TTL 0: nothing is kept and nothing is shared, every call loads. */
export class NoCache implements SharedCache {
  getOrLoad<T>(_key: string, load: () => Promise<T>): Promise<T> {
    return load();
  }
  peek<T>(): T | undefined {
    return undefined;
  }
  set(): void {}
}
