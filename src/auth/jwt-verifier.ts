import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { JwtSettings } from './caller';
import { withVerifiedTokenCache } from './verified-token-cache';

/** Clock difference tolerated on `exp` and `nbf` between us and the token issuer. */
export const CLOCK_TOLERANCE_SECONDS = 30;
const KEY_SET_TIMEOUT_MS = 5_000;
const KEY_SET_MAX_AGE_MS = 10 * 60_000;
/** A verified token is trusted again without its signature check for at most this long. */
const VERIFIED_TOKEN_MAX_AGE_MS = 60_000;
const VERIFIED_TOKENS_KEPT = 10_000;

/** Asymmetric algorithms only: a key set publishes public keys, and a shared secret has no place in it. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

export interface VerifiedToken {
  subject: string | undefined;
  scopes: ReadonlySet<string>;
  /** The OAuth client the token was issued to: `client_id` (RFC 9068), else `azp`. */
  clientId?: string;
  /** The `exp` claim (seconds since the epoch), when the token has one. */
  expiresAt?: number;
}

/** A token that does not verify. The message says why in words safe to show: never the token or its claims. */
export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

export type JwtVerifier = (token: string) => Promise<VerifiedToken>;

/**
 * Verifies callers' JWTs with jose against a remote JWKS: signature, `iss`, `aud`, `exp` and `nbf`. Keys are
 * cached (re-read every 10 minutes) and re-read early when a token names a `kid` the cache lacks; a token that
 * verified is trusted for up to a minute without checking its signature again (never past its `exp`).
 */
export function createJwtVerifier(settings: JwtSettings): JwtVerifier {
  return withVerifiedTokenCache(jwtSignatureVerifier(settings), {
    maxEntries: VERIFIED_TOKENS_KEPT,
    maxAgeMs: VERIFIED_TOKEN_MAX_AGE_MS,
    clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
  });
}

function jwtSignatureVerifier(settings: JwtSettings): JwtVerifier {
  const keys = createRemoteJWKSet(new URL(settings.jwksUrl), {
    timeoutDuration: KEY_SET_TIMEOUT_MS,
    cooldownDuration: settings.keyRefreshCooldownMs ?? 30_000,
    cacheMaxAge: KEY_SET_MAX_AGE_MS,
  });
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        algorithms: ALGORITHMS,
      });
      const clientId = [payload.client_id, payload.azp].find((claim): claim is string => typeof claim === 'string');
      return { subject: payload.sub, scopes: scopesOf(payload), clientId, expiresAt: payload.exp };
    } catch (error) {
      throw new InvalidTokenError(reasonOf(error));
    }
  };
}

/** OAuth's space-separated `scope`, or the `scp` claim some providers send (an array, or again a string). */
export function scopesOf(payload: JWTPayload): ReadonlySet<string> {
  const scopes = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string') value.split(' ').forEach((s) => s && scopes.add(s));
    else if (Array.isArray(value)) value.forEach((s) => typeof s === 'string' && add(s));
  };
  add(payload.scope);
  add(payload.scp);
  return scopes;
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The bearer token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) return `The bearer token's "${error.claim}" claim is not accepted here.`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The bearer token signature does not verify.';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The bearer token was signed with a key this service does not know.';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The bearer token is signed with an algorithm this service does not accept.';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'The signing keys to verify the bearer token could not be read.';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'The bearer token is not a well-formed JWT.';
  // A failed key-set fetch (connection refused, non-200) lands here too: it is still a refusal, never a pass.
  return 'The bearer token could not be verified.';
}
