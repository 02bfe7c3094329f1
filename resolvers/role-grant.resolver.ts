import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { roleById } from '../src/entities/role';
import { userById } from '../src/entities/user';
import { grantRole, revokeGrants, revokeRole } from '../src/grants';
import { roleFromAssignment } from '../src/mapping';
import {
  GrantRevocation,
  GrantRoleInput,
  GrantRolePayload,
  RevokeGrantsInput,
  RevokeGrantsPayload,
  RevokeRoleInput,
  RevokeRolePayload,
  Role,
  User,
} from '../src/types';
import { MUTATION_COST, BULK_MUTATION_COST } from './demand-control';

const ROLES_GRANT = '@requiresScopes(scopes: [["roles:grant"]])';

/** Time-bound role grants (docs/writes.md): each call one lock, fresh reads, one PUT, a read-back. */
@Resolver()
export class RoleGrantResolver {
  @Directive(ROLES_GRANT)
  @Directive(MUTATION_COST)
  @Mutation(() => GrantRolePayload, {
    description:
      "Grants a role to a user, or replaces the terms of the user's explicit grant of it (extend, shorten). Every other grant of the user is kept as it is. Scope roles:grant.",
  })
  grantRole(@Arg('input', () => GrantRoleInput) input: GrantRoleInput, @Ctx() context: Context): Promise<GrantRolePayload> {
    return grantRole(context, input);
  }

  @Directive(ROLES_GRANT)
  @Directive(MUTATION_COST)
  @Mutation(() => RevokeRolePayload, {
    description: "Revokes a user's explicit grant of a role; a role held only through a directory mapping is IMPLICIT_GRANT. Scope roles:grant.",
  })
  revokeRole(@Arg('input', () => RevokeRoleInput) input: RevokeRoleInput, @Ctx() context: Context): Promise<RevokeRolePayload> {
    return revokeRole(context, input);
  }

  @Directive(ROLES_GRANT)
  @Directive(BULK_MUTATION_COST)
  @Mutation(() => RevokeGrantsPayload, {
    description: 'Revokes every explicit grant a filter selects (at most 500 pairs), one user at a time, reporting each pair; `dryRun` writes nothing. Scope roles:grant.',
  })
  revokeGrants(@Arg('input', () => RevokeGrantsInput) input: RevokeGrantsInput, @Ctx() context: Context): Promise<RevokeGrantsPayload> {
    return revokeGrants(context, input);
  }
}

/** `user` of a payload: read after the write, through the request's loaders (whose memo of the user the write cleared). */
function userOf(context: Context, userId: string | null): Promise<User | null> {
  return userId ? userById(context, userId) : Promise.resolve(null);
}

@Resolver(() => GrantRolePayload)
export class GrantRolePayloadResolver {
  @FieldResolver(() => User, { nullable: true, description: 'The user, read after the write.' })
  user(@Root() payload: GrantRolePayload, @Ctx() context: Context): Promise<User | null> {
    return userOf(context, payload.userId);
  }
}

@Resolver(() => RevokeRolePayload)
export class RevokeRolePayloadResolver {
  @FieldResolver(() => User, { nullable: true, description: 'The user, read after the write.' })
  user(@Root() payload: RevokeRolePayload, @Ctx() context: Context): Promise<User | null> {
    return userOf(context, payload.userId);
  }
}

@Resolver(() => GrantRevocation)
export class GrantRevocationResolver {
  @FieldResolver(() => User, { nullable: true, description: 'The user, read after the revocations.' })
  user(@Root() revocation: GrantRevocation, @Ctx() context: Context): Promise<User | null> {
    return userOf(context, revocation.userId);
  }

  @FieldResolver(() => Role, { description: 'The role granted.' })
  async role(@Root() revocation: GrantRevocation, @Ctx() context: Context): Promise<Role> {
    // A role deleted since is still named as the grant named it.
    return (await roleById(context, revocation.roleId)) ?? roleFromAssignment({ id: revocation.roleId, name: revocation.roleName ?? undefined });
  }
}
