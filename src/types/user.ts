import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { V41RoleStoreUser } from '../../datasources/v41/models';
import { Email } from './email';
import { Group } from './group';
import { MfaStatus } from './mfa-status';
import { Organization } from './organization';
import { Phone } from './phone';
import { Url } from './url';

/**
 * The fields that need the request's loaders (name, status, rawStatus, roles, roleAssignments, workspace,
 * remoteData) are field resolvers in `resolvers/`, not properties here.
 */
@Directive('@key(fields: "id")')
@ObjectType({ simpleResolvers: true, description: 'A person with a PrivX account, from any of its user directories.' })
export class User {
  @Field(() => ID, { description: 'The PrivX user uuid (for local users, also their local user store id).' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The first name; split from a two-word full name when no parts are given.' })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: 'The last name; split from a two-word full name when no parts are given.' })
  lastName!: string | null;

  @Field(() => String, { nullable: true, description: 'The job title.' })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'The username the user signs in with (PrivX principal).' })
  username!: string | null;

  @Directive('@tag(name: "pii")')
  @Directive('@listSize(assumedSize: 3)')
  @Field(() => [Email], { description: 'The email addresses; empty when none is known.' })
  emails!: Email[];

  @Directive('@tag(name: "pii")')
  @Directive('@listSize(assumedSize: 3)')
  @Directive('@requiresScopes(scopes: [["users:pii"]])')
  @Field(() => [Phone], { nullable: true, description: 'The telephone numbers; needs the `users:pii` scope.' })
  phones!: Phone[] | null;

  @Directive('@listSize(assumedSize: 1)')
  @Field(() => [Organization], { description: 'The organizations (companies) the user belongs to; empty when none.' })
  organizations!: Organization[];

  @Directive('@listSize(assumedSize: 5)')
  @Field(() => [Group], { description: "The user's department, then each of the user's tags." })
  groups!: Group[];

  @Field(() => String, { nullable: true, description: 'The avatar URL, from the `avatar` attribute.' })
  avatar!: string | null;

  @Field(() => String, { nullable: true, description: 'The time zone, from the `timezone` attribute.' })
  timezone!: string | null;

  @Field(() => [String], { description: 'The preferred languages as BCP 47 tags, e.g. `fi-FI`; empty when unknown.' })
  languages!: string[];

  @Field(() => Date, { nullable: true, description: 'When the user was created in PrivX.' })
  createdAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the user was last updated in PrivX.' })
  updatedAt!: Date | null;

  @Directive('@listSize(assumedSize: 3)')
  @Field(() => [Url], { description: 'Web addresses from the user attributes (other than the avatar).' })
  urls!: Url[];

  @Directive('@requiresScopes(scopes: [["users:raw"]])')
  @Field(() => MfaStatus, {
    nullable: true,
    description:
      "Multi-factor authentication status; null when PrivX does not say. Needs `users:raw`: it tells who is easiest to take over, and was only in `remoteData` before.",
  })
  mfaStatus!: MfaStatus | null;

  @Field(() => String, {
    nullable: true,
    description: "The user's id in the directory PrivX synchronises from (`external_id`). Needs no scope: an opaque identifier for joining systems, like `id`.",
  })
  externalId!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the directory last synchronised this user (PrivX `RefreshTimestamp`); null for local users. Needs no scope: operational freshness.',
  })
  lastSyncedAt!: Date | null;

  /** The role-store record this user was mapped from, for the field resolvers. Not part of the schema. */
  record!: V41RoleStoreUser;
}
