import { LRUCache } from 'lru-cache';
import { NoCache, type SharedCache } from './shared-cache';

export interface MemoryCacheOptions {
  ttlSeconds: number;
  /** Upper bound on the records held, counting a list as its length: keeps memory flat at any directory size. */
  maxRecords: number;
  /** Milliseconds of a monotonic clock; injectable so TTL tests need not sleep. */
  now?: () => number;
}

type Loader = () => Promise<unknown>;

/** Lists weigh their length so that one 30,000-user local list counts as what it holds. */
function weight(value: unknown): number {
  if (Array.isArray(value)) return value.length + 1;
  if (value instanceof Map) return value.size + 1;
  return 1;
}

/** In-process `SharedCache` over `lru-cache`, whose `fetch` already de-duplicates concurrent loads. */
export class MemoryCache implements SharedCache {
  private readonly lru: LRUCache<string, NonNullable<unknown>, Loader>;

  constructor({ ttlSeconds, maxRecords, now }: MemoryCacheOptions) {
    this.lru = new LRUCache<string, NonNullable<unknown>, Loader>({
      ...(now ? { perf: { now } } : {}),
      maxSize: maxRecords,
      sizeCalculation: (value) => Math.min(weight(value), maxRecords),
      ttl: ttlSeconds * 1000,
      ttlAutopurge: false,
      // Read the clock on every access rather than a value refreshed by a timer: exact expiry, no timers.
      ttlResolution: 0,
      fetchMethod: async (_key, _stale, { context }) => (await context()) as NonNullable<unknown>,
    });
  }

  async getOrLoad<T>(key: string, load: () => Promise<T>): Promise<T> {
    // lru-cache cannot hold undefined/null, so absence ("not found") is boxed by the callers that need it.
    return (await this.lru.fetch(key, { context: load })) as T;
  }

  peek<T>(key: string): T | undefined {
    return this.lru.get(key) as T | undefined;
  }

  set<T>(key: string, value: T): void {
    if (value !== undefined && value !== null) this.lru.set(key, value);
  }

  clear(): void {
    this.lru.clear();
  }
}

export function createSharedCache(options: MemoryCacheOptions): SharedCache {
  return options.ttlSeconds > 0 ? new MemoryCache(options) : new NoCache();
}
