import { createHash } from 'node:crypto';
import { buildSchema, OperationTypeNode, parse, validate } from 'graphql';
import { identitySchema } from '../../src/schema/identity-schema';
import { SupportedOperationTypesRule } from '../../src/supported-operations';
import { captureLogs, type LogCapture } from '../helpers/log-capture';
import { startStack, type Stack } from '../helpers/stack';

type Body = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/**
 * Production codes a caller's mistake as one (HTTP 400, a code saying what was wrong, no error-level log line) and
 * never as our internal error; and says nothing about the schema's names.
 */
describe('client errors in production', () => {
  let stack: Stack;
  let logs: LogCapture;
  beforeAll(async () => {
    logs = captureLogs('info');
    stack = await startStack({ production: true, logger: logs.logger });
  });
  afterAll(() => stack.close());

  async function post(body: string): Promise<{ status: number; body: Body }> {
    const response = await fetch(stack.subgraph.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, body: (await response.json()) as Body };
  }

  function errorLines(): Record<string, unknown>[] {
    return logs.lines().filter((line) => typeof line.level === 'number' ? line.level >= 50 : line.level === 'error');
  }

  it('an operation type the schema lacks: 400 GRAPHQL_VALIDATION_FAILED, no error log (served over HTTP for whichever root the schema lacks; the rule itself is tested below)', async () => {
    const schema = await identitySchema();
    const missing = [OperationTypeNode.MUTATION, OperationTypeNode.SUBSCRIPTION].filter((type) => !schema.getRootType(type));
    for (const type of missing) {
      const before = errorLines().length;
      const { status, body } = await post(JSON.stringify({ query: `${type} { __typename }` }));
      expect([type, status]).toEqual([type, 400]);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([{ message: `The ${type} operation type is not supported by this schema.`, locations: [{ line: 1, column: 1 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
      expect(errorLines().length).toBe(before);
    }
  });

  it.each([['first run'], ['second run (compiled by graphql-jit)'], ['third run']])(
    'an operationName the document does not define: 400 with a code, no error log (%s)',
    async () => {
      const before = errorLines().length;
      const { status, body } = await post(JSON.stringify({ query: '{ roles(first: 1) { nodes { id } } }', operationName: 'Nope' }));
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([{ message: 'Unknown operation named "Nope".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }]);
      expect(errorLines().length).toBe(before);
    },
  );

  it('variable coercion errors carry no "Did you mean …?" suggestion', async () => {
    const query = 'query Q($status: UserStatus) { users(first: 1, filter: { status: $status }) { totalCount } }';
    const { status, body } = await post(JSON.stringify({ query, variables: { status: 'ACTIV' } }));
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toContain('Value "ACTIV" does not exist in "UserStatus" enum.');
    expect(JSON.stringify(body)).not.toMatch(/Did you mean|ACTIVE/);
  });

  it('an automatic persisted query whose hash is not its query’s: 400 PERSISTED_QUERY_HASH_MISMATCH, no error log', async () => {
    const before = errorLines().length;
    const query = '{ __typename }';
    const { status, body } = await post(JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }));
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ message: 'provided sha does not match query', extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' } }]);
    expect(errorLines().length).toBe(before);
    // The right hash still registers and answers.
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const right = await post(JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } }));
    expect(right).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it.each([
    ['invalid JSON', '{"query": "{ __typename }"', 400, 'BAD_REQUEST'],
    ['a body over 1 MB', JSON.stringify({ query: `{ ${'__typename '.repeat(100_000)} }` }), 413, 'PAYLOAD_TOO_LARGE'],
  ])('%s: a code in extensions', async (_, body, status, code) => {
    const response = await post(body);
    expect(response.status).toBe(status);
    expect(response.body.errors![0]!.extensions).toEqual({ code });
  });
});

describe('SupportedOperationTypesRule', () => {
  it('follows the root types the schema has', () => {
    const schema = buildSchema('type Query { a: Int } type Mutation { b: Int }');
    const messages = (source: string) => validate(schema, parse(source), [SupportedOperationTypesRule]).map((e) => e.message);
    expect(messages('{ a }')).toEqual([]);
    expect(messages('mutation { b }')).toEqual([]);
    expect(messages('subscription { c }')).toEqual(['The subscription operation type is not supported by this schema.']);
    const queryOnly = buildSchema('type Query { a: Int }');
    expect(validate(queryOnly, parse('mutation M { b }'), [SupportedOperationTypesRule]).map((e) => e.message)).toEqual(['The mutation operation type is not supported by this schema.']);
  });
});
