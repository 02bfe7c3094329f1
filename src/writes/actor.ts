import type { Caller } from '../auth/caller';

/**
 * Who a write is attributed to in the audit line: the token's subject and OAuth client for a verified caller,
 * `router` for a request that presented the router secret, `development` when no access control is configured.
 */
export interface Actor {
  kind: 'token' | 'router' | 'development';
  subject?: string;
  clientId?: string;
}

export function actorOf(caller: Caller): Actor {
  if (caller.kind === 'verified') return { kind: 'token', ...(caller.subject ? { subject: caller.subject } : {}), ...(caller.clientId ? { clientId: caller.clientId } : {}) };
  return { kind: caller.via === 'router' ? 'router' : 'development' };
}

/** One string per actor: what idempotency keys are scoped by, so two callers' keys never meet. */
export function actorKey(actor: Actor): string {
  return actor.kind === 'token' ? `token:${actor.subject ?? ''}:${actor.clientId ?? ''}` : actor.kind;
}
