import { GraphQLError } from 'graphql';
import { V41Error } from '../../datasources/v41/errors';
import type { Context } from '../context';
import { actorKey, actorOf } from './actor';
import { writeAuditLine, type AuditRecord, type MutationOutcome } from './audit';
import { hashKey } from './idempotency';
import { idempotencyKeyField } from './input-checks';
import { userError, UserErrorCode, type UserError, type WithUserErrors } from './user-error';
import { writesRefused } from './write-policy';

/** One mutation, as the frame runs it. */
export interface MutationSpec<P extends WithUserErrors> {
  /** The GraphQL field, e.g. `grantRole`: the audit line's and the metric's `operation`. */
  operation: string;
  /** The input without its idempotency key: what a repeat of the key must match. */
  input: unknown;
  idempotencyKey: string | null | undefined;
  /** Who or what the mutation changes, for the audit line (ids only). */
  target: Record<string, string | undefined>;
  /** Checks needing no upstream call; any error: nothing else runs. */
  check(): UserError[];
  /** Does the work: reads, writes, fills in `audit`. Expected failures are `userErrors` in the payload. */
  run(audit: AuditRecord): Promise<P>;
  /** A payload of only these errors. */
  failed(userErrors: UserError[]): P;
  /** The payload as kept for a repeat of its idempotency key (plain data), and the payload rebuilt from it. */
  save(payload: P): unknown;
  restore(saved: unknown): Promise<P>;
}

/**
 * The frame every mutation runs in (docs/writes.md, "Every mutation"): the write policy (FORBIDDEN before
 * anything is read), the input checks, the idempotency key, and whatever happens, one audit line and one count
 * in `graphql_mutations_total`. Scopes are enforced before this runs, by `@requiresScopes` on the field.
 */
export async function runMutation<P extends WithUserErrors>(context: Context, spec: MutationSpec<P>): Promise<P> {
  const { writes } = context;
  const started = performance.now();
  const actor = actorOf(context.caller);
  const audit: AuditRecord = { target: spec.target, writes: 0 };
  const idempotencyKeyHash = spec.idempotencyKey ? hashKey(spec.idempotencyKey) : null;
  let outcome: MutationOutcome | undefined;
  try {
    if (!writes) {
      outcome = 'forbidden';
      throw new GraphQLError('This server serves no writes.', { extensions: { code: 'FORBIDDEN' } });
    }
    if (!writes.policy.enabled) {
      outcome = 'forbidden';
      throw writesRefused(writes.policy);
    }
    const invalid = [...idempotencyKeyField(spec.idempotencyKey), ...spec.check()];
    if (invalid.length > 0) {
      outcome = 'user_error';
      return spec.failed(invalid);
    }
    if (!spec.idempotencyKey) {
      const payload = await spec.run(audit);
      outcome = outcomeOf(payload, audit);
      return payload;
    }
    const claim = await writes.idempotency.claim(`${spec.operation}:${actorKey(actor)}`, spec.idempotencyKey, spec.input);
    if (claim.kind === 'reused') {
      outcome = 'user_error';
      return spec.failed([
        userError(UserErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was used within the last 24 hours with a different input.', ['input', 'idempotencyKey']),
      ]);
    }
    if (claim.kind === 'replay') {
      outcome = 'replayed';
      return await spec.restore(claim.payload);
    }
    let payload: P;
    try {
      payload = await spec.run(audit);
    } catch (error) {
      await claim.abandon();
      throw error;
    }
    // A payload with userErrors wrote nothing: a retry with the key may run again (a lock held elsewhere, a conflict).
    if (payload.userErrors.length > 0) await claim.abandon();
    else await claim.finish(spec.save(payload));
    outcome = outcomeOf(payload, audit);
    return payload;
  } catch (error) {
    outcome ??= outcomeOfError(error);
    if (audit.upstreamStatus === undefined && audit.writes > 0 && error instanceof V41Error) audit.upstreamStatus = error.status ?? null;
    throw error;
  } finally {
    const final = outcome ?? 'error';
    writes?.metrics?.mutations.inc({ operation: spec.operation, outcome: final });
    if (writes) writeAuditLine(writes.logger, {
      ...audit,
      operation: spec.operation,
      actor,
      idempotencyKeyHash,
      outcome: final,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
  }
}

function outcomeOf(payload: WithUserErrors, audit: AuditRecord): MutationOutcome {
  if (payload.userErrors.some((e) => e.code === UserErrorCode.CONFLICT)) return 'conflict';
  if (payload.userErrors.length > 0) return 'user_error';
  return audit.writes > 0 ? 'written' : 'unchanged';
}

function outcomeOfError(error: unknown): MutationOutcome {
  if (!(error instanceof GraphQLError)) return 'error';
  if (error.extensions.writeOutcome === 'UNKNOWN') return 'unknown';
  if (error.extensions.code === 'CONFLICT') return 'conflict';
  if (error.extensions.code === 'FORBIDDEN') return 'forbidden';
  return 'error';
}
