import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { reportCache } from '../telemetry';
import { weight } from './memory-cache';
import type { KeyValueStore } from './key-value-store';
import { RedisKeyValueStore } from './redis-key-value-store';
import type { SharedCache } from './shared-cache';
import { CACHE_SCHEMA_VERSION, decodeValue, encodeValue } from './value-codec';

export interface RedisCacheOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…`. */
  url: string;
  ttlSeconds: number;
  /** How long past its TTL a value may still be served while one replica refreshes it (or PrivX fails). */
  staleSeconds: number;
  /** Bound of the in-process tier, in records as `MemoryCache` counts them; a heavier value is not cached. */
  maxRecords: number;
  /** Life of the refresh lock, and the longest a replica waits for another's load of a missing key. */
  lockMs: number;
  /** Longest wait for one Redis command before the replica goes to PrivX instead. */
  timeoutMs: number;
  /** Namespace of every key, so deployments can share one Redis. */
  keyPrefix: string;
  /** Where warnings go (Redis down or back, a failed background refresh); never given the URL or a value. */
  warn: (message: string) => void;
  /** Wall-clock milliseconds (replicas compare freshness through it); injectable for expiry tests. */
  now?: () => number;
}

interface Entry {
  value: unknown;
  freshUntil: number;
}

/** A read that could not reach Redis: the caller goes to PrivX. */
const UNAVAILABLE = Symbol('redis unavailable');
/** While another replica refreshes, a stale value is re-read from Redis this often. */
const STALE_RECHECK_MS = 1_000;
const WAIT_POLL_MS = 25;
/** Deletes the lock only if it is still ours: it may have expired and been taken by another replica. */
const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * A `SharedCache` shared by every replica through Redis, in front of an in-process tier that holds decoded
 * values until they go stale (so a warm replica costs Redis nothing per request).
 *
 * - Each value is stored with the time it stops being fresh, and kept by Redis for `staleSeconds` more.
 * - A miss on a missing key: one replica takes a short lock (`SET NX PX`) and loads; the others poll for its
 *   value (up to `lockMs`), then load themselves. A stale key: it is served at once while the replica that
 *   takes the lock refreshes it in the background (stale-while-revalidate), so PrivX sees one refresh, and a
 *   failed refresh leaves the stale value to serve until it expires.
 * - Redis slow or down: every operation gives up after `timeoutMs` (none waits for a reconnect), the replica
 *   loads from PrivX as if alone and warns once; ioredis reconnects by itself and the replica warns again.
 */
export class RedisCache implements SharedCache {
  private readonly redis: Redis;
  /** Hears the other replicas' invalidations (a connection in subscriber mode serves nothing else). */
  private readonly subscriber: Redis;
  /** Bumped when a key is invalidated: a load that began under an older epoch is not kept. */
  private readonly epochs = new LRUCache<string, number>({ max: 10_000 });
  private readonly replicaId = randomUUID();
  readonly coordination: KeyValueStore;
  private readonly local: LRUCache<string, NonNullable<unknown>>;
  private readonly loading = new Map<string, Promise<unknown>>();
  private readonly background = new Set<Promise<unknown>>();
  private readonly now: () => number;
  private available = false;
  private closing = false;
  private warnedDown = false;

  constructor(private readonly options: RedisCacheOptions) {
    this.now = options.now ?? Date.now;
    this.local = new LRUCache<string, NonNullable<unknown>>({
      perf: { now: this.now },
      maxSize: options.maxRecords,
      sizeCalculation: weight,
      ttlAutopurge: false,
      ttlResolution: 0,
    });
    this.redis = new Redis(options.url, {
      // Fail fast while disconnected rather than queue: a request must never wait for a reconnect.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.timeoutMs,
      connectTimeout: Math.max(options.timeoutMs, 1_000),
      retryStrategy: (attempt) => Math.min(100 * attempt, 2_000),
      // The keys one GraphQL request reads go out as one round trip.
      enableAutoPipelining: true,
    });
    this.redis.on('ready', () => {
      this.available = true;
      this.up();
    });
    this.redis.on('error', (error: Error) => this.down(error));
    this.redis.on('close', () => {
      if (this.available && !this.closing) this.down(new Error('connection closed'));
      this.available = false;
    });
    this.coordination = new RedisKeyValueStore(this.redis, `${options.keyPrefix}:${CACHE_SCHEMA_VERSION}:writes`, () => this.available, (error) => this.down(error));
    // Queued while connecting and re-subscribed after a reconnect by ioredis itself; its errors are the main
    // connection's to report.
    this.subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, message: string) => this.onInvalidation(message));
    this.subscriber.subscribe(this.invalidationChannel()).catch(() => undefined);
  }

  async invalidate(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.forgetLocally(key);
    if (!this.available || keys.length === 0) return;
    try {
      await this.redis.del(...keys.map((key) => this.keyOf(key)));
      await this.redis.publish(this.invalidationChannel(), JSON.stringify({ from: this.replicaId, keys }));
    } catch (error) {
      this.down(error);
    }
  }

  private onInvalidation(message: string): void {
    try {
      const { from, keys } = JSON.parse(message) as { from?: string; keys?: unknown };
      if (from === this.replicaId || !Array.isArray(keys)) return;
      for (const key of keys) if (typeof key === 'string') this.forgetLocally(key);
    } catch {
      // Not ours to read: another release's message on a shared Redis.
    }
  }

  private forgetLocally(key: string): void {
    this.local.delete(key);
    this.loading.delete(key);
    this.epochs.set(key, (this.epochs.get(key) ?? 0) + 1);
  }

  private invalidationChannel(): string {
    return `${this.options.keyPrefix}:${CACHE_SCHEMA_VERSION}:invalidate`;
  }

  async getOrLoad<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.local.get(key);
    if (hit !== undefined) {
      reportCache(key, 'hit');
      return hit as T;
    }
    let pending = this.loading.get(key) as Promise<T> | undefined;
    // Joining a resolution in flight costs no upstream call: a hit for whoever joins.
    if (pending) reportCache(key, 'hit');
    if (!pending) {
      const mine: Promise<T> = this.resolve(key, load).finally(() => {
        if (this.loading.get(key) === mine) this.loading.delete(key);
      });
      pending = mine;
      this.loading.set(key, pending);
    }
    return pending;
  }

  async peek<T>(key: string, refresh?: () => Promise<T>): Promise<T | undefined> {
    const hit = this.local.get(key);
    if (hit !== undefined) return hit as T;
    const entry = await this.read(key);
    if (entry === UNAVAILABLE || entry === undefined) return undefined;
    const left = entry.freshUntil - this.now();
    if (left > 0) {
      this.keepLocally(key, entry.value, left);
    } else {
      // Stale is what every replica serves while one refreshes, as `getOrLoad` does.
      if (refresh) this.track(this.revalidate(key, refresh));
      this.keepLocally(key, entry.value, STALE_RECHECK_MS);
    }
    return entry.value as T;
  }

  set<T>(key: string, value: T): void {
    this.track(this.store(key, value));
  }

  /** Resolves once every background refresh and write has settled (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  async close(): Promise<void> {
    await this.idle();
    this.closing = true;
    this.subscriber.disconnect();
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }

  private async resolve<T>(key: string, load: () => Promise<T>): Promise<T> {
    const entry = await this.read(key);
    if (entry === UNAVAILABLE) return this.loadAndStore(key, load);
    if (entry) {
      reportCache(key, 'hit'); // fresh, or stale and served while one replica refreshes it
      const left = entry.freshUntil - this.now();
      if (left > 0) {
        this.keepLocally(key, entry.value, left);
        return entry.value as T;
      }
      this.track(this.revalidate(key, load));
      this.keepLocally(key, entry.value, STALE_RECHECK_MS);
      return entry.value as T;
    }
    return this.loadOnce(key, load);
  }

  /** A key nobody holds: one replica loads it, the others wait for its value, within `lockMs`. */
  private async loadOnce<T>(key: string, load: () => Promise<T>): Promise<T> {
    const deadline = performance.now() + this.options.lockMs;
    while (performance.now() < deadline) {
      const token = await this.lock(key);
      if (token === UNAVAILABLE) break;
      if (token) {
        try {
          const entry = await this.read(key);
          if (entry !== UNAVAILABLE && entry !== undefined) return this.sharedHit(key, entry);
          return await this.loadAndStore(key, load);
        } finally {
          await this.unlock(key, token);
        }
      }
      await sleep(WAIT_POLL_MS);
      const entry = await this.read(key);
      if (entry === UNAVAILABLE) break;
      if (entry) return this.sharedHit(key, entry);
    }
    return this.loadAndStore(key, load);
  }

  /** A stale key: refreshed by whichever replica takes the lock; the others keep serving the stale value. */
  private async revalidate<T>(key: string, load: () => Promise<T>): Promise<void> {
    const token = await this.lock(key);
    if (!token || token === UNAVAILABLE) return;
    try {
      // Another replica may have refreshed it between our read and our lock.
      const entry = await this.read(key);
      if (entry !== UNAVAILABLE && entry !== undefined && entry.freshUntil > this.now()) {
        this.keepLocally(key, entry.value, entry.freshUntil - this.now());
        return;
      }
      await this.loadAndStore(key, load);
    } catch (error) {
      this.options.warn(`Refreshing cached ${key} failed (${error instanceof Error ? error.message : String(error)}); serving the previous value.`);
    } finally {
      await this.unlock(key, token);
    }
  }

  /** Another replica loaded it while this one waited. */
  private sharedHit<T>(key: string, entry: Entry): T {
    reportCache(key, 'hit');
    this.keepLocally(key, entry.value, entry.freshUntil - this.now());
    return entry.value as T;
  }

  private async loadAndStore<T>(key: string, load: () => Promise<T>): Promise<T> {
    reportCache(key, 'miss');
    const epoch = this.epochs.get(key) ?? 0;
    const value = await load();
    // Invalidated while it loaded: the value may predate the write, so it is answered but not kept.
    if ((this.epochs.get(key) ?? 0) === epoch) await this.store(key, value);
    return value;
  }

  private async store(key: string, value: unknown): Promise<void> {
    if (value === undefined || value === null || weight(value) > this.options.maxRecords) return;
    const ttlMs = this.options.ttlSeconds * 1000;
    const freshUntil = this.now() + ttlMs;
    this.keepLocally(key, value, ttlMs);
    if (!this.available) return;
    let payload: Buffer;
    try {
      payload = encodeEntry(value, freshUntil);
    } catch (error) {
      this.options.warn(`Not sharing cached ${key}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    try {
      await this.redis.set(this.keyOf(key), payload, 'PX', ttlMs + this.options.staleSeconds * 1000);
    } catch (error) {
      this.down(error);
    }
  }

  private async read(key: string): Promise<Entry | undefined | typeof UNAVAILABLE> {
    if (!this.available) return UNAVAILABLE;
    let bytes: Buffer | null;
    try {
      bytes = await this.redis.getBuffer(this.keyOf(key));
      this.up();
    } catch (error) {
      this.down(error);
      return UNAVAILABLE;
    }
    if (!bytes) return undefined;
    try {
      return decodeEntry(bytes);
    } catch {
      // Unreadable bytes under our versioned key: treat as absent, the next store overwrites them.
      return undefined;
    }
  }

  /** A fresh token when the lock was taken, `null` when another replica holds it. */
  private async lock(key: string): Promise<string | null | typeof UNAVAILABLE> {
    if (!this.available) return UNAVAILABLE;
    const token = randomUUID();
    try {
      return (await this.redis.set(this.lockOf(key), token, 'PX', this.options.lockMs, 'NX')) === 'OK' ? token : null;
    } catch (error) {
      this.down(error);
      return UNAVAILABLE;
    }
  }

  private async unlock(key: string, token: string): Promise<void> {
    if (!this.available) return; // it expires by itself
    try {
      await this.redis.eval(RELEASE_LOCK, 1, this.lockOf(key), token);
    } catch (error) {
      this.down(error);
    }
  }

  private keepLocally(key: string, value: unknown, ttlMs: number): void {
    if (value !== undefined && value !== null && ttlMs > 0) this.local.set(key, value, { ttl: ttlMs });
  }

  private track(work: Promise<unknown>): void {
    this.background.add(work);
    void work.finally(() => this.background.delete(work));
  }

  /** Resolves `true` once connected, `false` after `timeoutMs`: lets a replica start warm-aware, not blind. */
  async whenReady(timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (!this.available && performance.now() < deadline) await sleep(WAIT_POLL_MS);
    return this.available;
  }

  private up(): void {
    if (!this.warnedDown) return;
    this.warnedDown = false;
    this.options.warn('Redis cache reachable again: sharing the cache with the other replicas.');
  }

  private down(error: unknown): void {
    if (this.warnedDown) return;
    this.warnedDown = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.options.warn(`Redis cache unavailable (${reason}): loading from PrivX and caching in this replica only until it is back.`);
  }

  private keyOf(key: string): string {
    return `${this.options.keyPrefix}:${CACHE_SCHEMA_VERSION}:${key}`;
  }

  private lockOf(key: string): string {
    return `${this.options.keyPrefix}:${CACHE_SCHEMA_VERSION}:lock:${key}`;
  }
}

/** 8 bytes of "fresh until" (ms since the epoch), then the encoded value. */
function encodeEntry(value: unknown, freshUntil: number): Buffer {
  const header = Buffer.alloc(8);
  header.writeDoubleBE(freshUntil);
  return Buffer.concat([header, encodeValue(value)]);
}

function decodeEntry(bytes: Buffer): Entry {
  return { freshUntil: bytes.readDoubleBE(0), value: decodeValue(bytes.subarray(8)) };
}
