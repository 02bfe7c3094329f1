/**
 * What the logger must never write. Two layers: pino's `redact` censors known keys wherever our log shapes put
 * them (headers, credentials, tokens), and a scrub of every string catches secrets inside free text: an error
 * message quoting a URL with `user:password@`, or an `Authorization: Bearer …` copied into a message.
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

/** pino `redact` paths: each key at the top level, one level down, and in any `headers` object. */
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const dot = k.startsWith('[') ? '' : '.';
  return [k, `*${dot}${k}`, `headers${dot}${k}`, `*.headers${dot}${k}`, `req.headers${dot}${k}`];
});

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

/** Every string of a log record scrubbed; objects are copied, never changed in place. */
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
  for (const [key, item] of Object.entries(value)) copy[key] = scrubValue(item, depth + 1);
  return copy;
}
