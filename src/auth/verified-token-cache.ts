import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

export interface VerifiedTokenCacheOptions {
  /** Tokens remembered at once; the least recently used is forgotten first. */
  maxEntries: number;
  /** Longest a verification is trusted without checking the signature again (a key withdrawn from the set stops counting after this). */
  maxAgeMs: number;
  /** `exp` (seconds) plus this is when a cached token stops being accepted: the same tolerance jose applies. */
  clockToleranceSeconds: number;
  now?: () => number;
}

/**
 * A router forwards the same caller's token on every request of a session, and checking its signature costs
 * about 0.2 ms of CPU each time. This remembers successful verifications only (a refusal is always checked
 * again), for at most `maxAgeMs` and never past the token's own `exp`. Entries are keyed by the token's
 * SHA-256, so no bearer token outlives the request that carried it.
 */
/** What the cache needs of a verification: when it stops counting. Generic, so this file needs nothing from the verifier. */
interface Expiring {
  /** `exp` (seconds since the epoch), when the token has one. */
  expiresAt?: number;
}

export function withVerifiedTokenCache<T extends Expiring>(verify: (token: string) => Promise<T>, options: VerifiedTokenCacheOptions): (token: string) => Promise<T> {
  const now = options.now ?? Date.now;
  const cache = new LRUCache<string, { token: T; until: number }>({ max: options.maxEntries });
  return async (token) => {
    const key = createHash('sha256').update(token).digest('base64');
    const at = now();
    const hit = cache.get(key);
    if (hit && at < hit.until) return hit.token;
    if (hit) cache.delete(key);
    const verified = await verify(token);
    const expiresAt = verified.expiresAt === undefined ? Infinity : (verified.expiresAt + options.clockToleranceSeconds) * 1000;
    cache.set(key, { token: verified, until: Math.min(at + options.maxAgeMs, expiresAt) });
    return verified;
  };
}
