import { GraphQLError } from 'graphql';
import { V41BudgetExceededError, V41Error } from '../../datasources/v41/errors';
import type { V41RoleStoreUser } from '../../datasources/v41/models';
import type { Context } from '../context';
import { upstreamCode } from '../errors';
import { applyRoleChange } from '../grants';
import { isLocalUser } from '../entities/mapping';
import { OffboardingStepName, StepOutcome, type OffboardUserPayload } from './local-user-payloads.type';
import { type OffboardUserInput } from './local-user-inputs.type';
import { outcomeUnknown, runMutation, userError, UserErrorCode, uuidField, type AuditRecord, type Writes } from '../writes';
import { announceUserChange, forgetUser } from './after-write';
import { offboardFailed, offboardPayload, type StoredOffboarding, type StoredStep } from './payloads';

type StepResult = Omit<StoredStep, 'step'>;

const done = (message: string | null = null): StepResult => ({ outcome: StepOutcome.DONE, message });
const failed = (message: string): StepResult => ({ outcome: StepOutcome.FAILED, message });

/**
 * offboardUser (docs/local-users.md#offboarding): end the sessions, revoke every explicit grant (through the
 * grants' lock-read-PUT-verify path, so no grant written meanwhile is lost), reset MFA and, when asked, delete
 * a local user. Every step runs whatever happened to the one before and is reported; every step is idempotent,
 * so running the mutation again finishes what failed (a payload with a failed step is not kept for its
 * idempotency key, so a retry with the same key runs again).
 */
export function offboardUser(context: Context, input: OffboardUserInput): Promise<OffboardUserPayload> {
  const { idempotencyKey, ...target } = input;
  const deleteAsked = input.deleteLocalUser ?? false;
  return runMutation(context, {
    operation: 'offboardUser',
    input: { ...target, deleteLocalUser: deleteAsked },
    idempotencyKey,
    target: { userId: input.userId },
    check: () => uuidField(input.userId, ['input', 'userId']),
    failed: offboardFailed,
    save: (payload) => payload.stored,
    keep: (payload) => payload.steps.every((s) => s.outcome !== StepOutcome.FAILED),
    restore: async (saved) => offboardPayload(saved as StoredOffboarding),
    run: async (audit) => {
      const writes = context.writes as Writes;
      const userId = input.userId.toLowerCase();
      const user = await writes.reader.getUser(userId);
      if (!user) return offboardFailed([userError(UserErrorCode.NOT_FOUND, `There is no user ${input.userId}.`, ['input', 'userId'])]);
      const steps: StoredStep[] = [];
      const run = async (step: OffboardingStepName, work: () => Promise<StepResult>) => {
        let result: StepResult;
        try {
          result = await work();
        } catch (error) {
          result = failed(failureMessage(error));
        }
        steps.push({ step, ...result });
      };
      await run(OffboardingStepName.TERMINATE_SESSIONS, async () => {
        audit.writes += 1;
        await writes.writer.terminateUserSessions(userId);
        return done('Every session of the user was ended.');
      });
      await run(OffboardingStepName.REVOKE_GRANTS, () => revokeEveryGrant(context, writes, userId, audit));
      await run(OffboardingStepName.RESET_MFA, async () => {
        audit.writes += 1;
        await writes.writer.resetUserMfa([userId]);
        await announceUserChange(context, writes, 'UPDATED', userId);
        return done('MFA was reset: the user would have to enrol again.');
      });
      await run(OffboardingStepName.DELETE_LOCAL_USER, () => deleteStep(context, writes, user, deleteAsked, audit));
      await forgetUser(context, writes, userId, { roles: true });
      audit.detail = { ...audit.detail, steps: Object.fromEntries(steps.map((s) => [s.step, s.outcome])) };
      return offboardPayload({ userId, steps, userErrors: [] });
    },
  });
}

/** Every explicit grant in one PUT, under the user's lock, read back; directory-mapped roles stay with the directory. */
async function revokeEveryGrant(context: Context, writes: Writes, userId: string, audit: AuditRecord): Promise<StepResult> {
  const applied = await applyRoleChange<null>(
    context,
    writes,
    userId,
    (roles) => {
      const explicit = new Set(roles.filter((r) => r.explicit === true).map((r) => r.id.toLowerCase()));
      return explicit.size === 0 ? { kind: 'skip', result: null } : { kind: 'write', change: { kind: 'revoke', roleIds: explicit } };
    },
    audit,
    'offboardUser',
  );
  const mappedNote = (roles: readonly { explicit?: boolean }[]) => {
    const mapped = roles.filter((r) => r.explicit !== true).length;
    return mapped > 0 ? ` ${mapped} role(s) granted through directory mappings remain: PrivX cannot revoke those per user; remove the user from the mapped directory group.` : '';
  };
  switch (applied.kind) {
    case 'no-user':
      return failed('The user no longer exists.');
    case 'conflict':
    case 'rejected':
      return failed(applied.message);
    case 'skipped':
      return done(`The user held no explicit grant.${mappedNote(applied.roles)}`);
    case 'written': {
      // Which grants went: the audit line names each one.
      audit.detail = { ...audit.detail, revoked: applied.before.filter((r) => r.explicit === true).map((r) => ({ userId, roleId: r.id })) };
      const revoked = applied.before.filter((r) => r.explicit === true).map((r) => r.name ?? r.id);
      return done(`Revoked ${revoked.length} explicit grant(s): ${revoked.join(', ')}.${mappedNote(applied.after)}`);
    }
  }
}

async function deleteStep(context: Context, writes: Writes, user: V41RoleStoreUser, asked: boolean, audit: AuditRecord): Promise<StepResult> {
  if (!isLocalUser(user)) {
    return {
      outcome: StepOutcome.NOT_APPLICABLE,
      message: `The user stays in their directory (${user.source_type ?? 'not the local one'}): PrivX cannot disable or delete one directory user. Disable them in that directory; they keep no explicit grant here.`,
    };
  }
  if (!asked) return { outcome: StepOutcome.SKIPPED, message: 'Not asked for (deleteLocalUser: false): the local user stays, without sessions, explicit grants or MFA.' };
  audit.writes += 1;
  const deleted = await writes.writer.deleteLocalUser(user.id.toLowerCase());
  if (deleted) await announceUserChange(context, writes, 'DELETED', user.id);
  return done(deleted ? 'The local user was deleted.' : 'The local user was already deleted.');
}

function failureMessage(error: unknown): string {
  if (outcomeUnknown(error)) return 'PrivX did not answer in time, after the call may have reached it; run offboardUser again to make sure (every step is safe to repeat).';
  if (error instanceof V41BudgetExceededError) return "This request's budget of upstream calls ran out before this step; run offboardUser again to finish.";
  if (error instanceof GraphQLError) return error.message;
  if (error instanceof V41Error) return `PrivX failed (${upstreamCode(error)}${error.status ? `, HTTP ${error.status}` : ''}); run offboardUser again to finish.`;
  return 'An unexpected error; run offboardUser again to finish.';
}
