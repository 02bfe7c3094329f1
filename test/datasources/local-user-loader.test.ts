import { createSharedCache } from '../../datasources/cache';
import { createLoaders } from '../../datasources/loaders';
import { UpstreamCatalog } from '../../datasources/upstream-catalog';
import { V41Client } from '../../datasources/v41/client';
import { LOCAL_USERS } from '../contract-fake/data';
import { startContractFake, type ContractFake } from '../contract-fake/server';

/** The local-user loader's choice, counted on the contract fake: its 8 local users take 2 pages of 7. */
describe('local users by id', () => {
  let fake: ContractFake;
  beforeAll(async () => {
    fake = await startContractFake({ pageClamp: 7 });
  });
  afterAll(() => fake.close());

  function loaders() {
    fake.reset();
    const client = new V41Client({ baseUrl: fake.baseUrl, ...fake.credentials, timeoutMs: 2_000 });
    const catalog = new UpstreamCatalog(client, createSharedCache({ ttlSeconds: 30, maxRecords: 1_000 }));
    return createLoaders({ client, catalog });
  }
  const localCalls = () => fake.calls.filter((c) => c.path.startsWith('/local-user-store/')).map((c) => `${c.path}?${c.query.offset ?? ''}`);
  const ids = LOCAL_USERS.map((u) => u.id as string);

  it('one id: one GET of that user', async () => {
    const { localUserById } = loaders();
    expect((await localUserById.load(ids[7] as string))?.id).toBe(ids[7]);
    expect(localCalls()).toEqual([`/local-user-store/api/v1/users/${ids[7]}?`]);
  });

  async function firstPageIds(): Promise<string[]> {
    const client = new V41Client({ baseUrl: fake.baseUrl, ...fake.credentials, timeoutMs: 2_000 });
    return (await client.localUsers({ offset: 0, limit: 1000 })).items.map((u) => u.id);
  }

  it('an id past the first page: the first page, then that id alone (as few calls as the remaining page would take)', async () => {
    const onFirst = await firstPageIds();
    const { localUserById } = loaders();
    const outside = ids.find((id) => !onFirst.includes(id)) as string;
    const records = await localUserById.loadMany([onFirst[0] as string, outside]);
    expect(records.map((r) => (r instanceof Error ? r : r?.id))).toEqual([onFirst[0], outside]);
    expect(localCalls()).toEqual(['/local-user-store/api/v1/users?0', `/local-user-store/api/v1/users/${outside}?`]);
  });

  it('more ids past the first page than pages remain: the remaining pages instead', async () => {
    const onFirst = await firstPageIds();
    const { localUserById } = loaders();
    const outside = ids.find((id) => !onFirst.includes(id)) as string;
    const unknown = '00000000-0000-4000-8000-00000000beef';
    const records = await localUserById.loadMany([outside, unknown, onFirst[1] as string]);
    expect(records.map((r) => (r instanceof Error ? r : (r?.id ?? null)))).toEqual([outside, null, onFirst[1]]);
    expect(localCalls()).toEqual(['/local-user-store/api/v1/users?0', '/local-user-store/api/v1/users?7']);
  });

  it('every id: never more calls than the list has pages', async () => {
    const { localUserById } = loaders();
    const records = await localUserById.loadMany([...ids].reverse());
    expect(records.map((r) => (r instanceof Error ? r : r?.id))).toEqual([...ids].reverse());
    expect(localCalls().length).toBeLessThanOrEqual(Math.ceil(ids.length / 7));
  });
});
