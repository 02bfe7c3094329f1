import { createHash } from 'node:crypto';
import type { RawAttribute, RawLocalUser, RawRoleStoreUser } from './demo-types';
import { badRequest } from './http-io';

/**
 * The body of `POST` / `PUT /local-user-store/api/v1/users[/{id}]`, validated as PrivX does, and the role-store
 * view of a local record. A write body keeps keys the simulator does not know (they come back on read), so a
 * client's "keep every field I do not model" promise can be tested; the server-owned keys are never taken from it.
 */

/** Set by the server, whatever a body says. */
const SERVER_OWNED = new Set(['id', 'created', 'updated', 'updated_by', 'updatedby', 'author', 'password']);
const STRING_FIELDS = [
  'comment',
  'windows_account',
  'unix_account',
  'full_name',
  'display_name',
  'first_name',
  'last_name',
  'job_title',
  'company',
  'department',
  'email',
  'telephone',
  'locale',
] as const;
const LOCALE = /^[a-z]{2}(_[A-Z]{2})?$/;

export interface LocalUserBody {
  /** Every field of the record but the server-owned ones, unknown keys included. */
  fields: Record<string, unknown> & { username: string; tags: string[]; attributes: RawAttribute[] };
  /** The plaintext password of a create body, when one was given. */
  password?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** PrivX's checks of a local user record: `username` required, typed fields, `{key,value}` attributes. */
export function parseLocalUserBody(body: unknown, options: { create: boolean }): LocalUserBody {
  if (!isRecord(body)) throw badRequest('body must be a JSON object');
  const { username } = body;
  if (typeof username !== 'string' || username.trim() === '') throw badRequest('username is required', 'username');
  for (const key of STRING_FIELDS) {
    const value = body[key];
    if (value !== undefined && value !== null && typeof value !== 'string') throw badRequest(`${key} must be a string`, key);
  }
  const locale = body.locale;
  if (typeof locale === 'string' && locale !== '' && !LOCALE.test(locale)) throw badRequest(`locale must look like fi_FI, got ${JSON.stringify(locale)}`, 'locale');
  const tags = body.tags ?? [];
  if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string')) throw badRequest('tags must be an array of strings', 'tags');
  const attributes = body.attributes ?? [];
  if (!Array.isArray(attributes) || attributes.some((a) => !isRecord(a) || typeof a.key !== 'string' || typeof a.value !== 'string')) {
    throw badRequest('attributes must be an array of {key, value} strings', 'attributes');
  }
  const change = body.password_change_required;
  if (change !== undefined && typeof change !== 'boolean') throw badRequest('password_change_required must be a boolean', 'password_change_required');

  let password: string | undefined;
  if (options.create && body.password !== undefined && body.password !== null) {
    password = parsePasswordBody(body.password);
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (!SERVER_OWNED.has(key) && value !== null) fields[key] = value;
  return {
    fields: { ...fields, username, tags: tags as string[], attributes: (attributes as RawAttribute[]).map(({ key, value }) => ({ key, value })) },
    password,
  };
}

/** `{password: "…"}`: the body of `PUT …/users/{id}/password`, and the `password` object of a create. */
export function parsePasswordBody(body: unknown): string {
  const password = isRecord(body) ? body.password : undefined;
  if (typeof password !== 'string' || password === '') throw badRequest('password is required', 'password');
  return password;
}

/**
 * What PrivX keeps of a password: a hash, never the plaintext, so no answer of the simulator can carry the
 * string a client wrote (a test that scans for it must find it only in the request).
 */
export function passwordRecord(password: string, at: string): RawLocalUser['password'] {
  return { password: `$sim-sha256$${createHash('sha256').update(password).digest('hex')}`, created: at };
}

/** The role store's record of a local user: same id, `principal` = username, directory LOCAL. */
export function roleStoreTwin(local: RawLocalUser, sourceId: string, previous?: RawRoleStoreUser): RawRoleStoreUser {
  return {
    id: local.id,
    source_user_id: local.id,
    created: local.created,
    updated: local.updated,
    updated_by: local.updated_by,
    author: local.author,
    comment: local.comment,
    tags: local.tags,
    principal: local.username,
    distinguished_name: undefined,
    first_name: local.first_name,
    given_name: undefined,
    last_name: local.last_name,
    full_name: local.full_name,
    job_title: local.job_title,
    company: local.company,
    department: local.department,
    email: local.email,
    telephone: local.telephone,
    locale: local.locale,
    samaccountname: undefined,
    windows_account: local.windows_account,
    unix_account: local.unix_account,
    external_id: undefined,
    source: sourceId,
    source_type: 'LOCAL',
    roles: previous?.roles ?? [],
    attributes: local.attributes,
    permissions: previous?.permissions ?? [],
    mfa: previous?.mfa ?? { status: 'UNINITIALIZED' },
    RefreshTimestamp: previous?.RefreshTimestamp,
  };
}
