import { serverAudits } from 'graphql-http';
import { startStack, type Stack } from '../helpers/stack';

/** The GraphQL-over-HTTP spec's audit suite (graphql-http): demand control and the request scope change nothing it checks. */
describe('graphql-http audit', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('passes every audit that is a MUST, with no error', async () => {
    const results = await Promise.all(serverAudits({ url: stack.subgraph.graphqlUrl, fetchFn: fetch }).map((audit) => audit.fn()));
    const errors = results.flatMap((r) => (r.status === 'error' ? [`${r.name}: ${r.reason}`] : []));
    expect(errors).toEqual([]);
    expect(results.length).toBeGreaterThan(20);
  });
});
