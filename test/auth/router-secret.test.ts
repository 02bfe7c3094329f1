import { IdentityProvider } from '../helpers/identity-provider';
import { startStack, type Stack } from '../helpers/stack';

const SECRET = 'router-secret-for-the-tests-0123456789';
const PAGE = '{ users(first: 3) { nodes { id phones { number } } } }';
const fromRouter = { 'router-authorization': SECRET };

async function post(stack: Stack, headers: Record<string, string>, body = JSON.stringify({ query: PAGE })) {
  const response = await fetch(stack.subgraph.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, text: await response.text() };
}

/** With ROUTER_SECRET set, only requests carrying `router-authorization: <secret>` are served. */
describe('router-only access', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ access: { routerSecret: SECRET } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.resetCalls());

  it.each([
    ['no header', {}],
    ['a wrong secret', { 'router-authorization': 'router-secret-for-the-tests-0123456788' }],
    ['a prefix of the secret', { 'router-authorization': SECRET.slice(0, -1) }],
    ['the secret in the wrong header', { authorization: SECRET }],
  ])('refuses %s with 401 and no upstream call', async (_name, headers) => {
    const { status, text } = await post(stack, headers);
    expect(status).toBe(401);
    expect(JSON.parse(text)).toEqual({ errors: [{ message: 'This subgraph answers only its router.', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(text).not.toContain(SECRET);
    expect(stack.calls().total).toBe(0);
  });

  it('refuses before parsing: a broken body without the secret is a 401, not a 400', async () => {
    expect((await post(stack, {}, '{"query":')).status).toBe(401);
    expect((await post(stack, fromRouter, '{"query":')).status).toBe(400);
  });

  it('serves the router, trusting its scope enforcement: phones without any token', async () => {
    const response = await stack.query<{ users: { nodes: { phones: unknown[] | null }[] } }, undefined>(PAGE, undefined, fromRouter);
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data!.users.nodes.every((n) => Array.isArray(n.phones))).toBe(true);
  });

  it('gates _service { sdl } too, and keeps /health open', async () => {
    expect((await post(stack, {}, JSON.stringify({ query: '{ _service { sdl } }' }))).status).toBe(401);
    expect((await fetch(`${stack.subgraph.url}/health`)).status).toBe(200);
  });
});

describe('router secret and verified callers at once', () => {
  it('needs both: the secret and a valid token; scopes are then enforced', async () => {
    const idp = await IdentityProvider.start();
    const stack = await startStack({ access: { ...idp.settings(), routerSecret: SECRET } });
    try {
      const token = { authorization: `Bearer ${await idp.sign({ scope: 'users:raw' })}` };
      expect((await post(stack, token)).status).toBe(401);
      expect((await post(stack, fromRouter)).status).toBe(401);
      const both = await stack.query<{ users: { nodes: { phones: unknown }[] } }, undefined>(PAGE, undefined, { ...fromRouter, ...token });
      expect(both.status).toBe(200);
      expect(both.data!.users.nodes.every((n) => n.phones === null)).toBe(true);
      expect(both.errors!.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    } finally {
      await stack.close();
      await idp.close();
    }
  });
});
