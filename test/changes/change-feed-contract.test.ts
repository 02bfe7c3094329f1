import type { JsonObject } from '../contract-fake/data';
import { startContractFake, type ContractFake } from '../contract-fake/server';
import { UserChangesDocument } from '../generated/graphql';
import { startSubgraphOver, type SubgraphStack } from '../helpers/subgraph-over';

/**
 * The poller against the contract fake (test/contract-fake): pages clamped to 7 records, the default order
 * rotating on every call, dates as the contract writes them. Its records (`fake.users`, this fake's own copy)
 * are changed in place here, as PrivX would change them.
 */
describe('change feed over the contract fake', () => {
  let fake: ContractFake;
  let stack: SubgraphStack;
  let clock = Date.parse('2026-12-01T12:00:00.000Z');
  const now = () => clock;
  const iso = () => new Date(clock).toISOString().replace(/\.\d{3}Z$/, 'Z');

  beforeAll(async () => {
    fake = await startContractFake({ tokenTtlSeconds: 100_000 });
    stack = await startSubgraphOver({ baseUrl: fake.baseUrl, ...fake.credentials }, {
      changes: { pollSeconds: 10, fullScanSeconds: 600, retentionHours: 24, manualPolls: true, now },
    });
  });
  afterAll(async () => {
    await stack?.close();
    await fake?.close();
  });
  const poll = () => stack.subgraph.changes!.pollNow();

  it('starts silent, costs one call when quiet, and finds an update, a create and a delete once each, in order', async () => {
    expect(await poll()).toMatchObject({ outcome: 'first' });
    const start = await stack.subgraph.changes!.newestCursor();
    clock += 10_000;
    fake.reset();
    expect(await poll()).toMatchObject({ outcome: 'quiet', upstreamCalls: 1 });
    expect(fake.calls.map((c) => `${c.method} ${c.path} ${c.query.sortkey}:${c.query.sortdir}`)).toEqual(['POST /role-store/api/v1/users/search updated:DESC']);

    const [changed, gone] = fake.users.filter((u) => Array.isArray(u.roles) && u.roles.length === 0).slice(0, 2) as JsonObject[];
    clock += 1_000;
    changed!.updated = iso();
    changed!.job_title = 'Changed in PrivX';
    clock += 1_000;
    const created: JsonObject = { ...changed!, id: '0c7e6a51-0000-4000-8000-00000000c0de', principal: 'newcomer', created: iso(), updated: iso(), roles: [] };
    fake.users.push(created);
    fake.users.splice(fake.users.indexOf(gone!), 1);
    clock += 8_000;
    expect(await poll()).toMatchObject({ outcome: 'changes', fullScan: true, byKind: { UPDATED: 1, CREATED: 1, DELETED: 1 } });
    const { data, errors } = await stack.query(UserChangesDocument, { after: start });
    expect(errors).toBeUndefined();
    expect(data!.userChanges.nodes.map((n) => [n.kind, n.userId, n.user?.title ?? null])).toEqual([
      ['UPDATED', changed!.id, 'Changed in PrivX'],
      ['CREATED', created.id, 'Changed in PrivX'],
      ['DELETED', gone!.id, null],
    ]);
    clock += 10_000;
    expect(await poll()).toMatchObject({ outcome: 'quiet' });
  });
});
