import { LRUCache } from 'lru-cache';
import { reportCache } from '../telemetry';
import { MemoryKeyValueStore, type KeyValueStore } from './key-value-store';
import type { LoadOptions, SharedCache } from './shared-cache';

export interface MemoryCacheOptions {
  ttlSeconds: number;
  /** Upper bound on the records held, counting a list as its length: keeps memory flat at any directory size. */
  maxRecords: number;
  /** How long past its TTL a `staleIfError` value may still stand in for a failed refresh; 0: never. */
  staleIfErrorSeconds?: number;
  /** Milliseconds of a monotonic clock; injectable so TTL tests need not sleep. */
  now?: () => number;
}

interface Entry {
  value: NonNullable<unknown>;
  /** Clock time after which the value is stale: still kept (for `staleIfError`), no longer served as fresh. */
  freshUntil: number;
}

/** Lists weigh their length so that one 30,000-user local list counts as what it holds. */
export function weight(value: unknown): number {
  if (Array.isArray(value)) return value.length + 1;
  if (value instanceof Map) return value.size + 1;
  return 1;
}

/**
 * In-process `SharedCache` over `lru-cache`. Loads in flight are shared through a map of their own rather than
 * `lru-cache`'s `fetch`, which rejects a load whose entry gets evicted meanwhile: under memory pressure a
 * request must get slower, never fail. A `staleIfError` value is kept for its TTL plus the stale-if-error
 * bound, and freshness is judged here, so that only a failed refresh ever sees the stale part.
 */
export class MemoryCache implements SharedCache {
  readonly coordination: KeyValueStore = new MemoryKeyValueStore();
  private readonly lru: LRUCache<string, Entry>;
  private readonly loading = new Map<string, Promise<unknown>>();
  private readonly ttlMs: number;
  private readonly staleMs: number;
  private readonly now: () => number;

  constructor({ ttlSeconds, maxRecords, staleIfErrorSeconds = 0, now }: MemoryCacheOptions) {
    this.ttlMs = ttlSeconds * 1000;
    this.staleMs = staleIfErrorSeconds * 1000;
    this.now = now ?? (() => performance.now());
    this.lru = new LRUCache<string, Entry>({
      perf: { now: this.now },
      maxSize: maxRecords,
      // A value heavier than the whole bound is returned to its caller but not kept, so it evicts nothing.
      sizeCalculation: (entry) => weight(entry.value),
      ttl: this.ttlMs,
      ttlAutopurge: false,
      // Read the clock on every access rather than a value refreshed by a timer: exact expiry, no timers.
      ttlResolution: 0,
      disposeAfter: (_value, key, reason) => {
        if (reason === 'evict') reportCache(key, 'eviction');
      },
    });
  }

  getOrLoad<T>(key: string, load: () => Promise<T>, options?: LoadOptions): Promise<T> {
    const fresh = this.fresh<T>(key);
    if (fresh !== undefined) {
      reportCache(key, 'hit');
      return Promise.resolve(fresh);
    }
    let pending = this.loading.get(key) as Promise<T> | undefined;
    // Joining a load in flight costs no upstream call: a hit for whoever joins.
    reportCache(key, pending ? 'hit' : 'miss');
    if (!pending) {
      pending = load()
        .then(
          (value) => {
            // Not kept when a write invalidated the key while it loaded: the value may predate the write.
            if (this.loading.get(key) === pending) this.set(key, value, options);
            return value;
          },
          (error: unknown) => {
            const stale = options?.staleIfError ? this.lru.get(key) : undefined;
            if (stale === undefined) throw error;
            return stale.value as T;
          },
        )
        .finally(() => {
          if (this.loading.get(key) === pending) this.loading.delete(key);
        });
      this.loading.set(key, pending);
    }
    return pending;
  }

  peek<T>(key: string): Promise<T | undefined> {
    return Promise.resolve(this.fresh<T>(key));
  }

  private fresh<T>(key: string): T | undefined {
    const entry = this.lru.get(key);
    return entry !== undefined && this.now() < entry.freshUntil ? (entry.value as T) : undefined;
  }

  set<T>(key: string, value: T, options?: LoadOptions): void {
    // lru-cache cannot hold undefined/null: callers box "not found" when it is worth keeping.
    if (value === undefined || value === null) return;
    const keepMs = this.ttlMs + (options?.staleIfError ? this.staleMs : 0);
    this.lru.set(key, { value, freshUntil: this.now() + this.ttlMs }, { ttl: keepMs });
  }

  async invalidate(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      this.lru.delete(key);
      this.loading.delete(key);
    }
  }

  async close(): Promise<void> {}
}
