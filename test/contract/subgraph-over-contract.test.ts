import { ContractEntitiesDocument, ContractRemoteDataDocument, ContractUserDocument, ContractUsersPageDocument } from '../generated/graphql';
import type { ContractUsersPageQuery } from '../generated/graphql';
import type { GraphQLResponse } from '../../examples/supergraph/graphql-http';
import { CONTRACT_SECRETS, startContractFake, type ContractFake } from '../contract-fake/server';
import {
  EXPECTED_LOCAL_REMOTE_DATA_KEYS,
  EXPECTED_REMOTE_DATA_KEYS,
  EXPECTED_REMOTE_DATA_VALUES,
  EXPECTED_USERS,
  REMOTE_DATA_LOCAL_USER_ID,
  REMOTE_DATA_USER_ID,
  REMOVED_REMOTE_DATA_KEYS,
} from '../contract-fake/expected';
import { startSubgraphOver, type SubgraphStack } from '../helpers/subgraph-over';

/**
 * The subgraph in front of an independent fake of the v41 API, written only from the contract: pages clamped
 * to 7, unstable default order, keyword matches wider than documented, drift, secrets at every depth. Every
 * field of every user must come out as docs/mapping.md says (expected values written by hand).
 */
describe('subgraph over the independent v41 contract fake', () => {
  let fake: ContractFake;
  let stack: SubgraphStack;
  const ids = Object.keys(EXPECTED_USERS).sort();

  beforeAll(async () => {
    fake = await startContractFake({ pageClamp: 7 });
    stack = await startSubgraphOver({ baseUrl: fake.baseUrl, ...fake.credentials });
  });
  afterAll(async () => {
    await stack?.close();
    await fake?.close();
  });

  it.each(ids)('user(id: %s) matches docs/mapping.md field by field', async (id) => {
    const { data, errors } = await stack.query(ContractUserDocument, { id });
    expect(errors).toBeUndefined();
    expect(data?.user).toEqual(EXPECTED_USERS[id]);
  });

  it('pages through users: every user exactly once, every field as expected, totalCount exact', async () => {
    const seen: string[] = [];
    let after: string | null | undefined = null;
    let pages = 0;
    do {
      const response: GraphQLResponse<ContractUsersPageQuery> = await stack.query(ContractUsersPageDocument, { first: 5, after });
      expect(response.errors).toBeUndefined();
      const page = response.data!.users;
      expect(page.totalCount).toBe(ids.length);
      for (const user of page.nodes) {
        seen.push(user.id);
        expect(user).toEqual(EXPECTED_USERS[user.id]);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
      pages += 1;
    } while (after && pages < 20);
    expect(seen.sort()).toEqual(ids);
  });

  it('_entities resolves every representation in order, null for an unknown id, in one user search', async () => {
    fake.reset();
    const unknown = '00000000-0000-4000-8000-00000000dead';
    const representations = [...ids, unknown].map((id) => ({ __typename: 'User', id }));
    const { data, errors } = await stack.query(ContractEntitiesDocument, { representations });
    expect(errors).toBeUndefined();
    const entities = data!._entities;
    expect(entities).toHaveLength(ids.length + 1);
    ids.forEach((id, i) => {
      const { remoteData: _remoteData, ...fields } = entities[i] as Record<string, unknown>;
      expect(fields).toEqual(EXPECTED_USERS[id]);
    });
    expect(entities[ids.length]).toBeNull();
    const searches = fake.calls.filter((c) => c.path === '/role-store/api/v1/users/search');
    // 27 ids at a clamp of 7 a page: the count says 4 pages, none assumed from a short page.
    expect(searches).toHaveLength(Math.ceil((ids.length) / 7));
    expect(searches.every((c) => Array.isArray((c.body as { user_id?: unknown }).user_id))).toBe(true);
  });

  it('never returns an upstream secret, remoteData included', async () => {
    const representations = ids.map((id) => ({ __typename: 'User', id }));
    const { data } = await stack.query(ContractEntitiesDocument, { representations });
    const body = JSON.stringify(data);
    for (const secret of CONTRACT_SECRETS) expect(body).not.toContain(secret);
    expect(body).not.toMatch(/"password"\s*:/);
  });

  it('keeps drift and unknown keys in remoteData but strips secrets at every depth', async () => {
    const { data } = await stack.query(ContractRemoteDataDocument, { id: REMOTE_DATA_USER_ID });
    const roleStoreUser = (data!.user!.remoteData as { roleStoreUser: Record<string, unknown> }).roleStoreUser;
    expect(Object.keys(roleStoreUser).filter((k) => k !== 'roles').sort()).toEqual([...EXPECTED_REMOTE_DATA_KEYS].sort());
    for (const key of REMOVED_REMOTE_DATA_KEYS) expect(roleStoreUser).not.toHaveProperty(key);
    expect(roleStoreUser).toMatchObject(EXPECTED_REMOTE_DATA_VALUES);

    const local = await stack.query(ContractRemoteDataDocument, { id: REMOTE_DATA_LOCAL_USER_ID });
    const localUser = (local.data!.user!.remoteData as { localUser: Record<string, unknown> }).localUser;
    expect(Object.keys(localUser).sort()).toEqual([...EXPECTED_LOCAL_REMOTE_DATA_KEYS].sort());
  });

  it('re-tokens once and retries when the upstream rejects a token', async () => {
    const id = ids[0] as string;
    fake.reset();
    fake.expireAllTokens();
    const { data, errors } = await stack.query(ContractUserDocument, { id });
    expect(errors).toBeUndefined();
    expect(data?.user?.id).toBe(id);
    expect(fake.tokensIssued).toBe(1);
  });

  it('waits out a short Retry-After on 503 and succeeds', async () => {
    const id = ids[1] as string;
    fake.failNext('GET', `/role-store/api/v1/users/${id}`, 503, { 'Retry-After': '0' });
    const { data, errors } = await stack.query(ContractUserDocument, { id });
    expect(errors).toBeUndefined();
    expect(data?.user?.id).toBe(id);
  });
});
