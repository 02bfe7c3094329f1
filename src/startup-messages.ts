import { SimulatorEnvError } from '../datasources/simulator/main';
import { writePolicy } from './writes/write-policy';
import { ConfigError, type AppConfig } from './config';

/** What `npm start` says about itself at start: one process or a cluster primary says it once. */

/** Says which guard is on, never a secret or a key. */
export function describeAccess({ access }: AppConfig): string {
  const guards = [
    access.jwt && `bearer JWTs verified against ${new URL(access.jwt.jwksUrl).origin}, scopes enforced here`,
    access.routerSecret && 'only requests carrying the router-authorization secret',
  ].filter(Boolean);
  return guards.length > 0 ? `Access: ${guards.join('; ')}.` : 'Access: open (no AUTH_JWKS_URL or ROUTER_SECRET): anyone who reaches this port can read everything.';
}

/**
 * Whether mutations write, and why (src/writes/write-policy.ts). Several workers without `CACHE_URL` each lock
 * and keep idempotency keys for themselves, so the line says what that costs.
 */
export function describeWrites(config: AppConfig): string {
  const policy = writePolicy({ production: config.production, writesEnabled: config.writesEnabled, verifiedCallers: config.access.jwt !== undefined });
  const shared = config.workers > 1 && policy.enabled && !config.sharedCache
    ? ' Without CACHE_URL each worker serialises writes and keeps idempotency keys for itself: set CACHE_URL so two workers cannot race on one user.'
    : '';
  return `Writes: ${policy.reason}${shared}`;
}

/** A bad setting names its variable (never its value); anything else says what failed, without a stack. */
export function describeStartupError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof SimulatorEnvError) return `Invalid configuration:\n  - ${error.message}`;
  return `Failed to start: ${error instanceof Error ? error.message : String(error)}`;
}
