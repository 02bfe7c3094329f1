import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { privxError, type Reply } from './http-io';
import type { Route } from './router';

export interface TokenAuthorityOptions {
  oauthClientId: string;
  oauthClientSecret: string;
  apiClientId: string;
  apiClientSecret: string;
  tokenTtlSeconds: number;
  now: () => number;
}

/** Refresh tokens outlive access tokens, as in PrivX; long enough for any test or benchmark run. */
const REFRESH_TTL_MS = 8 * 60 * 60 * 1000;
const SCOPE = 'users-view roles-view sources-view';
/** Expired tokens are forgotten once this many are held, so a long benchmark does not grow the maps forever. */
const PRUNE_ABOVE = 1000;

function oauthError(status: number, error: string, description: string, headers?: Record<string, string>): Reply {
  return { status, body: { error, error_description: description }, headers: { 'cache-control': 'no-store', ...headers } };
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/**
 * The auth service's part: OAuth2 password and refresh-token grants for one OAuth client and one API client,
 * and bearer-token checks for every data call. Tokens are random (not seeded): a token from one simulator must
 * never be accepted by another started with the same seed.
 */
export class TokenAuthority {
  private readonly accessTokens = new Map<string, number>();
  private readonly refreshTokens = new Map<string, number>();

  constructor(private readonly options: TokenAuthorityOptions) {}

  /** `POST /auth/api/v1/oauth/token`, answered in OAuth's error shape. */
  tokenEndpoint(headers: IncomingHttpHeaders, rawBody: string): Reply {
    if (!(headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    }
    const form = new URLSearchParams(rawBody);
    const client = basicCredentials(headers.authorization) ?? {
      id: form.get('client_id') ?? '',
      secret: form.get('client_secret') ?? '',
    };
    if (client.id !== this.options.oauthClientId || client.secret !== this.options.oauthClientSecret) {
      return oauthError(401, 'invalid_client', 'unknown OAuth client or wrong client secret', { 'www-authenticate': 'Basic realm="privx"' });
    }
    const grantType = form.get('grant_type');
    if (grantType === 'password') {
      if (form.get('username') !== this.options.apiClientId || form.get('password') !== this.options.apiClientSecret) {
        return oauthError(400, 'invalid_grant', 'invalid API client credentials');
      }
      return this.issue();
    }
    if (grantType === 'refresh_token') {
      const refreshToken = form.get('refresh_token') ?? '';
      const expiresAt = this.refreshTokens.get(refreshToken);
      if (expiresAt === undefined || this.options.now() >= expiresAt) {
        return oauthError(400, 'invalid_grant', 'refresh token is invalid or expired');
      }
      return this.issue();
    }
    if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required');
    return oauthError(400, 'unsupported_grant_type', `grant_type ${grantType} is not supported`);
  }

  /** `undefined` when the request may pass, else the 401 to answer. */
  rejection(authorization: string | undefined): Reply | undefined {
    const match = /^bearer\s+(\S+)$/i.exec(authorization ?? '');
    const problem = !match?.[1]
      ? 'missing bearer token'
      : !this.accessTokens.has(match[1])
        ? 'invalid access token'
        : this.options.now() >= (this.accessTokens.get(match[1]) ?? 0)
          ? 'access token expired'
          : undefined;
    if (!problem) return undefined;
    const reply = privxError(401, 'UNAUTHORIZED', problem);
    return { ...reply, headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="${problem}"` } };
  }

  private issue(): Reply {
    const now = this.options.now();
    this.prune(now);
    const accessToken = randomBytes(24).toString('base64url');
    const refreshToken = randomBytes(24).toString('base64url');
    this.accessTokens.set(accessToken, now + this.options.tokenTtlSeconds * 1000);
    this.refreshTokens.set(refreshToken, now + REFRESH_TTL_MS);
    return {
      status: 200,
      headers: { 'cache-control': 'no-store' },
      body: {
        access_token: accessToken,
        token_type: 'bearer',
        expires_in: this.options.tokenTtlSeconds,
        refresh_token: refreshToken,
        scope: SCOPE,
      },
    };
  }

  private prune(now: number): void {
    for (const tokens of [this.accessTokens, this.refreshTokens]) {
      if (tokens.size <= PRUNE_ABOVE) continue;
      for (const [token, expiresAt] of tokens) if (now >= expiresAt) tokens.delete(token);
    }
  }
}

/** The auth service's token route: never counted, delayed or failed. */
export function authRoutes(tokens: TokenAuthority): Route[] {
  return [
    {
      method: 'POST',
      template: '/auth/api/v1/oauth/token',
      kind: 'auth',
      handler: ({ headers, body }) => tokens.tokenEndpoint(headers, body),
    },
  ];
}
