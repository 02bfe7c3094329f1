import { captureLogs, type LogCapture } from '../helpers/log-capture';
import { startStack, type Stack } from '../helpers/stack';

/**
 * A PrivX that answers 200 with the wrong shape (issue 21, section 1), played by the simulator's own fault knobs
 * (`body`: the whole body replaced; `set`: keys of its real answer rewritten), over real HTTP. Each case was a
 * silently wrong answer before: an empty list, a default, a null. Now it is an UPSTREAM_ERROR on the fields
 * that needed that answer, with the rest of the data, one `warn` line naming route and key path, and a metric.
 */

const RS = '/role-store/api/v1';
const MEMBERS = `${RS}/roles/:id/members`;
const SEARCH = `${RS}/users/search`;
const LOCAL_USERS = '/local-user-store/api/v1/users';

interface UserNode {
  id: string;
  username: string | null;
  status: string | null;
  workspace: { type: string } | null;
  roles: { name: string | null; permissions: string[] }[] | null;
}
type UsersPage = { users: { totalCount: number; nodes: UserNode[] } | null };
type GraphQLError = { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> };

const PAGE = '{ users(first: 100) { totalCount nodes { id username status workspace { type } roles { name permissions } } } }';

describe('a 2xx body that breaks the v41 contract is an upstream error, never a silently wrong answer', () => {
  let stack: Stack;
  let logs: LogCapture;
  beforeEach(async () => {
    logs = captureLogs('warn');
    stack = await startStack({ cacheTtlSeconds: 0, logger: logs.logger, simulator: { users: 120 } });
  });
  afterEach(() => stack.close());

  const page = async () => {
    const response = await stack.query<UsersPage, Record<string, never>>(PAGE);
    expect(response.status).toBe(200);
    return { data: response.data, errors: (response.errors ?? []) as GraphQLError[] };
  };
  const violationLines = () => logs.lines().filter((line) => line.msg === 'PrivX answer breaks the v41 contract; failed as an upstream error');
  const metric = async (route: string) => {
    const text = await (await fetch(stack.subgraph.metricsUrl)).text();
    const line = text.split('\n').find((l) => l.startsWith(`privx_contract_violations_total{route="${route}"}`));
    return line === undefined ? 0 : Number(line.split(' ').at(-1));
  };

  it.each([
    ['{}', { body: {} }, 'items'],
    ['{"items": null}', { body: { items: null } }, 'items'],
    ['{"items": [], "count": 240} at offset 0', { body: { items: [], count: 240 } }, 'count'],
  ])('GET /roles/{id}/members answering %s: every user\'s roles are errors, not missing', async (_, fault, keyPath) => {
    stack.simulator.injectFault({ method: 'GET', route: MEMBERS, ...fault });
    const { data, errors } = await page();
    const nodes = data!.users!.nodes;
    expect(nodes).toHaveLength(100);
    // Partial data: everything else of each user is there; roles is null with an error at its path, never [].
    for (const node of nodes) {
      expect(node.username).toEqual(expect.any(String));
      expect(node.roles).toBeNull();
    }
    const roleErrors = errors.filter((e) => e.path?.at(-1) === 'roles');
    expect(roleErrors).toHaveLength(100);
    expect(roleErrors.every((e) => e.extensions?.code === 'UPSTREAM_ERROR')).toBe(true);
    expect(roleErrors[0]!.message).toBe(`Unexpected v41 response to GET ${MEMBERS}: ${keyPath} is ${keyPath === 'items' ? 'not a list' : 'not above 0 while the first page holds no items'}`);
    expect(errors.filter((e) => e.path?.at(-1) !== 'roles')).toEqual([]);
    // One warn line per failed answer, naming route and key path: the index build stops at the first, with
    // at most the other member pages already in flight (4 at once) reported too.
    const lines = violationLines();
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(4);
    for (const line of lines) expect(line).toMatchObject({ level: 'warn', route: `GET ${MEMBERS}`, keyPath });
    const counted = await metric(`GET ${MEMBERS}`); // a page still in flight when the answer left counts later
    expect(counted).toBeGreaterThanOrEqual(lines.length);
    expect(counted).toBeLessThanOrEqual(4);
  });

  it.each([
    ['{}', { body: {} }],
    ['{"items": [], "count": 240} at offset 0', { body: { items: [], count: 240 } }],
    ['{"items": null, "count": 240}', { body: { items: null, count: 240 } }],
  ])('POST /users/search answering %s: `users` is an error, not 0 users', async (_, fault) => {
    stack.simulator.injectFault({ method: 'POST', route: SEARCH, ...fault });
    const { data, errors } = await page();
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ path: ['users'], extensions: expect.objectContaining({ code: 'UPSTREAM_ERROR' }) })]);
    expect(violationLines()).toEqual([expect.objectContaining({ route: `POST ${SEARCH}` })]);
  });

  it('the local user store answering a non-list: local users\' status is an error, not a wrong status', async () => {
    const before = await page();
    expect(before.errors).toEqual([]);
    const local = before.data!.users!.nodes.filter((n) => n.workspace?.type === 'LOCAL');
    expect(local.length).toBeGreaterThan(0);

    stack.simulator.injectFault({ method: 'GET', route: LOCAL_USERS, body: { items: {} } });
    stack.simulator.injectFault({ method: 'GET', route: `${LOCAL_USERS}/:id`, body: [] });
    const { data, errors } = await page();
    for (const node of data!.users!.nodes) {
      const wasLocal = local.some((l) => l.id === node.id);
      if (wasLocal) expect(node.status).toBeNull();
      else expect(node.status).toBe(before.data!.users!.nodes.find((n) => n.id === node.id)!.status);
    }
    const statusErrors = errors.filter((e) => e.path?.at(-1) === 'status');
    expect(statusErrors).toHaveLength(local.length);
    expect(statusErrors.every((e) => e.extensions?.code === 'UPSTREAM_ERROR')).toBe(true);
  });

  it('`permissions` sent as a string: users\' roles are errors, not []; the value never reaches a message or the log', async () => {
    stack.simulator.injectFault({ method: 'GET', route: MEMBERS, set: { 'items.*.roles.*.permissions': 'secret-looking-permission' } });
    const { data, errors } = await page();
    expect(data!.users!.nodes.every((n) => n.roles === null)).toBe(true);
    expect(errors[0]).toMatchObject({ message: `Unexpected v41 response to GET ${MEMBERS}: items[0].roles[0].permissions is not a list of strings`, extensions: { code: 'UPSTREAM_ERROR' } });
    expect(violationLines().length).toBeGreaterThanOrEqual(1);
    for (const line of violationLines()) expect(line).toMatchObject({ route: `GET ${MEMBERS}`, keyPath: 'items[0].roles[0].permissions' });
    expect(JSON.stringify(errors) + logs.text()).not.toContain('secret-looking-permission');
  });

  it('a role `name` sent as an object: role names are errors, not null; the other fields answer', async () => {
    stack.simulator.injectFault({ method: 'GET', route: `${RS}/roles`, set: { 'items.*.name': { en: 'Admins' } } });
    const roles = await stack.query<{ roles: unknown }, Record<string, never>>('{ roles(first: 5) { nodes { id name } } }');
    expect(roles.data).toBeNull(); // `roles` is non-null: its error nulls the answer, as a 500 of GET /roles does
    expect(roles.errors).toEqual([
      expect.objectContaining({ path: ['roles'], message: `Unexpected v41 response to GET ${RS}/roles: items[0].name is not a string`, extensions: expect.objectContaining({ code: 'UPSTREAM_ERROR' }) }),
    ]);
    // The users' roles need the role list too: those are errors, the rest of each user answers.
    const { data, errors } = await page();
    expect(data!.users!.nodes.every((n) => n.roles === null && n.username !== null)).toBe(true);
    expect(errors.length).toBe(100);
    expect(errors.every((e) => e.path?.at(-1) === 'roles' && e.extensions?.code === 'UPSTREAM_ERROR')).toBe(true);
    expect(await metric(`GET ${RS}/roles`)).toBe(2);
    expect(JSON.stringify(errors) + logs.text()).not.toContain('Admins');
  });

  it('documented drift and unknown keys still answer, with no error and no warning', async () => {
    stack.simulator.injectFault({ method: 'GET', route: MEMBERS, set: { 'items.*.novel_key': { nested: [1, 'x'] }, 'items.*.roles.*.novel': 3, 'items.*.telephone': null } });
    const { data, errors } = await page();
    expect(errors).toEqual([]);
    expect(data!.users!.nodes.some((n) => (n.roles?.length ?? 0) > 0)).toBe(true);
    expect(violationLines()).toEqual([]);
  });
});
