/**
 * What the logger must never write. One walk over every log record (`scrubValue`, the logger's `log` formatter)
 * censors known keys at any depth (headers, credentials, tokens) and scrubs every string for secrets inside free
 * text: an error message quoting a URL with `user:password@`, an `Authorization: Bearer …` copied into a
 * message, a JWT or a long random key. (pino's own `redact` did the key part by 90 wildcard paths, on top of this
 * walk: a tenth of the CPU of a small request, for keys this walk already visits.)
 *
 * Free text is scrubbed by key (`Authorization:`, `password=`, `"secret":"…"`) and by the shape of a credential,
 * never by a word alone: "a bearer token is required" and "bearer JWTs verified against …" are sentences, and
 * a log line that no longer reads like the response it describes costs the operator more than it protects.
 */

export const CENSOR = '[REDACTED]';

const SECRET_KEYS = [
  'authorization',
  'proxy-authorization',
  'router-authorization',
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
  'routerSecret',
  'totp_secret',
  'mfa_seed',
  'jwt',
  'api_key',
  'apiKey',
  'x-api-key',
];

const SECRET_KEY_SET = new Set(SECRET_KEYS.map((key) => key.toLowerCase()));

/** A key whose value is never written, whatever it holds. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY_SET.has(key.toLowerCase());
}

/** `scheme://user:password@host`: the credentials go, scheme and host stay. */
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+(?::[^/\s@]*)?@/gi;
/**
 * A header copied into text, `Authorization: Bearer abc` or `Cookie: a=b; c=d`: everything after its scheme, unless
 * it is a placeholder (`Authorization: Bearer <JWT>` in a message telling the caller what to send).
 */
const SECRET_HEADER = /\b((?:proxy-|router-)?authorization|cookie|set-cookie|x-api-key)(\s*[:=]\s*)(?:(Bearer|Basic|Digest|Negotiate|Token)\s+)?(?!<|(?:Bearer|Basic|Digest|Negotiate|Token)\s)[^\s,;"']+(?:;\s*[^\s,;"'=]+=[^\s,;"']*)*/gi;
/** `password=…` in a query string or a command line. */
const SECRET_ASSIGNMENT = /\b(password|passwd|passphrase|secret|token|access_token|refresh_token|id_token|client_secret|api_key|apikey)=([^&\s"]+)/gi;
/** `"password":"…"` in a JSON body quoted into a message. */
const SECRET_JSON_MEMBER = /("(?:password|passwd|passphrase|secret|token|access_token|refresh_token|id_token|client_secret|totp_secret|mfa_seed|api_key|apiKey)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;
/** `Bearer <credential>` outside a header: redacted only when what follows has a credential's shape (below). */
const AUTH_SCHEME = /\b(Bearer|Basic)(\s+)([A-Za-z0-9._~+/=-]+)/gi;
/** A JWS or JWE in compact form: its header is base64url JSON, so it starts with `eyJ` (`{"`). */
const JWT_SHAPE = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){0,2}/g;
/** 32+ characters of base64 with upper case, lower case and digits mixed: random bytes, not a word or a path. */
const LONG_BASE64 = /(?<![A-Za-z0-9+/_=-])(?=[A-Za-z0-9+/_-]*[A-Z])(?=[A-Za-z0-9+/_-]*[a-z])(?=[A-Za-z0-9+/_-]*[0-9])[A-Za-z0-9+/_-]{32,}={0,2}(?![A-Za-z0-9+/_=-])/g;
/** 40+ hex digits (a 160-bit key or longer). Shorter hex stays: UUIDs, request and trace ids are not secrets. */
const LONG_HEX = /(?<![A-Za-z0-9_-])[0-9a-fA-F]{40,}(?![A-Za-z0-9_-])/g;

/**
 * Whether the word after `Bearer`/`Basic` is a credential rather than prose: 8+ characters with a digit, token
 * punctuation, or a lower-to-upper case change inside it (`dXNlcjpwYXNz`). `token`, `JWTs`, `authentication` are words.
 */
function looksLikeCredential(word: string): boolean {
  return word.length >= 8 && (/[0-9._~+/=-]/.test(word) || /[a-z][A-Z]/.test(word));
}

/**
 * Whether a run of base64 characters is a file or URL path rather than a key: `/` splits it into segments of which
 * at least two are plain lower-case words (`/tmp/tmp.Qx7Lm2Rk9A/test/observability/operation-log`, a stack frame
 * under a folder `mktemp` named). Random base64 with a `/` in it almost never has two such segments of 3+ letters.
 */
function looksLikePath(run: string): boolean {
  if (!run.includes('/')) return false;
  return run.split('/').filter((segment) => /^[a-z][a-z_-]{2,}$/.test(segment)).length >= 2;
}

/**
 * What any rule above needs somewhere in the text: a `:`, `=` or `@`, a JWT's start, a scheme word, or a run of 32
 * token characters. Most strings of a log line (levels, names, routes, numbers) have none, and one scan for
 * them costs a fraction of the eight passes below.
 */
const SUSPECT = /[:=@]|eyJ|bearer|basic|[A-Za-z0-9+/_-]{32}/i;

/** Secrets inside free text, replaced by the censor. */
export function scrubText(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text
    .replace(URL_CREDENTIALS, `$1${CENSOR}@`)
    .replace(SECRET_HEADER, (_match, key: string, separator: string, scheme: string | undefined) => `${key}${separator}${scheme ? `${scheme} ` : ''}${CENSOR}`)
    .replace(SECRET_ASSIGNMENT, `$1=${CENSOR}`)
    .replace(SECRET_JSON_MEMBER, `$1"${CENSOR}"`)
    .replace(AUTH_SCHEME, (match, scheme: string, space: string, word: string) => (looksLikeCredential(word) ? `${scheme}${space}${CENSOR}` : match))
    .replace(JWT_SHAPE, CENSOR)
    .replace(LONG_BASE64, (run) => (looksLikePath(run) ? run : CENSOR))
    .replace(LONG_HEX, CENSOR);
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
