import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { V41RoleStoreUser } from '../../../datasources/v41/models';
import type { PersonName } from './names.mapping';
import { userFieldValues } from './user-fields.mapping';
import { Email } from './email.type';
import { GetterField } from '../shared/getter-field';
import { Group } from '../group/group.type';
import { MfaStatus } from './mfa-status.type';
import { Organization } from '../organization/organization.type';
import { Phone } from './phone.type';
import { Url } from './url.type';

/**
 * A view over one role-store record: each field below is a getter that maps its value with a pure function
 * (src/entities/user/user-fields.mapping.ts) the first time it is read and keeps it, so a query computes only the fields it
 * selects, once per user however often they are selected (aliases, `edges` and `nodes`).
 * The fields that need the request's loaders (name, status, rawStatus, roles, roleAssignments, workspace,
 * remoteData) are field resolvers in `resolvers/`, not properties here.
 */
@Directive('@key(fields: "id")')
@ObjectType({ simpleResolvers: true, description: 'A person with a PrivX account, from any of its user directories.' })
export class User {
  @Field(() => ID, { description: 'The PrivX user uuid (for local users, also their local user store id).' })
  readonly id: string;

  /** The role-store record this user is a view of, for the getters and the field resolvers. Not part of the schema. */
  readonly record: V41RoleStoreUser;

  // Each value once computed; undefined until its field is first read (no mapped value is undefined).
  #names: PersonName | undefined;
  #title: string | null | undefined;
  #username: string | null | undefined;
  #emails: Email[] | undefined;
  #phones: Phone[] | null | undefined;
  #organizations: Organization[] | undefined;
  #groups: Group[] | undefined;
  #avatar: string | null | undefined;
  #timezone: string | null | undefined;
  #languages: string[] | undefined;
  #createdAt: Date | null | undefined;
  #updatedAt: Date | null | undefined;
  #urls: Url[] | undefined;
  #mfaStatus: MfaStatus | null | undefined;
  #externalId: string | null | undefined;
  #lastSyncedAt: Date | null | undefined;

  constructor(record: V41RoleStoreUser) {
    this.id = record.id;
    this.record = record;
  }

  @GetterField(() => String, { nullable: true, description: 'The first name; split from a two-word full name when no parts are given.' })
  get firstName(): string | null {
    return (this.#names ??= userFieldValues.names(this.record)).firstName;
  }

  @GetterField(() => String, { nullable: true, description: 'The last name; split from a two-word full name when no parts are given.' })
  get lastName(): string | null {
    return (this.#names ??= userFieldValues.names(this.record)).lastName;
  }

  @GetterField(() => String, { nullable: true, description: 'The job title.' })
  get title(): string | null {
    return this.#title !== undefined ? this.#title : (this.#title = userFieldValues.title(this.record));
  }

  @GetterField(() => String, { nullable: true, description: 'The username the user signs in with (PrivX principal).' })
  get username(): string | null {
    return this.#username !== undefined ? this.#username : (this.#username = userFieldValues.username(this.record));
  }

  @Directive('@tag(name: "pii")')
  @Directive('@listSize(assumedSize: 3)')
  @GetterField(() => [Email], { description: 'The email addresses; empty when none is known.' })
  get emails(): Email[] {
    return this.#emails !== undefined ? this.#emails : (this.#emails = userFieldValues.emails(this.record));
  }

  @Directive('@tag(name: "pii")')
  @Directive('@listSize(assumedSize: 3)')
  @Directive('@requiresScopes(scopes: [["users:pii"]])')
  @GetterField(() => [Phone], { nullable: true, description: 'The telephone numbers; needs the `users:pii` scope.' })
  get phones(): Phone[] | null {
    return this.#phones !== undefined ? this.#phones : (this.#phones = userFieldValues.phones(this.record));
  }

  @Directive('@listSize(assumedSize: 1)')
  @GetterField(() => [Organization], { description: 'The organizations (companies) the user belongs to; empty when none.' })
  get organizations(): Organization[] {
    return this.#organizations !== undefined ? this.#organizations : (this.#organizations = userFieldValues.organizations(this.record));
  }

  @Directive('@listSize(assumedSize: 5)')
  @GetterField(() => [Group], { description: "The user's department, then each of the user's tags." })
  get groups(): Group[] {
    return this.#groups !== undefined ? this.#groups : (this.#groups = userFieldValues.groups(this.record));
  }

  @GetterField(() => String, { nullable: true, description: 'The avatar URL, from the `avatar` attribute.' })
  get avatar(): string | null {
    return this.#avatar !== undefined ? this.#avatar : (this.#avatar = userFieldValues.avatar(this.record));
  }

  @GetterField(() => String, { nullable: true, description: 'The time zone, from the `timezone` attribute.' })
  get timezone(): string | null {
    return this.#timezone !== undefined ? this.#timezone : (this.#timezone = userFieldValues.timezone(this.record));
  }

  @GetterField(() => [String], { description: 'The preferred languages as BCP 47 tags, e.g. `fi-FI`; empty when unknown.' })
  get languages(): string[] {
    return this.#languages !== undefined ? this.#languages : (this.#languages = userFieldValues.languages(this.record));
  }

  @GetterField(() => Date, { nullable: true, description: 'When the user was created in PrivX.' })
  get createdAt(): Date | null {
    return this.#createdAt !== undefined ? this.#createdAt : (this.#createdAt = userFieldValues.createdAt(this.record));
  }

  @GetterField(() => Date, { nullable: true, description: 'When the user was last updated in PrivX.' })
  get updatedAt(): Date | null {
    return this.#updatedAt !== undefined ? this.#updatedAt : (this.#updatedAt = userFieldValues.updatedAt(this.record));
  }

  @Directive('@listSize(assumedSize: 3)')
  @GetterField(() => [Url], { description: 'Web addresses from the user attributes (other than the avatar).' })
  get urls(): Url[] {
    return this.#urls !== undefined ? this.#urls : (this.#urls = userFieldValues.urls(this.record));
  }

  @Directive('@requiresScopes(scopes: [["users:raw"]])')
  @GetterField(() => MfaStatus, {
    nullable: true,
    description:
      "Multi-factor authentication status; null when PrivX does not say. Needs `users:raw`: it tells who is easiest to take over, and was only in `remoteData` before.",
  })
  get mfaStatus(): MfaStatus | null {
    return this.#mfaStatus !== undefined ? this.#mfaStatus : (this.#mfaStatus = userFieldValues.mfaStatus(this.record));
  }

  @GetterField(() => String, {
    nullable: true,
    description: "The user's id in the directory PrivX synchronises from (`external_id`). Needs no scope: an opaque identifier for joining systems, like `id`.",
  })
  get externalId(): string | null {
    return this.#externalId !== undefined ? this.#externalId : (this.#externalId = userFieldValues.externalId(this.record));
  }

  @GetterField(() => Date, {
    nullable: true,
    description: 'When the directory last synchronised this user (PrivX `RefreshTimestamp`); null for local users. Needs no scope: operational freshness.',
  })
  get lastSyncedAt(): Date | null {
    return this.#lastSyncedAt !== undefined ? this.#lastSyncedAt : (this.#lastSyncedAt = userFieldValues.lastSyncedAt(this.record));
  }

}
