import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../shared/page-info.type';

export enum UserChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
  ROLES_CHANGED = 'ROLES_CHANGED',
  GRANT_STARTED = 'GRANT_STARTED',
  GRANT_ENDED = 'GRANT_ENDED',
}

registerEnumType(UserChangeKind, {
  name: 'UserChangeKind',
  description: 'What happened to a user (docs/changes.md).',
  valuesConfig: {
    CREATED: { description: "A user id not seen before appeared; `at` is the record's `createdAt`." },
    UPDATED: { description: "A known user's record changed; `at` is its new `updatedAt`." },
    DELETED: { description: 'The user is gone from PrivX; `at` is when the subgraph noticed.' },
    ROLES_CHANGED: { description: "The user's grants (role, type, periods) differ from the last ones seen, or this subgraph changed them." },
    GRANT_STARTED: { description: 'A time-restricted grant entered one of its periods; `at` is the period start. No PrivX change at all.' },
    GRANT_ENDED: { description: 'A time-restricted grant left its period; `at` is the period end. No PrivX change at all.' },
  },
});

/** The change as stored; `user` and `role` are resolved when read (src/entities/user-change/user-change.rules.ts). */
@ObjectType({ simpleResolvers: true, description: 'One change of one user, in feed order.' })
export class UserChange {
  @Field(() => String, { description: 'This change\'s place in the feed: pass it as `after` to read what follows.' })
  cursor!: string;

  @Field(() => UserChangeKind, { description: 'What happened.' })
  kind!: UserChangeKind;

  @Field(() => ID, { description: 'The user uuid (also for DELETED).' })
  userId!: string;

  @Field(() => Date, { description: 'When it happened (see UserChangeKind).' })
  at!: Date;

  /** The role of a GRANT_* or single-role ROLES_CHANGED change. */
  roleId?: string;
}

@ObjectType({ simpleResolvers: true, description: 'A page of the change feed.' })
export class UserChangeConnection {
  @Field(() => [UserChange], { description: 'The changes of this page, oldest first.' })
  nodes!: UserChange[];

  @Field(() => PageInfo, { description: '`endCursor` is what to pass as `after` next, also when the page is empty.' })
  pageInfo!: PageInfo;
}
