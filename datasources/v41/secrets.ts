/**
 * What counts as an upstream secret (docs/upstream-v41.md#secret-fields). The v41 client drops these keys from
 * every response body straight after `JSON.parse`, before the body leaves the client, so no layer above it can
 * hold (and so log, cache or return) them.
 */
const SECRET_KEYS = new Set(['password', 'webauthn_credentials', 'current_session_id']);
const SECRET_KEY_PATTERN = /secret|token/i;

/**
 * The answer per key, kept: bodies repeat a small set of keys (a 100-user page has each ~100 times), and the
 * pattern test on every key of every record was ~1 % of the nested page's CPU (profile of 2026-12-07). Bounded,
 * in case an upstream object uses data as keys.
 */
const secretKeyAnswers = new Map<string, boolean>();
const MAX_SECRET_KEY_ANSWERS = 10_000;

export function isSecretKey(key: string): boolean {
  let secret = secretKeyAnswers.get(key);
  if (secret === undefined) {
    secret = SECRET_KEYS.has(key) || SECRET_KEY_PATTERN.test(key);
    if (secretKeyAnswers.size < MAX_SECRET_KEY_ANSWERS) secretKeyAnswers.set(key, secret);
  }
  return secret;
}

/**
 * Removes secrets in place, at any depth: secret keys anywhere, and the seed of an `mfa` object. A walk after a
 * plain `JSON.parse` rather than a reviver: the same result at a third of the cost, as a reviver calls back for
 * every value of a body, strings and numbers included.
 */
/**
 * `password.created` of the records stripped: when a local user's password was set is no secret (the hash is),
 * and `User.passwordSetAt` needs it. Kept beside the record rather than in it, so `raw` (and `remoteData`) holds
 * no trace of the password object.
 */
const passwordCreated = new WeakMap<object, string>();

export function passwordCreatedOf(record: object): string | undefined {
  return passwordCreated.get(record);
}

export function stripSecrets<T>(value: T): T {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object') stripSecrets(item);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (isSecretKey(key)) {
      const created = key === 'password' ? (record[key] as { created?: unknown } | null)?.created : undefined;
      if (typeof created === 'string') passwordCreated.set(record, created);
      delete record[key];
      continue;
    }
    const child = record[key];
    if (child === null || typeof child !== 'object') continue;
    if (key === 'mfa' && !Array.isArray(child)) delete (child as Record<string, unknown>).seed;
    stripSecrets(child);
  }
  return value;
}

/** Parses a response body with every secret removed. */
export function parseWithoutSecrets(body: string): unknown {
  const parsed: unknown = JSON.parse(body);
  return parsed !== null && typeof parsed === 'object' ? stripSecrets(parsed) : parsed;
}

/**
 * `error` with every occurrence of `secret` in its message and stack replaced: for the calls that carry a
 * password, whose error text comes partly from PrivX's answer and so could quote the request.
 */
export function withoutSecretIn<E>(error: E, secret: string): E {
  if (!(error instanceof Error) || secret === '') return error;
  const hide = (text: string) => text.split(secret).join('[REDACTED]');
  error.message = hide(error.message);
  if (error.stack !== undefined) error.stack = hide(error.stack);
  return error;
}
