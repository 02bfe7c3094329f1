import { startStack, type Stack } from '../helpers/stack';

const APP = 'https://app.example.com';
const ROUTER = { 'router-authorization': 'router-secret-for-the-tests-0123456789' };

function preflight(stack: Stack, origin: string, headers = 'content-type,authorization') {
  return fetch(stack.subgraph.graphqlUrl, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
  });
}

/** What production shows an unknown caller: security headers everywhere, no schema details, CORS only on request. */
describe('production HTTP surface', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ production: true, access: { routerSecret: ROUTER['router-authorization'] } });
  });
  afterAll(() => stack.close());

  it.each([
    ['GET /health', () => fetch(`${stack.subgraph.url}/health`)],
    ['a 404', () => fetch(`${stack.subgraph.url}/nope`)],
    ['a 401', () => fetch(stack.subgraph.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })],
    ['a GraphQL answer', () => fetch(stack.subgraph.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...ROUTER }, body: '{"query":"{ __typename }"}' })],
  ])('sends the security headers and a CSP that allows nothing on %s', async (_name, request) => {
    const response = await request();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'");
  });

  it('serves no landing page: a browser gets no HTML', async () => {
    const response = await fetch(stack.subgraph.graphqlUrl, { headers: { accept: 'text/html', ...ROUTER } });
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(await response.text()).not.toMatch(/<html|<script/i);
  });

  it('refuses introspection and suggests no field names', async () => {
    const introspection = await stack.query('{ __schema { types { name } } }', undefined, ROUTER);
    expect(introspection.errors![0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await stack.query('{ users(first: 1) { nodes { usernam } } }', undefined, ROUTER);
    expect(typo.errors![0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean|username/);
  });

  it('answers no CORS by default: a preflight gets no allow-origin', async () => {
    const response = await preflight(stack, APP);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS_ORIGINS', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ production: true, corsOrigins: [APP], access: { routerSecret: ROUTER['router-authorization'] } });
  });
  afterAll(() => stack.close());

  it('allows a listed origin to send authorization, but never the router secret header', async () => {
    const allowed = await preflight(stack, APP);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(allowed.headers.get('access-control-allow-headers')).not.toContain('router-authorization');
  });

  it('gives any other origin nothing', async () => {
    const refused = await preflight(stack, 'https://evil.example.com');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('development HTTP surface', () => {
  it('sends the same headers, but no CSP, so the Sandbox landing page can load', async () => {
    const stack = await startStack();
    try {
      const page = await fetch(stack.subgraph.graphqlUrl, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('content-security-policy')).toBeNull();
    } finally {
      await stack.close();
    }
  });
});
