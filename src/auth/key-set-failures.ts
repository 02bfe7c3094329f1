import type { FetchImplementation } from 'jose';

/**
 * Why the JSON Web Key Set could not be read. The caller of a refused request only learns "The bearer token
 * could not be verified." (the cause is the operator's business, not the caller's); these name it for the log.
 */
export type KeySetFailureCause =
  | 'refused' // nothing listens there (ECONNREFUSED)
  | 'timeout' // no answer within the key-set timeout
  | 'dns' // the host name does not resolve
  | 'tls' // the certificate or the TLS handshake failed
  | 'bad-port' // a port Node's fetch refuses to connect to (e.g. 6000, 6667: the WHATWG "bad ports")
  | 'network' // any other failure to get an answer
  | 'status' // an answer other than 200
  | 'invalid-body'; // a 200 whose body is not JSON, or not a key set

export interface KeySetFailure {
  cause: KeySetFailureCause;
  /** The HTTP status, for `status` (and `invalid-body`). */
  status?: number;
  /** The error's class and code as Node reported them, e.g. `TypeError` / `ECONNREFUSED`: never its message. */
  errorName?: string;
  code?: string;
}

export type KeySetFailureObserver = (failure: KeySetFailure) => void;

/**
 * A fetch for the key set (src/auth/key-set.ts; jose's `FetchImplementation` shape) that tells `observe` why a key-set read
 * failed, then fails exactly as the plain fetch would have: the token is still refused, with the same reason.
 * `inner` is the fetch it wraps (the global one unless given), so other wrappers compose with it.
 */
export function observedKeySetFetch(observe: KeySetFailureObserver, inner: FetchImplementation = fetch): FetchImplementation {
  return async (url, options) => {
    let response: Response;
    try {
      response = await inner(url, options);
    } catch (error) {
      observe(networkFailure(error));
      throw error;
    }
    if (response.status !== 200) {
      observe({ cause: 'status', status: response.status });
      return response;
    }
    // Read the body here to say whether it is a key set; jose gets the same bytes in a fresh Response.
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      observe(networkFailure(error));
      throw error;
    }
    if (!isKeySet(text)) observe({ cause: 'invalid-body', status: 200 });
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

function isKeySet(text: string): boolean {
  try {
    const body = JSON.parse(text) as { keys?: unknown } | null;
    return typeof body === 'object' && body !== null && Array.isArray(body.keys);
  } catch {
    return false;
  }
}

/** Node's fetch rejects with `TypeError: fetch failed` and the real reason in `cause`; a timeout aborts it. */
function networkFailure(error: unknown): KeySetFailure {
  const outer = error as { name?: string; cause?: { name?: string; code?: string; message?: string } } | undefined;
  const cause = outer?.cause;
  const errorName = cause?.name ?? outer?.name ?? 'Error';
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const described = { errorName, ...(code ? { code } : {}) };
  if (outer?.name === 'TimeoutError' || outer?.name === 'AbortError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return { cause: 'timeout', ...described };
  if (code === 'ECONNREFUSED') return { cause: 'refused', ...described };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { cause: 'dns', ...described };
  if (code !== undefined && (/^ERR_TLS|^ERR_SSL|CERT|^DEPTH_ZERO|^SELF_SIGNED/.test(code))) return { cause: 'tls', ...described };
  if (cause?.message === 'bad port') return { cause: 'bad-port', ...described };
  return { cause: 'network', ...described };
}

const DESCRIPTIONS: Record<KeySetFailureCause, string> = {
  refused: 'connection refused',
  timeout: 'no answer in time',
  dns: 'the host name does not resolve',
  tls: 'the TLS handshake or certificate failed',
  'bad-port': "a port Node's fetch refuses to use",
  network: 'no answer',
  status: 'answered',
  'invalid-body': 'the body is not a JSON Web Key Set',
};

/** How often the same cause is logged again while it lasts (every failure is still counted). */
export const KEY_SET_FAILURE_LOG_INTERVAL_MS = 60_000;

export interface KeySetFailureReport {
  logger: { warn(fields: object, message: string): void };
  /** The `auth_jwks_fetch_failures_total` counter. */
  counter: { inc(labels: { cause: string; status: string }): void };
  intervalMs?: number;
  now?: () => number;
}

/** The key set's URL as the log may show it: no user, password, query or fragment. */
export function loggableKeySetUrl(jwksUrl: string): string {
  const url = new URL(jwksUrl);
  return `${url.origin}${url.pathname}`;
}

/**
 * Counts every failed key-set read and logs it once per cause (and status) and interval: the first failure of
 * a cause at once, then at most one line per `intervalMs` saying how many failed since the last line.
 */
export function keySetFailureReporter(jwksUrl: string, { logger, counter, intervalMs = KEY_SET_FAILURE_LOG_INTERVAL_MS, now = Date.now }: KeySetFailureReport): KeySetFailureObserver {
  const url = loggableKeySetUrl(jwksUrl);
  const lastLine = new Map<string, { at: number; since: number }>();
  return (failure) => {
    const status = failure.status === undefined ? 'none' : String(failure.status);
    counter.inc({ cause: failure.cause, status });
    const key = `${failure.cause} ${status}`;
    const seen = lastLine.get(key);
    const at = now();
    if (seen && at - seen.at < intervalMs) {
      seen.since += 1;
      return;
    }
    lastLine.set(key, { at, since: 0 });
    const said = failure.cause === 'status' ? `answered ${status}` : DESCRIPTIONS[failure.cause];
    logger.warn(
      {
        component: 'auth',
        jwksUrl: url,
        cause: failure.cause,
        ...(failure.status === undefined ? {} : { status: failure.status }),
        ...(failure.errorName ? { errorName: failure.errorName } : {}),
        ...(failure.code ? { code: failure.code } : {}),
        ...(seen ? { failuresSinceLastLine: seen.since + 1 } : {}),
      },
      `The JSON Web Key Set could not be read (${said}): bearer tokens that need its keys are refused`,
    );
  };
}
