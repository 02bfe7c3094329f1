import { Directive, Field, ObjectType } from 'type-graphql';
import { Weekday } from '../role-assignment/weekday.type';

@ObjectType({ simpleResolvers: true, description: "When and from where a role's grants may be used (the PrivX role context)." })
export class RoleContext {
  @Directive('@listSize(assumedSize: 7)')
  @Field(() => [Weekday], { description: 'The days, in `timezone`, on which the role may be used; empty: every day.' })
  weekdays!: Weekday[];

  @Field(() => String, { nullable: true, description: 'Local time `HH:MM` in `timezone` from which the role may be used each allowed day.' })
  startTime!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Local time `HH:MM` until which it may be used; at or before `startTime`, the window runs past midnight.',
  })
  endTime!: string | null;

  @Field(() => String, { nullable: true, description: 'The IANA time zone of the window, as PrivX holds it; UTC is used when empty or unknown.' })
  timezone!: string | null;

  @Directive('@listSize(assumedSize: 5)')
  @Field(() => [String], { description: 'Address masks (IPv4 and IPv6 CIDR) the role may be used from; empty: any address.' })
  ipMasks!: string[];

  @Field(() => Boolean, { description: 'PrivX `block_role`, as given; it does not enter `RoleAssignment.state`.' })
  blocksRole!: boolean;
}
