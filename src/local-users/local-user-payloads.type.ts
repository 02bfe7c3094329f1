import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { USER_ERRORS_SIZE, UserError } from '../writes/user-error';
import { User } from '../entities/user/user.type';

@ObjectType({ simpleResolvers: true, description: 'The outcome of a local-user mutation.' })
export class LocalUserPayload {
  /** Its stored form, kept for a repeat of the idempotency key. Not part of the schema. */
  stored?: unknown;

  @Field(() => User, { nullable: true, description: 'The user, read after the write; null when nothing was written.' })
  user?: User | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  userErrors!: UserError[];

  /** Whose record: the `user` field reads it. Not part of the schema. */
  userId!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'The outcome of deleteLocalUser.' })
export class DeleteLocalUserPayload {
  stored?: unknown;

  @Field(() => ID, { nullable: true, description: 'The id of the deleted user; null when nothing was deleted.' })
  deletedUserId!: string | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError], { description: 'Why nothing was deleted; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ simpleResolvers: true, description: 'The outcome of a security action on a user.' })
export class UserActionPayload {
  stored?: unknown;

  @Field(() => User, { nullable: true, description: 'The user, read after the action.' })
  user?: User | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError], { description: 'Why nothing was done; empty on success.' })
  userErrors!: UserError[];

  userId!: string | null;
}

export enum OffboardingStepName {
  TERMINATE_SESSIONS = 'TERMINATE_SESSIONS',
  REVOKE_GRANTS = 'REVOKE_GRANTS',
  RESET_MFA = 'RESET_MFA',
  DELETE_LOCAL_USER = 'DELETE_LOCAL_USER',
}

registerEnumType(OffboardingStepName, {
  name: 'OffboardingStepName',
  description: 'A step of offboardUser, in the order they run.',
  valuesConfig: {
    TERMINATE_SESSIONS: { description: "End the user's sessions." },
    REVOKE_GRANTS: { description: 'Revoke every explicit role grant (directory-mapped roles stay with the directory).' },
    RESET_MFA: { description: 'Reset MFA: the user would have to enrol again.' },
    DELETE_LOCAL_USER: { description: 'Delete the local record (only when asked, and only for a local user).' },
  },
});

export enum StepOutcome {
  DONE = 'DONE',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

registerEnumType(StepOutcome, {
  name: 'StepOutcome',
  description: 'How one offboarding step ended.',
  valuesConfig: {
    DONE: { description: 'Done now, or already so (nothing left to do).' },
    FAILED: { description: 'Not done; `message` says why. Run offboardUser again to finish it.' },
    SKIPPED: { description: 'Not asked for (e.g. deleting a local user without `deleteLocalUser: true`).' },
    NOT_APPLICABLE: { description: 'Cannot apply to this user (e.g. deleting a directory user, who stays in their directory).' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'One step of offboardUser and how it ended.' })
export class OffboardingStep {
  @Field(() => OffboardingStepName, { description: 'Which step.' })
  step!: OffboardingStepName;

  @Field(() => StepOutcome, { description: 'How it ended.' })
  outcome!: StepOutcome;

  @Field(() => String, { nullable: true, description: 'What was done, or why not.' })
  message!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'The outcome of offboardUser: every step, each with its outcome.' })
export class OffboardUserPayload {
  stored?: unknown;

  @Directive('@listSize(assumedSize: 4)')
  @Field(() => [OffboardingStep], { description: 'Every step, in the order run; a failed step did not stop the later ones.' })
  steps!: OffboardingStep[];

  @Field(() => User, { nullable: true, description: 'The user, read after the steps; null once deleted.' })
  user?: User | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError], { description: 'Why no step ran (a malformed or unknown user id); empty otherwise.' })
  userErrors!: UserError[];

  userId!: string | null;
}
