import { execFileSync } from 'node:child_process';
import { type RunningSimulator, SIMULATOR_CREDENTIALS, startSimulator } from '../../datasources/simulator/server';
import { accessToken, basic } from '../simulator/sim-client';
import { OPENAPI_FILE, OpenApiDocument } from './openapi-document';

/**
 * docs/privx-v41.openapi.yaml against the simulator: the document is a valid OpenAPI 3.1 description (the
 * @seriousme/openapi-schema-validator CLI), every read operation it describes is called over loopback HTTP, and
 * each answer (status, JSON body) validates against it with Ajv.
 */

type Json = Record<string, unknown>;
interface ListBody {
  count: number;
  items: Json[];
}

const RS = '/role-store/api/v1';
const LUS = '/local-user-store/api/v1';
const UNKNOWN_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

describe('docs/privx-v41.openapi.yaml', () => {
  const openapi = new OpenApiDocument();
  let sim: RunningSimulator;
  let token: string;
  const called = new Set<string>();

  beforeAll(async () => {
    sim = await startSimulator();
    token = await accessToken(sim);
  });
  afterAll(() => sim.close());

  /** One call: the answer must have `status`, a JSON body, and validate against the operation's description. */
  async function check<T = Json>(
    method: string,
    template: string,
    path: string,
    status: number,
    init: { body?: unknown; form?: Record<string, string>; authorization?: string | null } = {},
  ): Promise<T> {
    const operation = openapi.operations().find((op) => op.method === method && op.template === template);
    if (!operation) throw new Error(`the document does not describe ${method.toUpperCase()} ${template}`);
    const headers: Record<string, string> = {};
    const authorization = init.authorization === undefined ? `Bearer ${token}` : init.authorization;
    if (authorization) headers.authorization = authorization;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    const response = await fetch(`${sim.url}${path}`, { method: method.toUpperCase(), headers, body });
    const text = await response.text();
    const where = `${method.toUpperCase()} ${path}`;
    expect({ where, status: response.status }).toEqual({ where, status });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const json = JSON.parse(text) as unknown;
    expect({ where, errors: openapi.responseErrors(method, template, status, json) }).toEqual({ where, errors: [] });
    called.add(operation.operationId);
    return json as T;
  }

  it('is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)', () => {
    // Its CLI, in a process of its own: the package is ES modules only, which Jest's loader cannot import.
    const cli = require.resolve('@seriousme/openapi-schema-validator/bin/validate-api-cli.js');
    const out = execFileSync(process.execPath, [cli, OPENAPI_FILE], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ valid: true });
    expect(openapi.doc.openapi).toBe('3.1.0');
  });

  it('the token call: a password grant, a refresh grant, and OAuth errors', async () => {
    const client = basic(SIMULATOR_CREDENTIALS.oauthClientId, SIMULATOR_CREDENTIALS.oauthClientSecret);
    const grant = { grant_type: 'password', username: SIMULATOR_CREDENTIALS.apiClientId, password: SIMULATOR_CREDENTIALS.apiClientSecret };
    const issued = await check<Json>('post', '/auth/api/v1/oauth/token', '/auth/api/v1/oauth/token', 200, { form: grant, authorization: client });
    expect(issued.expires_in).toBe(300);
    await check('post', '/auth/api/v1/oauth/token', '/auth/api/v1/oauth/token', 200, {
      form: { grant_type: 'refresh_token', refresh_token: issued.refresh_token as string },
      authorization: client,
    });
    const refused = await check<Json>('post', '/auth/api/v1/oauth/token', '/auth/api/v1/oauth/token', 401, { form: grant, authorization: basic('privx-external', 'wrong') });
    expect(refused.error).toBe('invalid_client');
    await check('post', '/auth/api/v1/oauth/token', '/auth/api/v1/oauth/token', 400, { form: { ...grant, password: 'wrong' }, authorization: client });
  });

  it('the status of each service', async () => {
    for (const service of ['auth', 'role-store', 'local-user-store']) {
      const template = `/${service}/api/v1/status`;
      await check('get', template, template, 200, { authorization: null });
    }
  });

  it('users/search: everyone, by ids, by directory, by keywords, and its errors', async () => {
    const template = `${RS}/users/search`;
    const all = await check<ListBody>('post', template, `${template}?limit=1000&sortkey=principal&sortdir=ASC`, 200, { body: {} });
    expect(all.items).toHaveLength(sim.data.users.length);
    expect(all.items.every((user) => user.roles === null)).toBe(true);
    const ids = all.items.slice(0, 30).map((user) => user.id as string);
    const byIds = await check<ListBody>('post', template, `${template}?offset=0&limit=30`, 200, { body: { user_id: ids } });
    expect(byIds.count).toBe(30);
    const source = sim.data.directories.ad.id;
    const bySource = await check<ListBody>('post', template, `${template}?limit=5&sortdir=DESC&sortkey=created`, 200, { body: { source } });
    expect(bySource.items.every((user) => user.source === source)).toBe(true);
    await check('post', template, template, 200, { body: { keywords: 'no-such-words-anywhere' } });
    await check('post', template, template, 400, { body: { user_id: 'not-a-list' } });
    await check('post', template, template, 401, { body: {}, authorization: null });
  });

  // Every user is validated with its roles as a role member below; here one in five, spread over all directories.
  it('users/{id} and users/{id}/roles, and their errors', async () => {
    for (const user of sim.data.users.filter((_, index) => index % 5 === 0)) {
      const one = await check<Json>('get', `${RS}/users/{user_id}`, `${RS}/users/${user.id}`, 200);
      expect(one.id).toBe(user.id);
      const roles = await check<ListBody>('get', `${RS}/users/{user_id}/roles`, `${RS}/users/${user.id}/roles`, 200);
      expect(roles.count).toBe(user.roles.length);
    }
    await check('get', `${RS}/users/{user_id}`, `${RS}/users/${UNKNOWN_ID}`, 404);
    await check('get', `${RS}/users/{user_id}`, `${RS}/users/not-a-uuid`, 400);
    await check('get', `${RS}/users/{user_id}/roles`, `${RS}/users/${UNKNOWN_ID}/roles`, 404);
  });

  it('PUT users/{id}/roles (the explicit list sent back unchanged), and its errors', async () => {
    const user = sim.data.users.find((u) => u.roles.some((r) => r.explicit))!;
    const handles = user.roles
      .filter((r) => r.explicit)
      .map((r) => ({ id: r.id, name: r.name, explicit: true, ...(r.grant_type ? { grant_type: r.grant_type } : {}), ...(r.grant_start ? { grant_start: r.grant_start } : {}), ...(r.grant_end ? { grant_end: r.grant_end } : {}), ...(r.grant_validity_periods ? { grant_validity_periods: r.grant_validity_periods } : {}), ...(r.floating_length ? { floating_length: r.floating_length } : {}) }));
    const put = `${RS}/users/{user_id}/roles`;
    await check('put', put, `${RS}/users/${user.id}/roles`, 200, { body: handles });
    await check('put', put, `${RS}/users/${UNKNOWN_ID}/roles`, 404, { body: [] });
    await check('put', put, `${RS}/users/${user.id}/roles`, 400, { body: { not: 'a list' } });
  });

  it('roles, roles/{id} and roles/{id}/members for every role', async () => {
    const roles = await check<ListBody>('get', `${RS}/roles`, `${RS}/roles?offset=0&limit=1000&sortkey=name&sortdir=ASC`, 200);
    expect(roles.items).toHaveLength(sim.data.roles.length);
    for (const role of roles.items) {
      await check('get', `${RS}/roles/{role_id}`, `${RS}/roles/${role.id as string}`, 200);
      const members = await check<ListBody>('get', `${RS}/roles/{role_id}/members`, `${RS}/roles/${role.id as string}/members?limit=1000&sortkey=principal`, 200);
      expect(members.count).toBe(role.member_count);
    }
    await check('get', `${RS}/roles/{role_id}`, `${RS}/roles/${UNKNOWN_ID}`, 404);
    await check('get', `${RS}/roles/{role_id}/members`, `${RS}/roles/${UNKNOWN_ID}/members`, 404);
    await check('get', `${RS}/roles`, `${RS}/roles?sortkey=nonsense`, 400);
  });

  it('sources and sources/{id}', async () => {
    const sources = await check<ListBody>('get', `${RS}/sources`, `${RS}/sources`, 200);
    expect(sources.items).toHaveLength(sim.data.sources.length);
    for (const source of sources.items) await check('get', `${RS}/sources/{source_id}`, `${RS}/sources/${source.id as string}`, 200);
    await check('get', `${RS}/sources/{source_id}`, `${RS}/sources/${UNKNOWN_ID}`, 404);
  });

  it('local users: the list, its filters, and every record', async () => {
    const all = await check<ListBody>('get', `${LUS}/users`, `${LUS}/users?offset=0&limit=1000`, 200);
    expect(all.items).toHaveLength(sim.data.localUsers.length);
    const first = sim.data.localUsers[0]!;
    const byName = await check<ListBody>('get', `${LUS}/users`, `${LUS}/users?username=${encodeURIComponent(first.username)}`, 200);
    expect(byName.items.map((user) => user.id)).toEqual([first.id]);
    await check('get', `${LUS}/users`, `${LUS}/users?id=${first.id}`, 200);
    for (const user of sim.data.localUsers) await check('get', `${LUS}/users/{user_id}`, `${LUS}/users/${user.id}`, 200);
    await check('get', `${LUS}/users/{user_id}`, `${LUS}/users/${UNKNOWN_ID}`, 404);
  });

  it('every read operation described was called; the others are the documented writes', () => {
    const operations = openapi.operations();
    expect(operations.filter((op) => op.simulated && !called.has(op.operationId)).map((op) => op.operationId)).toEqual([]);
    const writes = operations.filter((op) => !op.simulated);
    expect(writes.map((op) => op.operationId).sort()).toEqual(
      ['changeUsersMfa', 'createLocalUser', 'deleteLocalUser', 'setLocalUserPassword', 'terminateUserSessions', 'updateLocalUser'].sort(),
    );
    expect(writes.every((op) => op.tags.includes('writes') && op.method !== 'get')).toBe(true);
  });

  describe('is tight on types and loose on documented drift', () => {
    const user = () => JSON.parse(JSON.stringify(sim.data.users[0])) as Json;
    const searchTemplate = `${RS}/users/search`;

    it('refuses a list body that is not a list, and a count that is not a number', () => {
      expect(openapi.responseErrors('post', searchTemplate, 200, { count: 1, items: { 0: user() } })).not.toEqual([]);
      expect(openapi.responseErrors('post', searchTemplate, 200, [user()])).not.toEqual([]);
      expect(openapi.responseErrors('post', searchTemplate, 200, { count: '1', items: [] })).not.toEqual([]);
      expect(openapi.responseErrors('post', searchTemplate, 200, { items: [] })).not.toEqual([]);
    });

    it('refuses a string where an array is expected, and a wrong scalar type', () => {
      expect(openapi.schemaErrors('RoleStoreUser', { ...user(), tags: 'admin' })).not.toEqual([]);
      expect(openapi.schemaErrors('RoleStoreUserWithRoles', { ...user(), roles: 'Admins' })).not.toEqual([]);
      expect(openapi.schemaErrors('RoleStoreUserWithRoles', { ...user(), roles: null })).not.toEqual([]);
      expect(openapi.schemaErrors('Source', { ...sim.data.sources[0], enabled: 'true' })).not.toEqual([]);
      expect(openapi.schemaErrors('LocalUser', { ...sim.data.localUsers[0], attributes: [{ key: 'k', value: 1 }] })).not.toEqual([]);
      expect(openapi.schemaErrors('RoleStoreUser', { ...user(), id: 42 })).not.toEqual([]);
      expect(openapi.responseErrors('post', searchTemplate, 200, { count: 1, items: [{ ...user(), roles: [] }] })).not.toEqual([]);
    });

    it('accepts both spellings of the drift and keys nobody documented', () => {
      const { updated_by: editor, first_name: first, ...rest } = user();
      const drifted = { ...rest, updatedby: editor ?? UNKNOWN_ID, given_name: first ?? 'Ann', RefreshTimestamp: '2026-01-01T00:00:00Z', x_new_key: { any: ['thing'] } };
      expect(openapi.schemaErrors('RoleStoreUserWithRoles', drifted)).toEqual([]);
      expect(openapi.schemaErrors('RoleStoreUserWithRoles', { ...drifted, updated_by: UNKNOWN_ID, first_name: 'Ann', refresh_timestamp: '0001-01-01T00:00:00Z' })).toEqual([]);
      expect(openapi.schemaErrors('Role', { ...sim.data.roles[0], updated_by: undefined, updatedby: UNKNOWN_ID })).toEqual([]);
    });
  });
});
