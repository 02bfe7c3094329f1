import { LRUCache } from 'lru-cache';

/**
 * Small shared facts with an expiry, for coordinating writes: per-user locks and idempotency records. With
 * Redis every replica sees the same facts; otherwise they hold in this process only.
 */
export interface KeyValueStore {
  /** True when the facts are shared by every replica (Redis reachable right now). */
  readonly shared: boolean;
  /** Stores `value` only when `key` holds nothing; true when it did. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Deletes `key` only while it still holds `expected` (a lock is released only by its holder). */
  deleteIf(key: string, expected: string): Promise<boolean>;
  /** Gives `key` `ttlMs` more only while it still holds `expected` (a lease renewed only by its holder). */
  extendIf(key: string, expected: string, ttlMs: number): Promise<boolean>;
}

/** Bound of the in-process store: idempotency records of one busy day fit many times over. */
const MAX_KEPT = 100_000;

/** The in-process `KeyValueStore` (one replica, or Redis unreachable). */
export class MemoryKeyValueStore implements KeyValueStore {
  readonly shared = false;
  private readonly entries = new LRUCache<string, string>({ max: MAX_KEPT, ttlAutopurge: false, ttlResolution: 0 });

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.entries.has(key)) return false;
    this.entries.set(key, value, { ttl: ttlMs });
    return true;
  }

  async get(key: string): Promise<string | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.entries.set(key, value, { ttl: ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async deleteIf(key: string, expected: string): Promise<boolean> {
    if (this.entries.get(key) !== expected) return false;
    this.entries.delete(key);
    return true;
  }

  async extendIf(key: string, expected: string, ttlMs: number): Promise<boolean> {
    if (this.entries.get(key) !== expected) return false;
    this.entries.set(key, expected, { ttl: ttlMs });
    return true;
  }
}
