/**
 * The write endpoints of docs/upstream-v41.md (local users, MFA reset, session termination) for the contract
 * fake, over per-fake copies of the data: one fake's writes never leak into another's reads. Written from the
 * contract only, with its liberties: a create answers 201 `{id}` and nothing else, a replace and a delete answer
 * 204 with no body, a taken username is a bare 400, and role-store records drift to `updatedby`.
 */
import { randomUUID } from 'node:crypto';
import { LOCAL_USERS, SOURCE_IDS, type Json, type JsonObject } from './data';

/** A write's answer: status and (maybe no) body. */
export class WriteReply {
  constructor(readonly status: number, readonly body?: Json) {}
}

export class WriteError extends Error {
  constructor(readonly status: number, readonly body: JsonObject) {
    super(`${status}`);
  }
}

/** Server-owned keys of a local record: never taken from a body. */
const SERVER_OWNED = ['id', 'created', 'updated', 'updated_by', 'updatedby', 'author', 'password'];
/** Local-record fields the role store shows under the same name. */
const SHARED = ['comment', 'tags', 'first_name', 'last_name', 'full_name', 'job_title', 'company', 'department', 'email', 'telephone', 'locale', 'windows_account', 'unix_account', 'attributes'];
const AUTHOR = '99999999-0000-4000-8000-000000000001';

function bad(message: string, property: string): WriteError {
  return new WriteError(400, { error_code: 'BAD_REQUEST', error_message: message, property, details: [] });
}

function missing(what: string): WriteError {
  return new WriteError(404, { error_code: 'OBJECT_NOT_FOUND', error_message: `${what} not found`, details: [] });
}

function isObj(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface WrittenState {
  /** The fake's role-store users (the array its reads use), changed in place. */
  readonly users: JsonObject[];
  localUsers: JsonObject[];
  /** Plaintext passwords set, by user id: what a contract test checks was sent, kept out of every answer. */
  passwords: Map<string, string>;
  mfaResets: string[];
  sessionTerminations: string[];
}

/** `users` is the fake's own role-store list, changed in place; the local users are copied here. */
export function freshState(users: JsonObject[]): WrittenState {
  return { users, localUsers: structuredClone(LOCAL_USERS), passwords: new Map(), mfaResets: [], sessionTerminations: [] };
}

function recordOf(body: unknown): JsonObject {
  if (!isObj(body)) throw bad('body must be an object', '');
  if (typeof body.username !== 'string' || body.username === '') throw bad('username is required', 'username');
  const record: JsonObject = {};
  for (const [key, value] of Object.entries(body)) if (!SERVER_OWNED.includes(key)) record[key] = value;
  return record;
}

function twin(local: JsonObject, previous: JsonObject | undefined): JsonObject {
  const user: JsonObject = {
    ...(previous ?? { roles: [], permissions: [], mfa: { status: 'UNINITIALIZED' }, source: SOURCE_IDS.local, source_type: 'LOCAL', tags: [], attributes: [] }),
    id: local.id as string,
    source_user_id: local.id as string,
    principal: local.username as string,
    created: local.created as string,
    updated: local.updated as string,
    updatedby: AUTHOR,
  };
  delete user.updated_by;
  for (const key of SHARED) {
    if (local[key] === undefined) delete user[key];
    else user[key] = local[key] as Json;
  }
  return user;
}

/** A write route's answer, or `undefined` when `method path` is not a write route. */
export function write(state: WrittenState, method: string, path: string, body: unknown): WriteReply | undefined {
  const at = new Date().toISOString();
  const userPath = /^\/local-user-store\/api\/v1\/users\/([^/]+)(\/password)?$/.exec(path);
  const localOf = (id: string) => state.localUsers.find((u) => u.id === id) ?? (() => { throw missing(`local user ${id}`); })();
  const taken = (username: unknown, self?: string) => state.localUsers.some((u) => u.username === username && u.id !== self);

  if (method === 'POST' && path === '/local-user-store/api/v1/users') {
    const record = recordOf(body);
    if (taken(record.username)) throw bad('username taken', 'username');
    const id = randomUUID();
    const password = isObj(body) && isObj(body.password) ? body.password.password : undefined;
    if (typeof password === 'string') state.passwords.set(id, password);
    const local: JsonObject = { ...record, id, created: at, updated: at, updated_by: AUTHOR, author: AUTHOR };
    if (typeof password === 'string') local.password = { password: `hash-of-${id}`, created: at };
    state.localUsers.push(local);
    state.users.push(twin(local, undefined));
    return new WriteReply(201, { id });
  }
  if (userPath && method === 'PUT' && userPath[2] === undefined) {
    const previous = localOf(decodeURIComponent(userPath[1] ?? ''));
    const record = recordOf(body);
    if (taken(record.username, previous.id as string)) throw bad('username taken', 'username');
    const next: JsonObject = { ...record, id: previous.id as string, created: previous.created as string, updated: at, updated_by: AUTHOR, author: previous.author as string };
    if (previous.password !== undefined) next.password = previous.password;
    state.localUsers[state.localUsers.indexOf(previous)] = next;
    const index = state.users.findIndex((u) => u.id === previous.id);
    if (index >= 0) state.users[index] = twin(next, state.users[index]);
    return new WriteReply(204);
  }
  if (userPath && method === 'PUT' && userPath[2] === '/password') {
    const previous = localOf(decodeURIComponent(userPath[1] ?? ''));
    const password = isObj(body) ? body.password : undefined;
    if (typeof password !== 'string' || password === '') throw bad('password is required', 'password');
    state.passwords.set(previous.id as string, password);
    state.localUsers[state.localUsers.indexOf(previous)] = { ...previous, updated: at, password: { password: `hash-of-${at}`, created: at } };
    return new WriteReply(204);
  }
  if (userPath && method === 'DELETE' && userPath[2] === undefined) {
    const previous = localOf(decodeURIComponent(userPath[1] ?? ''));
    state.localUsers.splice(state.localUsers.indexOf(previous), 1);
    const index = state.users.findIndex((u) => u.id === previous.id);
    if (index >= 0) state.users.splice(index, 1);
    return new WriteReply(204);
  }
  if (method === 'POST' && path === '/role-store/api/v1/users/mfa/reset') {
    if (!Array.isArray(body) || !body.every((id) => typeof id === 'string')) throw bad('body must be [uuid]', '');
    // The contract does not say what an unknown id does: this fake ignores it.
    for (const id of body as string[]) {
      const index = state.users.findIndex((u) => u.id === id);
      if (index < 0) continue;
      state.users[index] = { ...state.users[index], mfa: { status: 'UNINITIALIZED' }, updated: at };
      state.mfaResets.push(id);
    }
    return new WriteReply(200, {});
  }
  const terminate = /^\/auth\/api\/v1\/sessionstorage\/users\/([^/]+)\/sessions\/terminate$/.exec(path);
  if (method === 'POST' && terminate) {
    const id = decodeURIComponent(terminate[1] ?? '');
    if (!state.users.some((u) => u.id === id)) throw missing(`user ${id}`);
    state.sessionTerminations.push(id);
    return new WriteReply(200);
  }
  return undefined;
}
