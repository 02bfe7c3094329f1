import { startStack, type Stack } from '../helpers/stack';

/** What the HTTP server answers besides GraphQL itself. */
describe('HTTP surface', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('GET /health answers 200 once serving', async () => {
    const response = await fetch(`${stack.subgraph.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers 404 outside /graphql and /health', async () => {
    const response = await fetch(`${stack.subgraph.url}/nope`);
    expect(response.status).toBe(404);
  });

  it('answers a body that is not JSON with 400 and no internals', async () => {
    const response = await fetch(stack.subgraph.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(/at .*\.js|node_modules/);
  });

  it('answers a CORS preflight, so Apollo Sandbox can reach it from its own origin', async () => {
    const response = await fetch(stack.subgraph.graphqlUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://studio.apollographql.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('serves the subgraph SDL to routers as _service { sdl }', async () => {
    const { data } = await stack.query<{ _service: { sdl: string } }, Record<string, never>>('{ _service { sdl } }');
    expect(data!._service.sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.9"');
    expect(data!._service.sdl).toContain('type User');
  });

  it('refuses a query that is not valid GraphQL with a clear error code', async () => {
    const result = await stack.query('{ users(first: "x") { totalCount } }');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
