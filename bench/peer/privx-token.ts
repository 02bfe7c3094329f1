/**
 * The peer's token handling, as a Hive Gateway plugin: GraphQL Mesh cannot run PrivX's OAuth password grant, so
 * this obtains the API client's token (docs/upstream-v41.md#authentication), renews it 30 s before it lapses,
 * adds `Authorization: Bearer` to every call to PrivX, and on a 401 gets a new token once and repeats the call.
 * Typed structurally, so it needs nothing of the gateway's packages to compile.
 */

export interface PrivxCredentials {
  baseUrl: string;
  oauthClientId: string;
  oauthClientSecret: string;
  apiClientId: string;
  apiClientSecret: string;
}

type Headers = Record<string, string>;
type FetchFn = (url: string, options?: { headers?: Headers }, ...rest: unknown[]) => Promise<Response> | Response;

interface OnFetchPayload {
  url: string;
  options: { headers?: Headers };
  setOptions(options: { headers?: Headers }): void;
  fetchFn: FetchFn;
  setFetchFn(fetchFn: FetchFn): void;
}

const RENEW_BEFORE_MS = 30_000;

export function credentialsFromEnv(env: NodeJS.ProcessEnv): PrivxCredentials {
  const read = (name: string, fallback?: string): string => {
    const value = env[name] ?? fallback;
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  return {
    baseUrl: read('V41_BASE_URL').replace(/\/+$/, ''),
    oauthClientId: read('V41_OAUTH_CLIENT_ID', 'privx-external'),
    oauthClientSecret: read('V41_OAUTH_CLIENT_SECRET'),
    apiClientId: read('V41_API_CLIENT_ID'),
    apiClientSecret: read('V41_API_CLIENT_SECRET'),
  };
}

export function usePrivxToken(credentials: PrivxCredentials) {
  let current: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function requestToken(): Promise<string> {
    const response = await fetch(`${credentials.baseUrl}/auth/api/v1/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${credentials.oauthClientId}:${credentials.oauthClientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'password', username: credentials.apiClientId, password: credentials.apiClientSecret }).toString(),
    });
    // The answer holds the token: never logged; the error says the status only.
    if (!response.ok) throw new Error(`PrivX token request failed: HTTP ${response.status}`);
    const body = (await response.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new Error('PrivX token answer has no access_token');
    const lifeMs = (body.expires_in ?? 300) * 1000;
    current = { token: body.access_token, renewAt: Date.now() + Math.max(lifeMs - RENEW_BEFORE_MS, lifeMs / 2) };
    return body.access_token;
  }

  /** One token request at a time, shared by every caller waiting for it. */
  function token(renew = false): Promise<string> | string {
    if (!renew && current && Date.now() < current.renewAt) return current.token;
    pending ??= requestToken().finally(() => (pending = undefined));
    return pending;
  }

  return {
    onFetch({ url, options, setOptions, fetchFn, setFetchFn }: OnFetchPayload) {
      if (!url.startsWith(`${credentials.baseUrl}/`)) return;
      const withToken = (value: string) => ({ ...options, headers: { ...options.headers, authorization: `Bearer ${value}` } });
      setFetchFn(async (target, _options, ...rest) => {
        const first = await fetchFn(target, withToken(await token()), ...rest);
        if (first.status !== 401) return first;
        await first.arrayBuffer();
        return fetchFn(target, withToken(await token(true)), ...rest);
      });
      setOptions(options);
    },
  };
}
