import { join } from 'node:path';
import { sdlBaselineSchema } from '../../bench/sdl-baseline/schema';
import { startSubgraph, type RunningSubgraph } from '../../src/server';
import { postGraphQL } from '../../examples/supergraph/graphql-http';
import { AccessReviewDocument, UserAccessDocument, UserGrantStatesDocument } from '../generated/graphql';
import { startStack, type Stack } from '../helpers/stack';

/**
 * The benchmark's SDL-first baseline prices TypeGraphQL only if it serves the same schema with the same answers:
 * every field it serves comes from the same src/entities functions. Both servers run over one simulator.
 */
describe('the SDL-first baseline', () => {
  let stack: Stack;
  let baseline: RunningSubgraph;

  beforeAll(async () => {
    stack = await startStack();
    baseline = await startSubgraph({ upstream: stack.upstream, port: 0, production: false, schema: sdlBaselineSchema(join(__dirname, '..', '..')) });
  });
  afterAll(async () => {
    await baseline.close();
    await stack.close();
  });

  const EVERYTHING = `{
    users(first: 30) { totalCount nodes { id name status rawStatus roles { id name memberCount } workspace { id name status } groups { id } organizations { id } } }
    roles(first: 5) { nodes { id name context { weekdays timezone } members(first: 3) { totalCount nodes { id } } } }
    groups(first: 3) { nodes { id name members(first: 2) { nodes { id } } } }
    organizations(first: 3) { nodes { id members(first: 2) { totalCount } } }
    workspaces { id name members(first: 2) { totalCount } }
  }`;

  it('answers the directory queries as the product does', async () => {
    const product = await stack.query(EVERYTHING);
    expect(product.errors).toBeUndefined();
    expect(await postGraphQL(baseline.graphqlUrl, EVERYTHING)).toEqual(product);
  });

  it('answers grant states, security facts and access reviews as the product does', async () => {
    const ids = stack.simulator.data.users.slice(0, 20).map((u) => u.id);
    const at = '2030-01-01T00:00:00.000Z';
    for (const id of ids) {
      const access = await stack.query(UserAccessDocument, { id });
      expect(access.errors).toBeUndefined();
      expect(await postGraphQL(baseline.graphqlUrl, UserAccessDocument, { id })).toEqual(access);
      const states = await stack.query(UserGrantStatesDocument, { id, at, from: '10.1.2.3' });
      expect(await postGraphQL(baseline.graphqlUrl, UserGrantStatesDocument, { id, at, from: '10.1.2.3' })).toEqual(states);
    }
    const review = await stack.query(AccessReviewDocument, { first: 50 });
    expect(review.data?.roleAssignments.nodes.length).toBe(50);
    expect(await postGraphQL(baseline.graphqlUrl, AccessReviewDocument, { first: 50 })).toEqual(review);
  });
});
