import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { userById } from '../src/entities/user/user.rules';
import { createLocalUser, deleteLocalUser, offboardUser, resetUserMfa, setLocalUserPassword, terminateUserSessions, updateLocalUser } from '../src/local-users';
import { User } from '../src/entities/types';
import { CreateLocalUserInput, DeleteLocalUserInput, OffboardUserInput, SetLocalUserPasswordInput, UpdateLocalUserInput, UserActionInput } from '../src/local-users/local-user-inputs.type';
import { DeleteLocalUserPayload, LocalUserPayload, OffboardUserPayload, UserActionPayload } from '../src/local-users/local-user-payloads.type';
import { MUTATION_COST } from './demand-control';

const USERS_WRITE = '@requiresScopes(scopes: [["users:write"]])';
const USERS_WRITE_AND_ROLES_GRANT = '@requiresScopes(scopes: [["users:write", "roles:grant"]])';

/** The local-user lifecycle and user security actions (docs/local-users.md). */
@Resolver()
export class LocalUserResolver {
  @Directive(USERS_WRITE)
  @Directive(MUTATION_COST)
  @Mutation(() => LocalUserPayload, { description: 'Creates a user in the local directory; ALREADY_EXISTS for a taken username. Scope users:write.' })
  createLocalUser(@Arg('input', () => CreateLocalUserInput) input: CreateLocalUserInput, @Ctx() context: Context): Promise<LocalUserPayload> {
    return createLocalUser(context, input);
  }

  @Directive(USERS_WRITE)
  @Directive(MUTATION_COST)
  @Mutation(() => LocalUserPayload, {
    description: 'Changes the given fields of a local user (absent: unchanged, null: cleared), keeping every field this API does not model. Scope users:write.',
  })
  updateLocalUser(@Arg('input', () => UpdateLocalUserInput) input: UpdateLocalUserInput, @Ctx() context: Context): Promise<LocalUserPayload> {
    return updateLocalUser(context, input);
  }

  @Directive(USERS_WRITE)
  @Directive(MUTATION_COST)
  @Mutation(() => DeleteLocalUserPayload, { description: 'Deletes a local user. Scope users:write.' })
  deleteLocalUser(@Arg('input', () => DeleteLocalUserInput) input: DeleteLocalUserInput, @Ctx() context: Context): Promise<DeleteLocalUserPayload> {
    return deleteLocalUser(context, input);
  }

  @Directive(USERS_WRITE)
  @Directive(MUTATION_COST)
  @Mutation(() => LocalUserPayload, { description: "Sets a local user's password (write-only: never returned, logged or stored). Scope users:write." })
  setLocalUserPassword(@Arg('input', () => SetLocalUserPasswordInput) input: SetLocalUserPasswordInput, @Ctx() context: Context): Promise<LocalUserPayload> {
    return setLocalUserPassword(context, input);
  }

  @Directive(USERS_WRITE)
  @Directive(MUTATION_COST)
  @Mutation(() => UserActionPayload, { description: 'Resets the MFA of a user of any directory: they enrol again at next login. Scope users:write.' })
  resetUserMfa(@Arg('input', () => UserActionInput) input: UserActionInput, @Ctx() context: Context): Promise<UserActionPayload> {
    return resetUserMfa(context, input);
  }

  @Directive(USERS_WRITE)
  @Directive(MUTATION_COST)
  @Mutation(() => UserActionPayload, { description: 'Ends every session of a user of any directory. Scope users:write.' })
  terminateUserSessions(@Arg('input', () => UserActionInput) input: UserActionInput, @Ctx() context: Context): Promise<UserActionPayload> {
    return terminateUserSessions(context, input);
  }

  @Directive(USERS_WRITE_AND_ROLES_GRANT)
  @Directive(MUTATION_COST)
  @Mutation(() => OffboardUserPayload, {
    description:
      'Everything for a person who leaves: ends sessions, revokes every explicit grant, resets MFA and, when asked, deletes a local user. Each step is reported; run it again to finish a failed step. Scopes users:write and roles:grant.',
  })
  offboardUser(@Arg('input', () => OffboardUserInput) input: OffboardUserInput, @Ctx() context: Context): Promise<OffboardUserPayload> {
    return offboardUser(context, input);
  }
}

function userOf(context: Context, userId: string | null): Promise<User | null> {
  return userId ? userById(context, userId) : Promise.resolve(null);
}

@Resolver(() => LocalUserPayload)
export class LocalUserPayloadResolver {
  @FieldResolver(() => User, { nullable: true, description: 'The user, read after the write; null when nothing was written.' })
  user(@Root() payload: LocalUserPayload, @Ctx() context: Context): Promise<User | null> {
    return userOf(context, payload.userId);
  }
}

@Resolver(() => UserActionPayload)
export class UserActionPayloadResolver {
  @FieldResolver(() => User, { nullable: true, description: 'The user, read after the action.' })
  user(@Root() payload: UserActionPayload, @Ctx() context: Context): Promise<User | null> {
    return userOf(context, payload.userId);
  }
}

@Resolver(() => OffboardUserPayload)
export class OffboardUserPayloadResolver {
  @FieldResolver(() => User, { nullable: true, description: 'The user, read after the steps; null once deleted.' })
  user(@Root() payload: OffboardUserPayload, @Ctx() context: Context): Promise<User | null> {
    return userOf(context, payload.userId);
  }
}
