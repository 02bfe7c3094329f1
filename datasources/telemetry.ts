import { channel } from 'node:diagnostics_channel';

/**
 * What the datasources tell about their work, published on Node's `diagnostics_channel`: the datasources
 * stay free of logging, metrics and tracing libraries (and of `src/`), and publishing costs nothing while
 * nobody subscribes. `src/observability` subscribes and turns these into log fields, metrics and spans.
 *
 * One message object travels from `start` to `end` of a call, so a subscriber can keep per-call state on it.
 */

export interface UpstreamCallMessage {
  method: string;
  /** Route template, e.g. `GET /role-store/api/v1/users/:id/roles`: ids are never part of a label. */
  route: string;
  /** Headers the call will carry; a subscriber may add some (trace context) before the request leaves. */
  headers: Record<string, string>;
  /** Set on `end`: the HTTP status, when an answer came. */
  status?: number;
  /** Set on `end` when no answer came (timeout, refused connection). */
  error?: Error;
}

export interface UpstreamRetryMessage {
  route: string;
  /** Why the call is sent again, e.g. `token-renewal` (after a 401) or `retry-after` (after a 429/503). */
  reason: string;
}

export interface BreakerStateMessage {
  /** What the breaker guards, e.g. `privx`. */
  name: string;
  state: 'closed' | 'open' | 'half-open';
}

export interface CacheMessage {
  /** The kind of entry: the key's prefix (`roles`, `user-roles`, …), never the id in it. */
  kind: string;
  event: 'hit' | 'miss' | 'eviction';
}

/** A 2xx body that broke the contract (docs/upstream-v41.md#shape-checks): where, never what was there. */
export interface ContractViolationMessage {
  /** Route template, e.g. `GET /role-store/api/v1/roles/:id/members`. */
  route: string;
  /** Key path in the body, e.g. `items[3].roles[0].permissions`. */
  path: string;
}

export const upstreamCallStart = channel('privx-identity:upstream:start');
export const upstreamCallEnd = channel('privx-identity:upstream:end');
export const upstreamRetry = channel('privx-identity:upstream:retry');
export const breakerState = channel('privx-identity:upstream:breaker');
export const cacheEvents = channel('privx-identity:cache');
export const contractViolations = channel('privx-identity:upstream:contract');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAME = /^[a-z][a-z0-9_-]{0,31}$/;

/** `/role-store/api/v1/users/3f…/roles` → `/role-store/api/v1/users/:id/roles` (the simulator's spelling). */
export function routeTemplate(path: string): string {
  return path
    .split('?')[0]!
    .split('/')
    .map((segment) => (segment === '' || (NAME.test(segment) && !UUID.test(segment)) ? segment : ':id'))
    .join('/');
}

/**
 * Reports one upstream call around `send`: `start` before it leaves (subscribers may add headers), `end`
 * with its status or error. Returns what `send` returns, or rethrows what it threw.
 */
export async function reportUpstreamCall<T extends { status: number }>(
  method: string,
  path: string,
  headers: Record<string, string>,
  send: (headers: Record<string, string>) => Promise<T>,
): Promise<T> {
  if (!upstreamCallStart.hasSubscribers && !upstreamCallEnd.hasSubscribers) return send(headers);
  const message: UpstreamCallMessage = { method, route: `${method} ${routeTemplate(path)}`, headers: { ...headers } };
  upstreamCallStart.publish(message);
  try {
    const response = await send(message.headers);
    message.status = response.status;
    return response;
  } catch (error) {
    message.error = error as Error;
    throw error;
  } finally {
    upstreamCallEnd.publish(message);
  }
}

export function reportRetry(method: string, path: string, reason: string): void {
  if (upstreamRetry.hasSubscribers) upstreamRetry.publish({ route: `${method} ${routeTemplate(path)}`, reason } satisfies UpstreamRetryMessage);
}

/** `user-roles:3f…` → `user-roles`. */
export function reportCache(key: string, event: CacheMessage['event']): void {
  if (cacheEvents.hasSubscribers) cacheEvents.publish({ kind: key.split(':')[0]!, event } satisfies CacheMessage);
}

export function reportContractViolation(route: string, path: string): void {
  if (contractViolations.hasSubscribers) contractViolations.publish({ route, path } satisfies ContractViolationMessage);
}
