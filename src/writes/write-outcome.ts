import { GraphQLError } from 'graphql';
import { V41DeadlineError, V41NoAnswerError } from '../../datasources/v41/errors';

/**
 * A write whose request may have reached PrivX but got no answer (its deadline passed, the connection dropped):
 * PrivX may or may not have applied it, and the caller must be told exactly that (docs/writes.md, "Deadline").
 */
export function outcomeUnknown(error: unknown): boolean {
  if (error instanceof V41DeadlineError) return true;
  return error instanceof V41NoAnswerError && error.mayHaveReached;
}

export function unknownOutcomeError(operation: string): GraphQLError {
  return new GraphQLError(
    `${operation}: PrivX did not answer before the deadline, after the write may have reached it. Whether it was applied is unknown: read the user's roles before trying again.`,
    { extensions: { code: 'UPSTREAM_TIMEOUT', writeOutcome: 'UNKNOWN' } },
  );
}

/** The write was applied, but reading it back shows something else: another writer changed the user at the same time. */
export function notVerifiedError(operation: string, detail: string): GraphQLError {
  return new GraphQLError(`${operation}: written, but the read-back differs (${detail}); another writer changed this user's grants at the same time. Read them again.`, {
    extensions: { code: 'CONFLICT', writeOutcome: 'APPLIED' },
  });
}
