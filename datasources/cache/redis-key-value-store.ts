import type { Redis } from 'ioredis';
import { MemoryKeyValueStore, type KeyValueStore } from './key-value-store';

const DELETE_IF = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND_IF = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/**
 * A `KeyValueStore` every replica shares, on the shared cache's Redis connection. While Redis is unreachable
 * each replica coordinates for itself (the in-process store), as the cache does: `shared` says which holds.
 */
export class RedisKeyValueStore implements KeyValueStore {
  private readonly fallback = new MemoryKeyValueStore();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly isAvailable: () => boolean,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  get shared(): boolean {
    return this.isAvailable();
  }

  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return this.run(async () => (await this.redis.set(this.keyOf(key), value, 'PX', ttlMs, 'NX')) === 'OK', () => this.fallback.setIfAbsent(key, value, ttlMs));
  }

  get(key: string): Promise<string | undefined> {
    return this.run(async () => (await this.redis.get(this.keyOf(key))) ?? undefined, () => this.fallback.get(key));
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    return this.run(async () => void (await this.redis.set(this.keyOf(key), value, 'PX', ttlMs)), () => this.fallback.set(key, value, ttlMs));
  }

  delete(key: string): Promise<void> {
    return this.run(async () => void (await this.redis.del(this.keyOf(key))), () => this.fallback.delete(key));
  }

  deleteIf(key: string, expected: string): Promise<boolean> {
    return this.run(async () => Number(await this.redis.eval(DELETE_IF, 1, this.keyOf(key), expected)) === 1, () => this.fallback.deleteIf(key, expected));
  }

  extendIf(key: string, expected: string, ttlMs: number): Promise<boolean> {
    return this.run(async () => Number(await this.redis.eval(EXTEND_IF, 1, this.keyOf(key), expected, String(ttlMs))) === 1, () => this.fallback.extendIf(key, expected, ttlMs));
  }

  private async run<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    if (!this.isAvailable()) return local();
    try {
      return await shared();
    } catch (error) {
      this.onFailure(error);
      return local();
    }
  }

  private keyOf(key: string): string {
    return `${this.prefix}:${key}`;
  }
}
