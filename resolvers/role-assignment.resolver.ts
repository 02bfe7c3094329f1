import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { grantState, nextStateChange, parseAddress } from '../src/access';
import type { Context } from '../src/context';
import { badUserInput } from '../src/errors';
import { AssignmentState, RoleAssignment } from '../src/types';
import { evaluationOf } from '../src/entities/assignment-access';
import { requestNow } from '../src/entities/request-clock';

function instantArg(at: Date | null | undefined, context: Context): number {
  return at ? at.getTime() : requestNow(context);
}

/** The state of a grant (docs/access.md): evaluated here from the records, never by an upstream call. */
@Resolver(() => RoleAssignment)
export class RoleAssignmentFields {
  @FieldResolver(() => AssignmentState, { description: 'Whether the grant is usable at `at`, by the rules of docs/access.md.' })
  async state(
    @Root() assignment: RoleAssignment,
    @Ctx() context: Context,
    @Arg('at', () => Date, { nullable: true, description: 'The instant; now when absent.' }) at: Date | null,
    @Arg('from', () => String, { nullable: true, description: "The caller's IP address (IPv4 or IPv6), checked against the role's IP masks." })
    from: string | null,
  ): Promise<AssignmentState> {
    const address = from === null || from === undefined ? null : parseAddress(from);
    if (from !== null && from !== undefined && address === null) throw badUserInput('from must be an IPv4 or IPv6 address', 'from');
    return grantState(await evaluationOf(assignment, context), instantArg(at, context), address) as AssignmentState;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the grant is ACTIVE now (a FLOATING grant is ACTIVATABLE, not active).' })
  async activeNow(@Root() assignment: RoleAssignment, @Ctx() context: Context): Promise<boolean> {
    return grantState(await evaluationOf(assignment, context), requestNow(context)) === 'ACTIVE';
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'The first instant after `at` at which `state` (without `from`) changes: a period or context window edge; null when it never does.',
  })
  async nextChangeAt(
    @Root() assignment: RoleAssignment,
    @Ctx() context: Context,
    @Arg('at', () => Date, { nullable: true, description: 'The instant to look from; now when absent.' }) at: Date | null,
  ): Promise<Date | null> {
    const next = nextStateChange(await evaluationOf(assignment, context), instantArg(at, context));
    return next === null ? null : new Date(next);
  }
}
