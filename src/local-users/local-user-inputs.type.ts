import { Field, ID, InputType } from 'type-graphql';

const KEY = 'Makes a retry safe: the same key with the same input within 24 hours returns the first payload and writes nothing.';

@InputType({ description: "Create a user in PrivX's built-in (local) directory. Field names are the unified ones (docs/mapping.md#writing-a-local-user)." })
export class CreateLocalUserInput {
  @Field(() => String, { description: 'Unique in the local directory: a username or an email address.' })
  username!: string;

  @Field(() => String, { nullable: true, description: 'The first (given) name.' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'The last (family) name.' })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'The full name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'The job title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'The primary (and only) email address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'The primary (and only) phone number; a trailing extension such as "x12" is kept.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'The company.' })
  organization?: string | null;

  @Field(() => String, { nullable: true, description: 'The department (a DEPARTMENT group when read).' })
  department?: string | null;

  @Field(() => [String], { nullable: true, description: 'Tags (TAG groups when read).' })
  tags?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'BCP 47 tags; the first becomes the PrivX locale: "fi-FI" -> fi_FI.' })
  languages?: string[] | null;

  @Field(() => String, { nullable: true, description: 'An IANA time zone, e.g. Europe/Helsinki.' })
  timezone?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL of a picture.' })
  avatar?: string | null;

  @Field(() => String, { nullable: true, description: 'Write-only: never returned, logged or stored by this service. Without one the user cannot log in until a password is set.' })
  password?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'The user must choose a new password at first login (status INVITED until then).' })
  requirePasswordChange?: boolean | null;

  @Field(() => String, { nullable: true, description: KEY })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Change a local user: every field but `id`, `expectedUpdatedAt` and `idempotencyKey` is absent = unchanged, null = cleared.' })
export class UpdateLocalUserInput {
  @Field(() => ID, { description: 'The local user.' })
  id!: string;

  @Field(() => Date, { nullable: true, description: "The record's updatedAt as the caller last read it; if it differs now: CONFLICT, nothing written." })
  expectedUpdatedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Cannot be cleared.' })
  username?: string | null;

  @Field(() => String, { nullable: true, description: 'The first (given) name. Absent: unchanged; null: cleared.' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'The last (family) name. Absent: unchanged; null: cleared.' })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'The full name. Absent: unchanged; null: cleared.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'The job title. Absent: unchanged; null: cleared.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'The primary (and only) email address. Absent: unchanged; null: cleared.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'The primary (and only) phone number. Absent: unchanged; null: cleared.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'The company. Absent: unchanged; null: cleared.' })
  organization?: string | null;

  @Field(() => String, { nullable: true, description: 'The department (a DEPARTMENT group when read). Absent: unchanged; null: cleared.' })
  department?: string | null;

  @Field(() => [String], { nullable: true, description: 'Tags (TAG groups when read). Absent: unchanged; null: cleared.' })
  tags?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'BCP 47 tags; the first becomes the PrivX locale: "fi-FI" -> fi_FI. Absent: unchanged; null: cleared.' })
  languages?: string[] | null;

  @Field(() => String, { nullable: true, description: 'An IANA time zone, e.g. Europe/Helsinki. Absent: unchanged; null: cleared.' })
  timezone?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL of a picture. Absent: unchanged; null: cleared.' })
  avatar?: string | null;

  @Field(() => String, { nullable: true, description: KEY })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Delete a local user.' })
export class DeleteLocalUserInput {
  @Field(() => ID, { description: 'The local user.' })
  id!: string;

  @Field(() => Date, { nullable: true, description: "The record's updatedAt as the caller last read it; if it differs now: CONFLICT, nothing deleted." })
  expectedUpdatedAt?: Date | null;

  @Field(() => String, { nullable: true, description: KEY })
  idempotencyKey?: string | null;
}

@InputType({ description: "Set a local user's password. Never idempotency-keyed: the password would have to be kept to compare a repeat." })
export class SetLocalUserPasswordInput {
  @Field(() => ID, { description: 'The local user.' })
  id!: string;

  @Field(() => String, { description: 'Write-only: never returned, logged or stored by this service.' })
  password!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'The user must choose a new password at next login.' })
  requireChange?: boolean | null;
}

@InputType({ description: 'A security action on one user of any directory.' })
export class UserActionInput {
  @Field(() => ID, { description: 'The user (any directory).' })
  userId!: string;

  @Field(() => String, { nullable: true, description: KEY })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Everything an administrator does when a person leaves.' })
export class OffboardUserInput {
  @Field(() => ID, { description: 'The user (any directory).' })
  userId!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Also delete the record, for a local user (directory users stay in their directory).' })
  deleteLocalUser?: boolean | null;

  @Field(() => String, { nullable: true, description: KEY })
  idempotencyKey?: string | null;
}
