import { Field, ID, InputType } from 'type-graphql';
import { AssignmentState } from './assignment-state.type';

@InputType({ description: 'Which grants `roleAssignments` lists; all given conditions must hold.' })
export class RoleAssignmentFilter {
  @Field(() => ID, { nullable: true, description: 'Only grants of this role.' })
  roleId?: string | null;

  @Field(() => [AssignmentState], { nullable: true, description: 'Only grants in one of these states at `at`.' })
  states?: AssignmentState[] | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Only TIME_RESTRICTED grants whose last period ends before this instant (ended ones included; add `states` to leave them out).',
  })
  endingBefore?: Date | null;

  @Field(() => Date, { nullable: true, description: 'The instant `states` are evaluated at; now when absent.' })
  at?: Date | null;
}
