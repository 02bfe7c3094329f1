import { startStack, type Stack } from '../helpers/stack';
import { scopesOf } from '../../src/auth/jwt-verifier';
import { foreignKey, IdentityProvider } from '../helpers/identity-provider';

const PAGE = '{ users(first: 10) { nodes { id username emails { email } phones { number } } } }';
const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id username phones { number } } } }';
const RAW = '{ users(first: 20) { nodes { id username remoteData } } }';

interface PageData {
  users: { nodes: { id: string; username: string; emails: unknown[]; phones: { number: string }[] | null }[] };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const localUserCalls = (stack: Stack) =>
  Object.entries(stack.calls().byRoute)
    .filter(([route]) => route.includes('/local-user-store/'))
    .reduce((sum, [, n]) => sum + n, 0);

/** With AUTH_JWKS_URL set: every GraphQL request needs a JWT that verifies; `@requiresScopes` is enforced here. */
describe('verified callers', () => {
  let idp: IdentityProvider;
  let stack: Stack;
  beforeAll(async () => {
    idp = await IdentityProvider.start();
    stack = await startStack({ access: idp.settings(0), cacheTtlSeconds: 0 });
  });
  afterAll(async () => {
    await stack.close();
    await idp.close();
  });
  beforeEach(() => stack.resetCalls());

  describe('refused with 401 UNAUTHENTICATED and no upstream call', () => {
    const refusals: [string, () => Promise<Record<string, string>>, string][] = [
      ['no token', async () => ({}), 'A bearer token is required: Authorization: Bearer <JWT>.'],
      ['a scheme other than Bearer', async () => ({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }), 'A bearer token is required: Authorization: Bearer <JWT>.'],
      ['a token that is not a JWT', async () => bearer('not-a-jwt'), 'The bearer token is not a well-formed JWT.'],
      ['an expired token', async () => bearer(await idp.sign({ expiresIn: -120 })), 'The bearer token has expired.'],
      ['a token for another audience', async () => bearer(await idp.sign({ audience: 'another-api' })), 'The bearer token\'s "aud" claim is not accepted here.'],
      ['a token from another issuer', async () => bearer(await idp.sign({ issuer: 'https://evil.test/' })), 'The bearer token\'s "iss" claim is not accepted here.'],
      ['a forged signature under a published kid', async () => bearer(await idp.sign({ forgeWith: await foreignKey() })), 'The bearer token signature does not verify.'],
      [
        'a kid nobody published',
        async () => bearer(await idp.sign({ forgeWith: await foreignKey(), kid: 'unknown-kid' })),
        'The bearer token was signed with a key this service does not know.',
      ],
    ];

    it.each(refusals)('%s', async (_name, headers, message) => {
      const sent = await headers();
      const response = await fetch(stack.subgraph.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...sent },
        body: JSON.stringify({ query: PAGE }),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const text = await response.text();
      const body = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[]; data?: unknown };
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([{ message, extensions: { code: 'UNAUTHENTICATED' } }]);
      // The caller's token is never echoed back.
      const token = sent.authorization?.split(' ')[1];
      if (token) expect(text).not.toContain(token);
      expect(stack.calls().total).toBe(0);
    });
  });

  it('accepts a token within the clock skew of its expiry', async () => {
    const response = await stack.query(PAGE, undefined, bearer(await idp.sign({ expiresIn: -5, scope: 'users:pii' })));
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
  });

  it('without users:pii: phones null with one FORBIDDEN per user, everything else intact', async () => {
    const response = await stack.query<PageData, undefined>(PAGE, undefined, bearer(await idp.sign({ scope: 'openid profile' })));
    expect(response.status).toBe(200);
    const nodes = response.data!.users.nodes;
    expect(nodes).toHaveLength(10);
    for (const node of nodes) {
      expect(node.phones).toBeNull();
      expect(node.username).toBeTruthy();
      expect(Array.isArray(node.emails)).toBe(true);
    }
    expect(response.errors).toHaveLength(10);
    expect(response.errors!.map((e) => e.path)).toEqual(nodes.map((_, i) => ['users', 'nodes', i, 'phones']));
    for (const error of response.errors!) {
      expect(error.extensions?.code).toBe('FORBIDDEN');
      expect(error.message).toBe('User.phones needs the scope users:pii.');
    }
  });

  it('with users:pii (in scope, or in an scp array): the phones', async () => {
    for (const claims of [{ scope: 'openid users:pii' }, { scp: ['users:pii'] }]) {
      const response = await stack.query<PageData, undefined>(PAGE, undefined, bearer(await idp.sign(claims)));
      expect(response.errors).toBeUndefined();
      const phones = response.data!.users.nodes.map((n) => n.phones);
      expect(phones.every(Array.isArray)).toBe(true);
      expect(phones.flat().length).toBeGreaterThan(0);
    }
  });

  it('_entities obeys the same rule', async () => {
    const users = stack.simulator.data.users.filter((u) => u.telephone).slice(0, 3);
    const r = users.map((u) => ({ __typename: 'User', id: u.id }));
    type Entities = { _entities: { id: string; username: string; phones: unknown[] | null }[] };

    const without = await stack.query<Entities, { r: unknown }>(ENTITIES, { r }, bearer(await idp.sign({ scope: 'users:raw' })));
    expect(without.data!._entities.map((e) => e.id)).toEqual(users.map((u) => u.id));
    expect(without.data!._entities.every((e) => e.phones === null && e.username)).toBe(true);
    expect(without.errors!.map((e) => [e.path, e.extensions?.code])).toEqual(users.map((_, i) => [['_entities', i, 'phones'], 'FORBIDDEN']));

    const withScope = await stack.query<Entities, { r: unknown }>(ENTITIES, { r }, bearer(await idp.sign({ scope: 'users:pii' })));
    expect(withScope.errors).toBeUndefined();
    expect(withScope.data!._entities.every((e) => Array.isArray(e.phones) && e.phones.length > 0)).toBe(true);
  });

  it('remoteData without users:raw costs no upstream call: not even the local-user records behind it', async () => {
    const without = await stack.query<{ users: { nodes: { remoteData: unknown }[] } }, undefined>(RAW, undefined, bearer(await idp.sign({ scope: 'users:pii' })));
    expect(without.data!.users.nodes.every((n) => n.remoteData === null)).toBe(true);
    expect(without.errors).toHaveLength(20);
    expect(new Set(without.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    expect(localUserCalls(stack)).toBe(0);
    expect(stack.calls().total).toBe(1); // the page itself

    stack.resetCalls();
    const withScope = await stack.query<{ users: { nodes: { remoteData: unknown }[] } }, undefined>(RAW, undefined, bearer(await idp.sign({ scope: 'users:raw' })));
    expect(withScope.errors).toBeUndefined();
    expect(withScope.data!.users.nodes.every((n) => n.remoteData !== null)).toBe(true);
    expect(localUserCalls(stack)).toBeGreaterThan(0); // the page has local users: the guard, not the data, saved the calls
  });

  it('mfaStatus and passwordSetAt need users:raw; the other security facts and grant states need no scope', async () => {
    const query = '{ users(first: 20) { nodes { id mfaStatus passwordSetAt externalId lastSyncedAt roleAssignments { state activeNow } workspace { status } } } }';
    type Page = { users: { nodes: { mfaStatus: unknown; passwordSetAt: unknown; roleAssignments: unknown[] | null; workspace: { status: unknown } | null }[] } };
    stack.resetCalls();
    const without = await stack.query<Page, undefined>(query, undefined, bearer(await idp.sign({ scope: 'users:pii' })));
    expect(without.data!.users.nodes.every((n) => n.mfaStatus === null && n.passwordSetAt === null)).toBe(true);
    expect(new Set(without.errors!.map((e) => [e.path?.at(-1), e.extensions?.code].join(' ')))).toEqual(new Set(['mfaStatus FORBIDDEN', 'passwordSetAt FORBIDDEN']));
    expect(without.data!.users.nodes.every((n) => n.roleAssignments !== null && n.workspace?.status !== undefined)).toBe(true);
    expect(localUserCalls(stack)).toBe(0);

    const withScope = await stack.query<Page, undefined>(query, undefined, bearer(await idp.sign({ scope: 'users:raw' })));
    expect(withScope.errors).toBeUndefined();
    expect(withScope.data!.users.nodes.some((n) => n.mfaStatus !== null && n.passwordSetAt !== null)).toBe(true);
  });

  it('caches the key set, and re-reads it for a kid it does not know (key rotation)', async () => {
    const before = idp.fetches;
    await stack.query(PAGE, undefined, bearer(await idp.sign({ scope: 'users:pii' })));
    await stack.query(PAGE, undefined, bearer(await idp.sign({ scope: 'users:pii' })));
    expect(idp.fetches).toBe(before);

    await idp.rotate();
    const rotated = await stack.query(PAGE, undefined, bearer(await idp.sign({ scope: 'users:pii' })));
    expect(rotated.status).toBe(200);
    expect(rotated.errors).toBeUndefined();
    expect(idp.fetches).toBe(before + 1);
  });

  it('keeps /health open', async () => {
    expect((await fetch(`${stack.subgraph.url}/health`)).status).toBe(200);
  });
});

describe('verified callers in production', () => {
  it('FORBIDDEN survives the production error masking', async () => {
    const idp = await IdentityProvider.start();
    const stack = await startStack({ access: idp.settings(), production: true });
    try {
      const response = await stack.query<PageData, undefined>(PAGE, undefined, bearer(await idp.sign({ scope: 'profile' })));
      expect(response.data!.users.nodes).toHaveLength(10);
      expect(response.errors![0]).toEqual({
        message: 'User.phones needs the scope users:pii.',
        locations: expect.any(Array),
        path: ['users', 'nodes', 0, 'phones'],
        extensions: { code: 'FORBIDDEN' },
      });
    } finally {
      await stack.close();
      await idp.close();
    }
  });
});

describe('when the key set cannot be read', () => {
  it('fails closed: 401, no upstream call', async () => {
    const idp = await IdentityProvider.start();
    const token = await idp.sign({ scope: 'users:pii' });
    const stack = await startStack({ access: idp.settings() });
    await idp.close(); // the identity provider is gone before the first request
    try {
      stack.resetCalls();
      const response = await stack.query(PAGE, undefined, bearer(token));
      expect(response.status).toBe(401);
      expect(response.errors).toEqual([{ message: 'The signing keys to verify the bearer token could not be read.', extensions: { code: 'UNAUTHENTICATED' } }]);
      expect(stack.calls().total).toBe(0);
    } finally {
      await stack.close();
    }
  });
});

describe('scopesOf', () => {
  it('reads a space-separated scope and an scp array or string, together', () => {
    expect([...scopesOf({ scope: 'openid  users:pii', scp: ['users:raw', 7] as string[] })]).toEqual(['openid', 'users:pii', 'users:raw']);
    expect([...scopesOf({ scp: 'a b' })]).toEqual(['a', 'b']);
    expect([...scopesOf({})]).toEqual([]);
  });
});
