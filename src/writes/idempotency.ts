import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { GraphQLError } from 'graphql';
import type { KeyValueStore } from '../../datasources/cache';
import { currentRequestScope } from '../../datasources/v41/request-scope';

/** How long a finished request's payload answers a repeat of its key. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const POLL_MS = 25;

type Entry = { state: 'running'; input: string } | { state: 'done'; input: string; payload: unknown };

/** What `claim` decided. */
export type Claim =
  | { kind: 'first'; finish(payload: unknown): Promise<void>; abandon(): Promise<void> }
  | { kind: 'replay'; payload: unknown }
  | { kind: 'reused' };

/** The stored form of a key: hashed, so a key (which a client may derive from something private) never lands in Redis or a log. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A stable hash of the input a key was first used with (object keys sorted). */
export function hashInput(input: unknown): string {
  return createHash('sha256').update(stableJson(input)).digest('hex');
}

function stableJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Idempotency keys (docs/writes.md, "Idempotency"), kept in the shared store so every replica sees them. The
 * first request with a key marks it running, does the work and stores its payload for 24 hours; a repeat with
 * the same input gets that payload and writes nothing, one with a different input is refused, and one that
 * arrives while the first is still running waits for it (within its own deadline).
 */
export class IdempotencyKeys {
  constructor(
    private readonly store: KeyValueStore,
    /** How long a running mark lives if its request dies without finishing (longer than any request). */
    private readonly runningTtlMs: number,
  ) {}

  async claim(scope: string, key: string, input: unknown): Promise<Claim> {
    const id = `idempotency:${hashKey(`${scope}\u0000${key}`)}`;
    const inputHash = hashInput(input);
    const running = JSON.stringify({ state: 'running', input: inputHash } satisfies Entry);
    for (;;) {
      if (await this.store.setIfAbsent(id, running, this.runningTtlMs)) {
        return {
          kind: 'first',
          finish: (payload) => this.store.set(id, JSON.stringify({ state: 'done', input: inputHash, payload } satisfies Entry), IDEMPOTENCY_TTL_MS),
          // A request that failed before writing frees its key, so a retry with it can run.
          abandon: () => this.store.deleteIf(id, running).then(() => undefined),
        };
      }
      const raw = await this.store.get(id);
      if (raw === undefined) continue; // it finished and expired, or was abandoned, just now
      const entry = JSON.parse(raw) as Entry;
      if (entry.input !== inputHash) return { kind: 'reused' };
      if (entry.state === 'done') return { kind: 'replay', payload: entry.payload };
      const scopeOfRequest = currentRequestScope();
      if (scopeOfRequest && scopeOfRequest.remainingMs() <= POLL_MS) {
        throw new GraphQLError('A request with this idempotency key is still running; ask again once it has finished.', {
          extensions: { code: 'IDEMPOTENCY_KEY_IN_USE' },
        });
      }
      await sleep(POLL_MS);
    }
  }
}
