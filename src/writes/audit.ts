import type { Logger } from '../observability';
import type { Actor } from './actor';

/** How a mutation ended, as the audit line and the metric name it. */
export type MutationOutcome = 'written' | 'unchanged' | 'replayed' | 'user_error' | 'forbidden' | 'conflict' | 'unknown' | 'error';

/** What a mutation fills in while it runs; the frame adds who, what, how long and how it ended. */
export interface AuditRecord {
  /** The user and role (or other record) the mutation changes. */
  target: Record<string, string | undefined>;
  /** The explicit grant (or the changed field names) before and after: never a password or another secret. */
  change?: { before: unknown; after: unknown } | { fields: string[] };
  /** The HTTP status of the upstream write, when one was sent. */
  upstreamStatus?: number | null;
  /** Upstream writes sent. */
  writes: number;
  /** Extra facts of a bulk mutation (pairs revoked, …). */
  detail?: Record<string, unknown>;
}

export interface AuditLine extends AuditRecord {
  operation: string;
  actor: Actor;
  /** SHA-256 of the idempotency key: enough to correlate repeats, nothing a key could reveal. */
  idempotencyKeyHash: string | null;
  outcome: MutationOutcome;
  durationMs: number;
}

/**
 * One structured line per mutation at `info` with `audit: true` (docs/writes.md, "Audit"), so a log pipeline can
 * route audit lines apart from operation lines. Built from fields the frame controls: no input value that could
 * be a secret reaches it.
 */
export function writeAuditLine(logger: Logger, line: AuditLine): void {
  logger.info({ audit: true, ...line }, `audit: ${line.operation} ${line.outcome}`);
}
