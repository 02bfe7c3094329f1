import { reportUpstreamCall } from '../telemetry';
import { V41AuthError, V41UnavailableError } from './errors';

/** Where PrivX is and who we are to it: an OAuth client and the API client whose token we use. */
export interface V41Connection {
  baseUrl: string;
  oauthClientId: string;
  oauthClientSecret: string;
  apiClientId: string;
  apiClientSecret: string;
  /** Timeout of every call, token calls included. */
  timeoutMs: number;
}

interface Token {
  accessToken: string;
  refreshToken: string | undefined;
  /** Epoch ms after which we stop using the token and renew it. */
  renewAt: number;
}

const TOKEN_PATH = '/auth/api/v1/oauth/token';
/** Renew this long before the upstream's expiry, so a request never leaves with a token about to lapse. */
const RENEW_MARGIN_MS = 30_000;

/**
 * Holds the OAuth access token of the API client. One token request is in flight at a time: concurrent
 * callers share it, so a burst of resolvers after expiry costs one token call, not one each.
 */
export class TokenManager {
  private token: Token | undefined;
  private pending: Promise<Token> | undefined;
  /** Counts token requests sent; exposed for tests and diagnostics. */
  requests = 0;

  constructor(
    private readonly credentials: V41Connection,
    private readonly now: () => number = Date.now,
  ) {}

  async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.renewAt) return this.token.accessToken;
    return (await this.renew()).accessToken;
  }

  /** Called after a 401: the token we used is dead even if its clock says otherwise. */
  async renewAfterRejection(rejected: string): Promise<string> {
    if (this.token && this.token.accessToken !== rejected && this.now() < this.token.renewAt) {
      return this.token.accessToken; // another request already renewed it
    }
    this.token = this.token && { ...this.token, renewAt: 0 };
    return (await this.renew()).accessToken;
  }

  private renew(): Promise<Token> {
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<Token> {
    const refreshToken = this.token?.refreshToken;
    if (refreshToken) {
      try {
        this.token = await this.grant({ grant_type: 'refresh_token', refresh_token: refreshToken });
        return this.token;
      } catch (error) {
        // An expired or revoked refresh token is normal; fall back to the password grant.
        if (!(error instanceof V41AuthError)) throw error;
      }
    }
    this.token = await this.grant({
      grant_type: 'password',
      username: this.credentials.apiClientId,
      password: this.credentials.apiClientSecret,
    });
    return this.token;
  }

  private async grant(form: Record<string, string>): Promise<Token> {
    const { baseUrl, oauthClientId, oauthClientSecret, timeoutMs } = this.credentials;
    const basic = Buffer.from(`${oauthClientId}:${oauthClientSecret}`).toString('base64');
    this.requests += 1;
    let response: Response;
    try {
      const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
      response = await reportUpstreamCall('POST', TOKEN_PATH, headers, (traced) =>
        fetch(`${baseUrl}${TOKEN_PATH}`, {
          method: 'POST',
          // Credentials are added after reporting, so no subscriber ever sees them.
          headers: { ...traced, authorization: `Basic ${basic}` },
          body: new URLSearchParams(form).toString(),
          signal: AbortSignal.timeout(timeoutMs),
        }),
      );
    } catch (error) {
      throw new V41UnavailableError(`PrivX token request failed: ${(error as Error).message}`, undefined, undefined, 'token');
    }
    const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (!response.ok || typeof body?.access_token !== 'string') {
      // OAuth errors name what is wrong (invalid_client, invalid_grant) without echoing the credentials.
      const code = typeof body?.error === 'string' ? body.error : undefined;
      const message = `PrivX token request failed with ${response.status}${code ? ` ${code}` : ''}`;
      if (response.status >= 500) throw new V41UnavailableError(message, response.status, code, 'token');
      throw new V41AuthError(message, response.status, code, 'token');
    }
    const expiresInMs = (typeof body.expires_in === 'number' ? body.expires_in : 300) * 1000;
    return {
      accessToken: body.access_token,
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
      renewAt: this.now() + Math.max(expiresInMs - RENEW_MARGIN_MS, expiresInMs / 2),
    };
  }
}
