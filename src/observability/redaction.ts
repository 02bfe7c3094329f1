/**
 * What the logger must never write. One walk over every log record (`scrubValue`, the logger's `log` formatter)
 * censors known keys at any depth (headers, credentials, tokens) and scrubs every string for secrets inside free
 * text: an error message quoting a URL with `user:password@`, or an `Authorization: Bearer …` copied into a
 * message. (pino's own `redact` did the key part by 90 wildcard paths, on top of this walk: a tenth of the CPU of
 * a small request, for keys this walk already visits.)
 */

export const CENSOR = '[REDACTED]';

const SECRET_KEYS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'password',
  'passphrase',
  'secret',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'clientSecret',
  'apiClientSecret',
  'oauthClientSecret',
  'totp_secret',
  'mfa_seed',
  'jwt',
];

const SECRET_KEY_SET = new Set(SECRET_KEYS.map((key) => key.toLowerCase()));

/** A key whose value is never written, whatever it holds. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY_SET.has(key.toLowerCase());
}

const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+(?::[^/\s@]*)?@/gi;
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const SECRET_ASSIGNMENT = /\b(password|passwd|secret|token|access_token|refresh_token|client_secret)=([^&\s"]+)/gi;

/** Secrets inside free text, replaced by the censor. */
export function scrubText(text: string): string {
  return text
    .replace(URL_CREDENTIALS, `$1${CENSOR}@`)
    .replace(AUTH_SCHEME, `$1 ${CENSOR}`)
    .replace(SECRET_ASSIGNMENT, `$1=${CENSOR}`);
}

/** Secret keys censored and every string scrubbed; objects are copied, never changed in place. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (value instanceof Error) {
    // Message and stack are not enumerable: spell the error out before scrubbing it.
    const { name, message, stack } = value;
    return scrubValue({ ...value, type: name, message, stack }, depth);
  }
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = isSecretKey(key) ? CENSOR : scrubValue(item, depth + 1);
  return copy;
}
