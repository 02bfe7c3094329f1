import { Trace } from '@apollo/usage-reporting-protobuf';
import { startStack, type Stack } from '../helpers/stack';

/**
 * Operations run again are compiled by graphql-jit (src/jit-execution.ts); first runs and requests asking for a
 * federated trace go through graphql-js (the trace needs its per-field hooks). All must answer the same, errors
 * included: each case below runs an operation first (graphql-js), then again (compiled), then traced.
 */
describe('execution: compiled, and traced on request', () => {
  let stack: Stack;
  beforeAll(async () => {
    // No cache: the error case below needs its upstream call.
    stack = await startStack({ cacheTtlSeconds: 0 });
  });
  afterAll(() => stack.close());

  const QUERY = 'query Page { users(first: 3) { nodes { id username roles { id name } } } }';
  const FTV1 = { 'apollo-federation-include-trace': 'ftv1' };

  function fieldNames(node: Trace.INode | null | undefined): string[] {
    return (node?.child ?? []).flatMap((child) => [child.responseName ?? `[${child.index}]`, ...fieldNames(child)]);
  }

  it('a router asking for ftv1 gets a trace with a node per resolved field, and the same data as without', async () => {
    const plain = await stack.query(QUERY);
    expect(plain.errors).toBeUndefined();
    expect((await stack.query(QUERY)).data).toEqual(plain.data);
    const traced = await stack.query(QUERY, undefined, FTV1);
    expect(traced.data).toEqual(plain.data);
    const ftv1 = traced.extensions?.ftv1;
    expect(typeof ftv1).toBe('string');
    const trace = Trace.decode(Buffer.from(ftv1 as string, 'base64'));
    const fields = fieldNames(trace.root);
    expect(fields).toEqual(expect.arrayContaining(['users', 'nodes', 'id', 'username', 'roles', 'name']));
    // After a traced request Apollo's hooks wrap every resolver: untraced requests still answer the same.
    expect((await stack.query(QUERY)).data).toEqual(plain.data);
    expect((await stack.query(QUERY)).extensions).toBeUndefined();
  });

  it('the same operation again is answered from its compiled form, variables applied each time', async () => {
    const byId = 'query One($id: ID!) { user(id: $id) { id } }';
    const ids = (await stack.query<{ users: { nodes: { id: string }[] } }, object>(QUERY)).data!.users.nodes.map((n) => n.id);
    for (const id of ids) expect((await stack.query(byId, { id })).data).toEqual({ user: { id } });
  });

  it('bad variables are BAD_USER_INPUT (HTTP 400) on every run, not only the first, uncompiled one', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['query Page($n: Int) { users(first: $n) { nodes { id } } }', { n: 'abc' }, 'Variable "$n" got an invalid value; Int cannot represent non-integer value: "abc"'],
      ['query One($id: ID!) { user(id: $id) { id } }', {}, 'Variable "$id" of required type "ID!" was not provided.'],
    ];
    for (const [query, variables, message] of cases) {
      for (let run = 1; run <= 3; run += 1) {
        const response = await fetch(stack.subgraph.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        expect(response.status).toBe(400);
        const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
        expect(body.data).toBeUndefined();
        expect(body.errors).toEqual([expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
      }
    }
  });

  it('errors of a compiled operation carry code, path and locations like graphql-js ones', async () => {
    stack.simulator.injectFault({ method: 'GET', route: '/role-store/api/v1/roles', status: 500 });
    const query = 'query Roles { users(first: 2) { nodes { id roles { id } } } }';
    const first = await stack.query(query);
    const compiled = await stack.query(query);
    const traced = await stack.query(query, undefined, FTV1);
    expect(compiled).toEqual(first);
    expect(compiled.errors?.[0]).toMatchObject({ extensions: { code: 'UPSTREAM_ERROR' }, path: ['users', 'nodes', 0, 'roles'], locations: [{ line: 1, column: 44 }] });
    expect(compiled.errors).toEqual(traced.errors);
    expect(compiled.data).toEqual(traced.data);
    stack.simulator.clearFaults();
  });
});
