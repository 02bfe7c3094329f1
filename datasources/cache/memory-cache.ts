import { LRUCache } from 'lru-cache';
import { reportCache } from '../telemetry';
import type { SharedCache } from './shared-cache';

export interface MemoryCacheOptions {
  ttlSeconds: number;
  /** Upper bound on the records held, counting a list as its length: keeps memory flat at any directory size. */
  maxRecords: number;
  /** Milliseconds of a monotonic clock; injectable so TTL tests need not sleep. */
  now?: () => number;
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
 * request must get slower, never fail.
 */
export class MemoryCache implements SharedCache {
  private readonly lru: LRUCache<string, NonNullable<unknown>>;
  private readonly loading = new Map<string, Promise<unknown>>();

  constructor({ ttlSeconds, maxRecords, now }: MemoryCacheOptions) {
    this.lru = new LRUCache<string, NonNullable<unknown>>({
      ...(now ? { perf: { now } } : {}),
      maxSize: maxRecords,
      // A value heavier than the whole bound is returned to its caller but not kept, so it evicts nothing.
      sizeCalculation: weight,
      ttl: ttlSeconds * 1000,
      ttlAutopurge: false,
      // Read the clock on every access rather than a value refreshed by a timer: exact expiry, no timers.
      ttlResolution: 0,
      disposeAfter: (_value, key, reason) => {
        if (reason === 'evict') reportCache(key, 'eviction');
      },
    });
  }

  getOrLoad<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.lru.get(key);
    if (hit !== undefined) {
      reportCache(key, 'hit');
      return Promise.resolve(hit as T);
    }
    let pending = this.loading.get(key) as Promise<T> | undefined;
    // Joining a load in flight costs no upstream call: a hit for whoever joins.
    reportCache(key, pending ? 'hit' : 'miss');
    if (!pending) {
      pending = load()
        .then((value) => {
          this.set(key, value);
          return value;
        })
        .finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  peek<T>(key: string): Promise<T | undefined> {
    return Promise.resolve(this.lru.get(key) as T | undefined);
  }

  set<T>(key: string, value: T): void {
    // lru-cache cannot hold undefined/null: callers box "not found" when it is worth keeping.
    if (value !== undefined && value !== null) this.lru.set(key, value);
  }

  async close(): Promise<void> {}
}
