/**
 * What counts as an upstream secret. The v41 client drops these keys while it parses a response body, so no
 * layer above the client can ever hold (and so log, cache or return) them.
 */
const SECRET_KEYS = new Set(['password', 'webauthn_credentials', 'current_session_id']);
const SECRET_KEY_PATTERN = /secret|token/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key) || SECRET_KEY_PATTERN.test(key);
}

/**
 * `JSON.parse` reviver that removes secrets at any depth. Revivers run bottom-up, so by the time an `mfa`
 * object is revived its own keys are final and its seed can be taken out of it.
 */
export function secretFreeReviver(this: unknown, key: string, value: unknown): unknown {
  if (isSecretKey(key)) return undefined;
  if (key === 'mfa' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const { seed: _seed, ...rest } = value as Record<string, unknown>;
    return rest;
  }
  return value;
}

/** Parses a response body with every secret removed. */
export function parseWithoutSecrets(body: string): unknown {
  return JSON.parse(body, secretFreeReviver);
}
