import { GraphQLError } from 'graphql';

/**
 * Who may write (docs/writes.md, "Who"): there is no anonymous write in production. Writes are on where
 * callers are verified (a JWT per request, scopes enforced here) and in development; in production without
 * verified callers (a router secret alone, or `AUTH_DISABLED=true`) they are off unless `WRITES_ENABLED=true`
 * says the operator accepts that whoever reaches this service may write; `WRITES_ENABLED=false` makes any
 * deployment read-only.
 */
export interface WritePolicy {
  enabled: boolean;
  /** Why, in words for the start-up log and for a refused caller. */
  reason: string;
}

export interface WritePolicySettings {
  production: boolean;
  /** `WRITES_ENABLED`: unset leaves the decision to the rule above. */
  writesEnabled: boolean | undefined;
  /** `AUTH_JWKS_URL` is set: every caller presents a verified token. */
  verifiedCallers: boolean;
}

export function writePolicy({ production, writesEnabled, verifiedCallers }: WritePolicySettings): WritePolicy {
  if (writesEnabled === false) return { enabled: false, reason: 'This deployment is read-only (WRITES_ENABLED=false).' };
  if (writesEnabled === true) return { enabled: true, reason: 'Writes are on (WRITES_ENABLED=true).' };
  if (verifiedCallers) return { enabled: true, reason: 'Writes are on for verified callers with the scope each mutation names.' };
  if (!production) return { enabled: true, reason: 'Writes are on (development).' };
  return {
    enabled: false,
    reason:
      'Writes are off: callers are not verified here (no AUTH_JWKS_URL), so a write could not be attributed to anyone. Set AUTH_JWKS_URL, or WRITES_ENABLED=true to let every caller that reaches this service write.',
  };
}

/** A refused write: FORBIDDEN, before anything is read or written. */
export function writesRefused(policy: WritePolicy): GraphQLError {
  return new GraphQLError(policy.reason, { extensions: { code: 'FORBIDDEN' } });
}
