import { Arg, Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import type { Connection } from '../src/entities/shared/paging.rules';
import * as assignments from '../src/entities/role-assignment/role-assignment.rules';
import { AssignmentState, PageArgs, RoleAssignment, RoleAssignmentFilter, RoleAssignmentHolder, RoleAssignmentHolderConnection } from '../src/entities/types';
import { PAGED_CONNECTION, UPSTREAM_SEARCH_COST } from './demand-control';

/** Grant states (docs/access.md) and the access-review query. */
@Resolver(() => RoleAssignment)
export class RoleAssignmentResolver {
  @Directive(UPSTREAM_SEARCH_COST)
  @Directive(PAGED_CONNECTION)
  @Query(() => RoleAssignmentHolderConnection, {
    description:
      'Role grants across the directory, by user then role: by role, by state at an instant, or ending before an instant. Reads the cached role-membership index: no upstream call beyond it.',
  })
  roleAssignments(
    @Arg('filter', () => RoleAssignmentFilter, { nullable: true, description: 'Only grants matching every given condition.' })
    filter: RoleAssignmentFilter | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: Context,
  ): Promise<Connection<RoleAssignmentHolder>> {
    return assignments.roleAssignmentsConnection(context, filter, first, after);
  }

  @FieldResolver(() => AssignmentState, { description: 'Whether the grant is usable at `at`, by the rules of docs/access.md.' })
  state(
    @Root() assignment: RoleAssignment,
    @Ctx() context: Context,
    @Arg('at', () => Date, { nullable: true, description: 'The instant; now when absent.' }) at: Date | null,
    @Arg('from', () => String, { nullable: true, description: "The caller's IP address (IPv4 or IPv6), checked against the role's IP masks." })
    from: string | null,
  ): Promise<AssignmentState> {
    return assignments.assignmentState(assignment, context, at, from);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the grant is ACTIVE now (a FLOATING grant is ACTIVATABLE, not active).' })
  activeNow(@Root() assignment: RoleAssignment, @Ctx() context: Context): Promise<boolean> {
    return assignments.assignmentActiveNow(assignment, context);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'The first instant after `at` at which `state` (without `from`) changes: a period or context window edge; null when it never does.',
  })
  nextChangeAt(
    @Root() assignment: RoleAssignment,
    @Ctx() context: Context,
    @Arg('at', () => Date, { nullable: true, description: 'The instant to look from; now when absent.' }) at: Date | null,
  ): Promise<Date | null> {
    return assignments.assignmentNextChangeAt(assignment, context, at);
  }
}
