/**
 * A small, independent fake of the PrivX v41 API, written from docs/upstream-v41.md only. It is not the
 * project's simulator: it deliberately takes every liberty the contract allows (clamped pages, unstable default
 * order, wide keyword matching, field drift, secrets in payloads, expiring tokens, injected failures), so a
 * client that passes against it speaks the contract rather than one server's habits.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CURRENT_USER, LOCAL_USERS, ROLES as SEED_ROLES, ROLE_STORE_USERS as SEED_USERS, SOURCES, type Json, type JsonObject } from './data';

export { CONTRACT_SECRETS } from './data';

export interface ContractFakeOptions {
  /** Every list `limit` is clamped to this (default 7, far below the 1000 clients ask for). */
  pageClamp?: number;
  /** Access-token lifetime, also sent as `expires_in` (default 300, as documented). Fractions are allowed. */
  tokenTtlSeconds?: number;
}

export interface ContractCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

export interface ContractFake {
  baseUrl: string;
  credentials: { oauthClientId: string; oauthClientSecret: string; apiClientId: string; apiClientSecret: string };
  /** Every request except the token endpoint, in arrival order, including those answered 401 or by failNext. */
  calls: ContractCall[];
  /** Successful token responses (password and refresh_token grants). */
  tokensIssued: number;
  /** Every access token issued so far answers 401 from now on (refresh tokens stay valid). */
  expireAllTokens(): void;
  /** The next request with this method whose path starts with pathPrefix gets `status` once (queued, FIFO). */
  failNext(method: string, pathPrefix: string, status: number, headers?: Record<string, string>): void;
  /** Forgets calls, pending failures, the token counter and the order rotation; issued tokens stay valid. */
  reset(): void;
  /** Bodies of the accepted `PUT /role-store/api/v1/users/{id}/roles`, oldest first. */
  roleWrites: { userId: string; body: unknown }[];
  close(): Promise<void>;
}

/** Not 'privx-external' on purpose: a client must read the OAuth client from its config. */
export const CONTRACT_CREDENTIALS = {
  oauthClientId: 'contract-oauth-client',
  oauthClientSecret: 'contract-oauth-client-pw-51c2',
  apiClientId: CURRENT_USER.id as string,
  apiClientSecret: 'contract-api-client-pw-8e0d',
};

const TOKEN_PATH = '/auth/api/v1/oauth/token';
const RS = '/role-store/api/v1';
const LUS = '/local-user-store/api/v1';
const ID = '([^/]+)';

/** Sort keys of user lists. Missing values sort as '' (first in ASC); timestamps compare as instants. */
const USER_SORT_KEYS: Record<string, (u: JsonObject) => string | number> = {
  created: (u) => instant(u.created),
  updated: (u) => instant(u.updated),
  name: (u) => text(u.full_name),
  full_name: (u) => text(u.full_name),
  principal: (u) => text(u.principal),
  email: (u) => text(u.email),
  source: (u) => text(u.source),
};
const ROLE_SORT_KEYS: Record<string, (r: JsonObject) => string | number> = {
  name: (r) => text(r.name),
  created: (r) => instant(r.created),
  updated: (r) => instant(r.updated),
};

/** The documented keyword field set; the fake also searches tags and attribute values (see `matchesKeywords`). */
const KEYWORD_FIELDS = ['principal', 'full_name', 'first_name', 'given_name', 'last_name', 'email', 'company',
  'department', 'job_title'];

class HttpError extends Error {
  constructor(readonly status: number, readonly body: JsonObject, readonly headers: Record<string, string> = {}) {
    super(`${status}`);
  }
}

export async function startContractFake(options: ContractFakeOptions = {}): Promise<ContractFake> {
  const pageClamp = options.pageClamp ?? 7;
  const ttlMs = (options.tokenTtlSeconds ?? 300) * 1000;
  const accessTokens = new Map<string, number>(); // token -> expiry (epoch ms)
  const refreshTokens = new Set<string>(); // single use: a refresh rotates it
  const failures: { method: string; prefix: string; status: number; headers: Record<string, string> }[] = [];
  let rotation = 0;
  // Each fake writes to its own copy of the data, so one test's grants never leak into another's answers.
  const ROLE_STORE_USERS: JsonObject[] = structuredClone(SEED_USERS);
  const ROLES: JsonObject[] = structuredClone(SEED_ROLES);
  const rsUser = (id: string) => userIn(ROLE_STORE_USERS, id);
  const roleById = (id: string) => ROLES.find((r) => r.id === id) ?? notFound('OBJECT_NOT_FOUND', `role ${id}`);
  const searchUsers = (body: unknown) => searchIn(ROLE_STORE_USERS, body);

  const fake: ContractFake = {
    baseUrl: '',
    credentials: { ...CONTRACT_CREDENTIALS },
    calls: [],
    roleWrites: [],
    tokensIssued: 0,
    expireAllTokens() {
      for (const token of accessTokens.keys()) accessTokens.set(token, 0);
    },
    failNext(method, pathPrefix, status, headers = {}) {
      failures.push({ method: method.toUpperCase(), prefix: pathPrefix, status, headers });
    },
    reset() {
      fake.calls.length = 0;
      failures.length = 0;
      fake.tokensIssued = 0;
      rotation = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };

  /** The default order of user lists is undocumented: rotate it on every call so only a sortkey pages stably. */
  function order<T extends JsonObject>(items: T[], query: Record<string, string>, keys: typeof USER_SORT_KEYS): T[] {
    const { sortkey, sortdir } = query;
    if (sortkey === undefined) {
      if (items.length === 0) return items;
      const k = rotation++ % items.length;
      return [...items.slice(k), ...items.slice(0, k)];
    }
    return sorted(items, sortkey, sortdir, keys);
  }

  function page(items: JsonObject[], query: Record<string, string>, map: (x: JsonObject) => JsonObject = (x) => x) {
    const offset = intParam(query, 'offset', 0);
    const limit = Math.min(intParam(query, 'limit', 50), pageClamp);
    return { count: items.length, items: items.slice(offset, offset + limit).map(map) };
  }

  function issueToken(): JsonObject {
    const access = `at-${randomBytes(16).toString('hex')}`;
    const refresh = `rt-${randomBytes(16).toString('hex')}`;
    accessTokens.set(access, Date.now() + ttlMs);
    refreshTokens.add(refresh);
    fake.tokensIssued++;
    return {
      access_token: access, token_type: 'bearer', expires_in: ttlMs / 1000, refresh_token: refresh,
      scope: 'users-view roles-view sources-view',
    };
  }

  function token(req: IncomingMessage, raw: string): JsonObject {
    const oauthError = (status: number, error: string, description: string, headers: Record<string, string> = {}) =>
      new HttpError(status, { error, error_description: description }, headers);
    if (req.method !== 'POST') throw oauthError(405, 'invalid_request', 'POST only');
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      throw oauthError(400, 'invalid_request', 'body must be application/x-www-form-urlencoded');
    }
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const expected = `${CONTRACT_CREDENTIALS.oauthClientId}:${CONTRACT_CREDENTIALS.oauthClientSecret}`;
    if (basic === undefined || Buffer.from(basic, 'base64').toString('utf8') !== expected) {
      throw oauthError(401, 'invalid_client', 'client authentication failed', { 'WWW-Authenticate': 'Basic' });
    }
    const form = new URLSearchParams(raw);
    switch (form.get('grant_type')) {
      case 'password':
        if (form.get('username') !== CONTRACT_CREDENTIALS.apiClientId
          || form.get('password') !== CONTRACT_CREDENTIALS.apiClientSecret) {
          throw oauthError(400, 'invalid_grant', 'bad API client credentials');
        }
        return issueToken();
      case 'refresh_token': {
        const refresh = form.get('refresh_token') ?? '';
        if (!refreshTokens.delete(refresh)) throw oauthError(400, 'invalid_grant', 'unknown or used refresh token');
        return issueToken();
      }
      default:
        throw oauthError(400, 'unsupported_grant_type', `grant_type ${form.get('grant_type') ?? '(none)'}`);
    }
  }

  function route(method: string, path: string, query: Record<string, string>, body: unknown): Json {
    let m: RegExpExecArray | null = null;
    const is = (verb: string, re: RegExp) => method === verb && (m = re.exec(path)) !== null;
    const arg = () => decodeURIComponent(m?.[1] ?? '');

    if (is('POST', new RegExp(`^${RS}/users/search$`))) {
      const hits = searchUsers(body);
      return page(order(hits, query, USER_SORT_KEYS), query, (u) => ({ ...u, roles: null }));
    }
    if (is('GET', new RegExp(`^${RS}/users/current$`))) return CURRENT_USER;
    if (is('GET', new RegExp(`^${RS}/users/${ID}$`))) return rsUser(arg());
    if (is('GET', new RegExp(`^${RS}/users/${ID}/roles$`))) {
      const roles = rsUser(arg()).roles;
      const items = Array.isArray(roles) ? roles : [];
      return { count: items.length, items };
    }
    if (is('PUT', new RegExp(`^${RS}/users/${ID}/roles$`))) {
      const user = rsUser(arg());
      const explicit = explicitGrants(body, ROLES);
      const held = Array.isArray(user.roles) ? user.roles.filter(isObj) : [];
      // Directory-mapped roles are not the client's to send: they stay, whatever the body says.
      const mapped = held.filter((a) => a.explicit !== true);
      user.roles = [...mapped, ...explicit];
      user.updated = new Date().toISOString();
      for (const role of ROLES) {
        const holders = ROLE_STORE_USERS.flatMap((u) => (Array.isArray(u.roles) ? u.roles.filter((a) => isObj(a) && a.id === role.id) : [])) as JsonObject[];
        role.member_count = new Set(ROLE_STORE_USERS.filter((u) => Array.isArray(u.roles) && u.roles.some((a) => isObj(a) && a.id === role.id))).size;
        role.explicit_count = holders.filter((a) => a.explicit === true).length;
      }
      fake.roleWrites.push({ userId: user.id as string, body });
      return null;
    }
    if (is('GET', new RegExp(`^${RS}/roles$`))) {
      const items = query.sortkey === undefined ? ROLES : sorted(ROLES, query.sortkey, query.sortdir, ROLE_SORT_KEYS);
      return page(items, query);
    }
    if (is('POST', new RegExp(`^${RS}/roles/resolve$`))) {
      if (!Array.isArray(body) || !body.every((n) => typeof n === 'string')) throw badRequest('body must be [name]');
      const names: unknown[] = body;
      const items = ROLES.filter((r) => names.includes(r.name));
      return { count: items.length, items };
    }
    if (is('GET', new RegExp(`^${RS}/roles/${ID}$`))) return roleById(arg());
    if (is('GET', new RegExp(`^${RS}/roles/${ID}/members$`))) {
      const id = roleById(arg()).id;
      const members = ROLE_STORE_USERS.filter((u) => Array.isArray(u.roles) && u.roles.some((a) => isObj(a) && a.id === id));
      return page(order(members, query, USER_SORT_KEYS), query);
    }
    if (is('GET', new RegExp(`^${RS}/sources$`))) return { count: SOURCES.length, items: SOURCES }; // not paged
    if (is('GET', new RegExp(`^${RS}/sources/${ID}$`))) {
      const id = arg();
      return SOURCES.find((s) => s.id === id) ?? notFound('OBJECT_NOT_FOUND', `source ${id}`);
    }
    if (is('GET', new RegExp(`^${LUS}/users$`))) {
      // Exact filters only, no search and no sort: the stable data order is the only order.
      const items = LOCAL_USERS.filter((u) => (query.username === undefined || u.username === query.username)
        && (query.id === undefined || u.id === query.id));
      return page(items, query);
    }
    if (is('GET', new RegExp(`^${LUS}/users/${ID}$`))) {
      const id = arg();
      return LOCAL_USERS.find((u) => u.id === id) ?? notFound('NOT_FOUND', `local user ${id}`);
    }
    throw new HttpError(404, { error_code: 'NOT_FOUND', error_message: `no route ${method} ${path}` });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const raw = await readBody(req);
    try {
      if (path === TOKEN_PATH) {
        const failure = takeFailure(method, path);
        if (failure) {
          const error = failure.status >= 500 ? 'server_error' : 'invalid_request';
          throw new HttpError(failure.status, { error, error_description: 'injected failure' }, failure.headers);
        }
        return send(res, 200, token(req, raw), { 'Cache-Control': 'no-store' });
      }
      const query = Object.fromEntries(url.searchParams);
      let body: unknown;
      let badJson = false;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
          badJson = true;
        }
      }
      fake.calls.push({ method, path, query, body });
      const failure = takeFailure(method, path);
      if (failure) throw new HttpError(failure.status, injectedBody(failure.status), failure.headers);
      // Status endpoints answer without a token: a readiness probe should not need one.
      if (method === 'GET' && /^\/[a-z-]+\/api\/v1\/status$/.test(path)) return send(res, 200, status(path));
      const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const expiry = bearer === undefined ? undefined : accessTokens.get(bearer);
      if (expiry === undefined || expiry <= Date.now()) {
        throw new HttpError(401, { error_code: 'UNAUTHORIZED', error_message: 'access token missing, invalid or expired' });
      }
      if (badJson) throw badRequest('body is not JSON');
      return send(res, 200, route(method, path, query, body));
    } catch (err) {
      if (err instanceof HttpError) return send(res, err.status, err.body, err.headers);
      return send(res, 500, { error_code: 'INTERNAL_ERROR', error_message: String(err) });
    }
  }

  function takeFailure(method: string, path: string) {
    const i = failures.findIndex((f) => f.method === method && path.startsWith(f.prefix));
    return i < 0 ? undefined : failures.splice(i, 1)[0];
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * `PUT /users/{id}/roles`, checked as docs/upstream-v41.md says PrivX does: a JSON array of role handles, each an
 * existing role once, `explicit: true`, a known grant type with the terms it needs (`floating_length` in hours).
 */
function explicitGrants(body: unknown, roles: JsonObject[]): JsonObject[] {
  if (!Array.isArray(body)) throw badRequest('body must be an array of role handles');
  const seen = new Set<string>();
  return body.map((handle, i) => {
    const at = `[${i}]`;
    if (!isObj(handle)) throw badRequest(`${at} must be a role handle`, at);
    const role = roles.find((r) => r.id === handle.id);
    if (typeof handle.id !== 'string' || !role) throw badRequest(`${at}.id names no role`, `${at}.id`);
    if (seen.has(handle.id)) throw badRequest(`${at}.id is listed twice`, `${at}.id`);
    seen.add(handle.id);
    if (handle.explicit !== true) throw badRequest(`${at}.explicit must be true`, `${at}.explicit`);
    const type = handle.grant_type ?? 'PERMANENT';
    if (type !== 'PERMANENT' && type !== 'TIME_RESTRICTED' && type !== 'FLOATING') throw badRequest(`${at}.grant_type is unknown`, `${at}.grant_type`);
    if (type === 'FLOATING' && !(typeof handle.floating_length === 'number' && Number.isInteger(handle.floating_length) && handle.floating_length >= 1)) {
      throw badRequest(`${at}.floating_length must be whole hours >= 1`, `${at}.floating_length`);
    }
    const periods = Array.isArray(handle.grant_validity_periods) ? handle.grant_validity_periods : [];
    if (type === 'TIME_RESTRICTED' && typeof handle.grant_start !== 'string' && periods.length === 0) {
      throw badRequest(`${at} needs grant_start or grant_validity_periods`, `${at}.grant_start`);
    }
    for (const p of periods) {
      if (!isObj(p) || instant(p.grant_start) >= instant(p.grant_end)) throw badRequest(`${at}: a period must start before it ends`, `${at}.grant_validity_periods`);
    }
    // The role's own facts, as a user's roles[] carries them, then the grant as sent.
    return { id: role.id ?? null, name: role.name ?? null, system: role.system ?? false, permissions: role.permissions ?? [], ...handle, explicit: true, implicit: false } as JsonObject;
  });
}

function searchIn(ROLE_STORE_USERS: JsonObject[], body: unknown): JsonObject[] {
  const b = body === undefined ? {} : body;
  if (!isObj(b)) throw badRequest('search body must be an object');
  const { keywords, source, user_id: ids } = b;
  if (keywords !== undefined && typeof keywords !== 'string') throw badRequest('keywords must be a string');
  if (source !== undefined && typeof source !== 'string') throw badRequest('source must be a uuid');
  if (ids !== undefined && !(Array.isArray(ids) && ids.every((x) => typeof x === 'string'))) {
    throw badRequest('user_id must be [uuid]');
  }
  const words = (keywords ?? '').split(/\s+/).filter((w) => w.length > 0);
  return ROLE_STORE_USERS.filter((u) => (source === undefined || u.source === source)
    && (ids === undefined || ids.includes(u.id as string))
    && matchesKeywords(u, words));
}

/**
 * Each word must occur, case-insensitively, in some field. Beyond the documented set this fake also searches tags
 * and attribute values (the doc calls its set "the least it does"), so a client must re-check matches exactly.
 */
function matchesKeywords(u: JsonObject, words: string[]): boolean {
  const haystack: string[] = KEYWORD_FIELDS.map((k) => u[k]).filter((v): v is string => typeof v === 'string');
  if (Array.isArray(u.tags)) haystack.push(...u.tags.filter((t): t is string => typeof t === 'string'));
  if (Array.isArray(u.attributes)) {
    for (const a of u.attributes) if (isObj(a) && typeof a.value === 'string') haystack.push(a.value);
  }
  const lower = haystack.map((h) => h.toLowerCase());
  return words.every((w) => lower.some((h) => h.includes(w.toLowerCase())));
}

function userIn(users: JsonObject[], id: string): JsonObject {
  const u = users.find((x) => x.id === id);
  if (!u) return notFound('OBJECT_NOT_FOUND', `user ${id}`);
  return u;
}

/** Deterministic: by the key, ties by id (both reversed for DESC). */
function sorted<T extends JsonObject>(items: T[], sortkey: string, sortdir: string | undefined,
  keys: Record<string, (x: JsonObject) => string | number>): T[] {
  const key = keys[sortkey];
  if (!key) throw badRequest(`unknown sortkey ${sortkey}`, 'sortkey');
  if (sortdir !== undefined && sortdir !== 'ASC' && sortdir !== 'DESC') throw badRequest('sortdir is ASC|DESC', 'sortdir');
  const sign = sortdir === 'DESC' ? -1 : 1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...items].sort((a, b) => sign * (cmp(key(a), key(b)) || cmp(text(a.id), text(b.id))));
}

function intParam(query: Record<string, string>, name: string, fallback: number): number {
  const v = query[name];
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw badRequest(`${name} must be a non-negative integer`, name);
  return Number(v);
}

function status(path: string): JsonObject {
  const service = path.split('/')[1] ?? '';
  return {
    variant: 'privx', version: 'v41-contract-fake', api_version: 'v1', status: 'ok', status_message: 'OK',
    app_id: service, start_time: '2025-01-01T00:00:00Z', server_mode: 'NORMAL',
  };
}

function injectedBody(status: number): JsonObject {
  const code = status === 503 ? 'MAX_LOAD' : status === 429 ? 'TOO_MANY_CONNECTIONS' : status === 401
    ? 'UNAUTHORIZED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'OBJECT_NOT_FOUND' : status === 400
      ? 'BAD_REQUEST' : 'INTERNAL_ERROR';
  return { error_code: code, error_message: 'injected failure', details: [] };
}

function notFound(code: 'OBJECT_NOT_FOUND' | 'NOT_FOUND', what: string): never {
  throw new HttpError(404, { error_code: code, error_message: `${what} not found`, details: [] });
}

function badRequest(message: string, property = ''): HttpError {
  return new HttpError(400, { error_code: 'BAD_REQUEST', error_message: message, property, details: [] });
}

function isObj(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: Json | undefined): string {
  return typeof v === 'string' ? v : '';
}

function instant(v: Json | undefined): number {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
