import { createLocalJWKSet, errors, type FetchImplementation, type FlattenedJWSInput, type JWSHeaderParameters, type JSONWebKeySet } from 'jose';

/** How the signing keys are read, kept and refreshed. */
export interface KeySetTiming {
  /** Longest wait for one read of the key set. */
  timeoutMs: number;
  /** A key set older than this is re-read (in the background while it may still serve). */
  maxAgeMs: number;
  /**
   * While the key set cannot be read, the last good one keeps verifying tokens for this long past `maxAgeMs`
   * (logged at warn); after that every token is refused until a read succeeds again.
   */
  staleIfErrorMs: number;
  /** Reads of the key set start at most this often, whether the last one succeeded or failed. */
  cooldownMs: number;
  /** Tokens that may wait for one read at once; more are refused at once instead of queueing. */
  maxWaiters: number;
}

export const DEFAULT_KEY_SET_TIMING: Readonly<KeySetTiming> = {
  timeoutMs: 5_000,
  maxAgeMs: 10 * 60_000,
  staleIfErrorMs: 60 * 60_000,
  cooldownMs: 30_000,
  maxWaiters: 16,
};

/** Too many tokens already wait for the key set to be read: refused at once, never queued without bound. */
export class KeySetBusyError extends Error {
  override name = 'KeySetBusyError';
}

interface Held {
  keys: ReturnType<typeof createLocalJWKSet>;
  readAt: number;
}

/**
 * The issuer's JSON Web Key Set, as jose's `jwtVerify` asks for a key. Unlike jose's remote key set it
 * - keeps the last good set while the endpoint fails, for `staleIfErrorMs` past its age, so an identity provider
 *   down for a while does not refuse every new valid token (each failed read is logged at warn);
 * - refreshes an aged set in the background: a slow endpoint delays no token whose key is known;
 * - starts reads at most every `cooldownMs`, failed ones included, and lets at most `maxWaiters` tokens wait for
 *   one: random `kid`s can neither hammer the endpoint nor pile up waiting for it.
 */
export class KeySet {
  private held: Held | undefined;
  private reading: Promise<Held> | undefined;
  private waiters = 0;
  private lastReadStartedAt = -Infinity;

  constructor(
    private readonly url: string,
    private readonly timing: KeySetTiming,
    private readonly warn: (message: string) => void,
    private readonly now: () => number = Date.now,
    /** How a read is sent: the global fetch, or one that reports why a read failed (src/auth/key-set-failures.ts). */
    private readonly fetchImpl: FetchImplementation = fetch,
  ) {}

  /** jose's key lookup: the key of this token's header, from the held set or a fresh read. */
  readonly getKey = async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    const held = await this.usable();
    try {
      return await held.keys(header, token);
    } catch (error) {
      // A kid the held set lacks may be a rotated key: read again, unless a read started too recently.
      if (!(error instanceof errors.JWKSNoMatchingKey) || !this.mayRead()) throw error;
      return (await this.waitForRead()).keys(header, token);
    }
  };

  /** The held set while it may serve (an aged one triggers a background read); else a read, waited for. */
  private async usable(): Promise<Held> {
    const held = this.held;
    if (held) {
      const age = this.now() - held.readAt;
      if (age < this.timing.maxAgeMs) return held;
      if (this.mayRead()) this.read().catch(() => undefined); // failures are logged by read()
      if (age < this.timing.maxAgeMs + this.timing.staleIfErrorMs) return held;
    }
    if (!this.reading && !this.mayRead()) throw new errors.JWKSInvalid('the key set could not be read recently');
    return this.waitForRead();
  }

  private mayRead(): boolean {
    return this.reading !== undefined || this.now() - this.lastReadStartedAt >= this.timing.cooldownMs;
  }

  private async waitForRead(): Promise<Held> {
    if (this.waiters >= this.timing.maxWaiters) throw new KeySetBusyError('too many tokens wait for the key set');
    this.waiters += 1;
    try {
      return await this.read();
    } finally {
      this.waiters -= 1;
    }
  }

  /** One read at a time; callers join the one under way. */
  private read(): Promise<Held> {
    if (this.reading) return this.reading;
    this.lastReadStartedAt = this.now();
    this.reading = fetchKeySet(this.fetchImpl, this.url, this.timing.timeoutMs)
      .then((jwks) => {
        const held = { keys: createLocalJWKSet(jwks), readAt: this.now() };
        this.held = held;
        return held;
      })
      .catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        const kept = this.held && this.now() - this.held.readAt < this.timing.maxAgeMs + this.timing.staleIfErrorMs;
        this.warn(
          kept
            ? `The signing key set could not be read (${reason}); tokens are verified with the last good set, read ${Math.round((this.now() - this.held!.readAt) / 1000)} s ago, for at most ${Math.round((this.timing.maxAgeMs + this.timing.staleIfErrorMs) / 1000)} s after it was read`
            : `The signing key set could not be read (${reason}); tokens whose key is not held are refused`,
        );
        throw error;
      })
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }
}

/** GET the key set, within `timeoutMs`; anything but a 200 JSON key set is a failure. */
async function fetchKeySet(fetchImpl: FetchImplementation, url: string, timeoutMs: number): Promise<JSONWebKeySet> {
  let response: Response;
  try {
    response = await fetchImpl(url, { method: 'GET', headers: new Headers({ accept: 'application/json' }), redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    // The timeout's DOMException, whose realm's Error it may not extend: known by its name.
    const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
    if (name === 'TimeoutError') throw new errors.JWKSTimeout(`no answer within ${timeoutMs} ms`);
    throw new errors.JWKSInvalid(`request failed: ${typeof message === 'string' ? message : String(error)}`);
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new errors.JWKSInvalid(`HTTP ${response.status}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new errors.JWKSInvalid('the answer is not JSON');
  }
  const keys = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new errors.JWKSInvalid('the answer is not a JSON Web Key Set');
  return body as JSONWebKeySet;
}
