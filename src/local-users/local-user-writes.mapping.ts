import type { LocalUserRecord, V41Attribute } from '../../datasources/v41/models';
import { isWebUrl, withAttribute } from '../entities/user/attributes.mapping';
import { languageToLocale } from '../entities/user/languages.mapping';
import { present } from '../entities/shared/text.mapping';

/**
 * The reverse mapping (docs/mapping.md#writing-a-local-user): the unified fields of a local-user mutation as a
 * v41 local user record. Pure: no upstream, no GraphQL. The password is not here; only the v41 client adds it.
 */

/** The unified fields a mutation may set. On update, `undefined` = unchanged and `null` = cleared. */
export interface LocalUserFields {
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
  organization?: string | null;
  department?: string | null;
  tags?: readonly string[] | null;
  languages?: readonly string[] | null;
  timezone?: string | null;
  avatar?: string | null;
}

/** A field the mapping cannot write, at its input path (`["input", "languages", "0"]`). */
export interface FieldProblem {
  field: string[];
  message: string;
}

export type MappedRecord = { ok: true; record: LocalUserRecord; changed: (keyof LocalUserFields)[] } | { ok: false; problems: FieldProblem[] };

/** Keys of the record that PrivX owns: never sent back (docs/upstream-v41.md#writes-to-the-local-user-store). */
export const SERVER_OWNED_LOCAL_KEYS: readonly string[] = ['id', 'created', 'updated', 'updated_by', 'updatedby', 'author', 'password'];

/** Unified field → v41 key, for the fields that map one to one (text, trimmed; blank = cleared). */
const TEXT_FIELDS = {
  firstName: 'first_name',
  lastName: 'last_name',
  name: 'full_name',
  title: 'job_title',
  organization: 'company',
  department: 'department',
  email: 'email',
  phone: 'telephone',
} as const satisfies Partial<Record<keyof LocalUserFields, string>>;

/** Attribute-backed fields: the same keys the forward mapping reads. */
const ATTRIBUTE_FIELDS = { timezone: 'timezone', avatar: 'avatar' } as const;

const FIELD_ORDER: readonly (keyof LocalUserFields)[] = [
  'username', 'firstName', 'lastName', 'name', 'title', 'email', 'phone', 'organization', 'department', 'tags', 'languages', 'timezone', 'avatar',
];

const EMAIL = /^[^\s@]+@[^\s@]+$/;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}


/** The checks a value must pass before it is written; each problem names its input path. */
export function localUserFieldProblems(fields: LocalUserFields, path: readonly string[], creating: boolean): FieldProblem[] {
  const at = (...rest: (string | number)[]) => [...path, ...rest.map(String)];
  const problems: FieldProblem[] = [];
  const username = fields.username;
  if (creating ? present(username) === undefined : username === null || (username !== undefined && present(username) === undefined)) {
    problems.push({ field: at('username'), message: 'username is required and cannot be blank.' });
  } else if (username && /\s/.test(username.trim())) {
    problems.push({ field: at('username'), message: 'username cannot contain whitespace.' });
  }
  const email = present(fields.email);
  if (email !== undefined && !EMAIL.test(email)) problems.push({ field: at('email'), message: `email must be an address like name@example.com, got ${JSON.stringify(email)}.` });
  fields.languages?.forEach((tag, index) => {
    if (index === 0 && languageToLocale(tag) === undefined) {
      problems.push({ field: at('languages', index), message: `${JSON.stringify(tag)} is not a language tag PrivX can hold (a two-letter language, an optional region: "fi-FI").` });
    }
  });
  const timezone = present(fields.timezone);
  if (timezone !== undefined && !isTimeZone(timezone)) problems.push({ field: at('timezone'), message: `timezone must be an IANA time zone such as Europe/Helsinki, got ${JSON.stringify(timezone)}.` });
  const avatar = present(fields.avatar);
  if (avatar !== undefined && !isWebUrl(avatar)) problems.push({ field: at('avatar'), message: 'avatar must be an http(s) URL.' });
  fields.tags?.forEach((tag, index) => {
    if (present(tag) === undefined) problems.push({ field: at('tags', index), message: 'a tag cannot be blank.' });
  });
  return problems;
}

/** `fields` overlaid on `base`: given fields set (blank or null: the key removed), absent fields untouched. */
function overlay(base: Readonly<Record<string, unknown>>, fields: LocalUserFields): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) if (!SERVER_OWNED_LOCAL_KEYS.includes(key)) record[key] = value;
  const set = (key: string, value: string | null | undefined) => {
    if (value === undefined) return;
    const text = present(value);
    if (text === undefined) delete record[key];
    else record[key] = text;
  };
  if (fields.username !== undefined && fields.username !== null) record.username = fields.username.trim();
  for (const [field, key] of Object.entries(TEXT_FIELDS)) set(key, fields[field as keyof typeof TEXT_FIELDS]);
  if (fields.tags !== undefined) record.tags = [...new Set((fields.tags ?? []).map((tag) => tag.trim()))];
  if (fields.languages !== undefined) {
    // PrivX holds one locale: the first language is the preferred one; the rest cannot be kept.
    const first = fields.languages?.[0];
    const locale = first === undefined ? undefined : languageToLocale(first);
    if (locale === undefined) delete record.locale;
    else record.locale = locale;
  }
  // Attributes are rewritten only when an attribute-backed field is given: otherwise they go back untouched.
  if (fields.timezone !== undefined || fields.avatar !== undefined) {
    let attributes = Array.isArray(base.attributes) ? (base.attributes as V41Attribute[]) : [];
    for (const [field, key] of Object.entries(ATTRIBUTE_FIELDS)) {
      const value = fields[field as keyof typeof ATTRIBUTE_FIELDS];
      if (value !== undefined) attributes = withAttribute(attributes, key, present(value) ?? null);
    }
    record.attributes = attributes;
  }
  return record;
}

function changedOf(fields: LocalUserFields): (keyof LocalUserFields)[] {
  return FIELD_ORDER.filter((field) => fields[field] !== undefined);
}

/**
 * A new local user's record: the given fields, `tags` and `attributes` always present (PrivX wants arrays),
 * and `password_change_required` as asked (so a created user shows as INVITED until it logs in).
 */
export function toLocalUserCreateRecord(fields: LocalUserFields, options: { requirePasswordChange: boolean }, path: readonly string[] = ['input']): MappedRecord {
  const problems = localUserFieldProblems(fields, path, true);
  if (problems.length > 0) return { ok: false, problems };
  const record = overlay({ tags: [], attributes: [] }, fields);
  record.password_change_required = options.requirePasswordChange;
  return { ok: true, record: record as LocalUserRecord, changed: changedOf(fields) };
}

/**
 * The record to `PUT` for an update: the current record as PrivX sent it (`raw`, secrets already removed), the
 * given fields overlaid, and nothing PrivX owns (`id`, `created`, `updated`, `updated_by`, `author`, `password`).
 * Everything the subgraph does not model (comment, display name, accounts, other attributes, unknown keys)
 * goes back exactly as it came.
 */
export function toLocalUserReplaceRecord(current: Readonly<Record<string, unknown>>, fields: LocalUserFields, path: readonly string[] = ['input']): MappedRecord {
  const problems = localUserFieldProblems(fields, path, false);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, record: overlay(current, fields) as LocalUserRecord, changed: changedOf(fields) };
}

/** `current` with `password_change_required` set: how a password change asks the user to pick a new one. */
export function withPasswordChangeRequired(current: Readonly<Record<string, unknown>>, required: boolean): LocalUserRecord {
  const record: Record<string, unknown> = { ...overlay(current, {}), password_change_required: required };
  return record as LocalUserRecord;
}
