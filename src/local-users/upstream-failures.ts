import { V41BadRequestError, V41Error, V41NotFoundError } from '../../datasources/v41/errors';
import { GraphQLError } from 'graphql';
import { outcomeUnknown, userError, UserErrorCode, type AuditRecord, type UserError } from '../writes';

/** v41 keys → the input field they came from, for a PrivX 400 that names its property. */
const INPUT_FIELD_OF: Record<string, string> = {
  username: 'username',
  first_name: 'firstName',
  last_name: 'lastName',
  full_name: 'name',
  job_title: 'title',
  email: 'email',
  telephone: 'phone',
  company: 'organization',
  department: 'department',
  tags: 'tags',
  locale: 'languages',
  attributes: 'timezone',
  password: 'password',
};

/** The deadline rule of docs/writes.md, with what to read before trying again for a local user. */
function unknownLocalOutcome(operation: string): GraphQLError {
  return new GraphQLError(
    `${operation}: PrivX did not answer in time, after the write may have reached it. Whether it was applied is unknown: read the user (by username, for a create) before trying again.`,
    { extensions: { code: 'UPSTREAM_TIMEOUT', writeOutcome: 'UNKNOWN' } },
  );
}

/** Never PrivX's own text or route (they may name internals, or quote the request): its status, code and property. */
function refusal(error: V41Error): string {
  const property = error instanceof V41BadRequestError && error.property ? ` on ${error.property}` : '';
  return `PrivX refused the change (HTTP ${error.status ?? '?'}${error.errorCode ? ` ${error.errorCode}` : ''}${property}); nothing was written.`;
}

/**
 * One upstream write, counted in the audit record, and its failure sorted out: a PrivX refusal (a 4xx other
 * than not found, auth or rate limit) becomes `UPSTREAM_REJECTED` at the input field PrivX named, a
 * write that may have been applied without an answer becomes `UPSTREAM_TIMEOUT` / `writeOutcome: UNKNOWN`, and
 * anything else is thrown as the upstream failure it is.
 */
export async function upstreamWrite(
  audit: AuditRecord,
  operation: string,
  write: () => Promise<unknown>,
  /** What to forget when the write may have been applied without an answer (the cached record may be stale). */
  forget?: () => Promise<void>,
): Promise<UserError[] | 'not-found' | null> {
  audit.writes += 1;
  try {
    await write();
    audit.upstreamStatus = 200;
    return null;
  } catch (error) {
    audit.upstreamStatus = error instanceof V41Error ? (error.status ?? null) : null;
    if (outcomeUnknown(error)) {
      await forget?.();
      throw unknownLocalOutcome(operation);
    }
    if (error instanceof V41NotFoundError) return 'not-found';
    if (error instanceof V41BadRequestError) {
      const field = error.property ? INPUT_FIELD_OF[error.property] : undefined;
      return [userError(UserErrorCode.UPSTREAM_REJECTED, refusal(error), field ? ['input', field] : undefined)];
    }
    if (error instanceof V41Error && error.status !== undefined && error.status >= 400 && error.status < 500 && ![401, 403, 429].includes(error.status)) {
      return [userError(UserErrorCode.UPSTREAM_REJECTED, refusal(error))];
    }
    throw error;
  }
}

/**
 * PrivX answers a taken username with a bare 400 on `username`: when the username is indeed taken (by someone
 * else), that refusal is ALREADY_EXISTS.
 */
export async function alreadyExists(errors: UserError[], taken: () => Promise<boolean>): Promise<UserError[]> {
  const onUsername = errors.some((e) => e.code === UserErrorCode.UPSTREAM_REJECTED && e.field?.join('.') === 'input.username');
  if (!onUsername || !(await taken())) return errors;
  return [userError(UserErrorCode.ALREADY_EXISTS, 'Another local user has this username.', ['input', 'username'])];
}
