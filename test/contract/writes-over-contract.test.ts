import { ROLE_STORE_USERS, ROLES, type JsonObject } from '../contract-fake/data';
import { startContractFake, type ContractFake } from '../contract-fake/server';
import { startSubgraphOver, type SubgraphStack } from '../helpers/subgraph-over';
import { dataOf, GRANT, REVOKE, type GrantData, type RevokeData } from '../writes/grant-fixtures';

const STANDARD = new Set(['PERMANENT', 'TIME_RESTRICTED', 'FLOATING']);
const rolesOf = (user: JsonObject) => (Array.isArray(user.roles) ? (user.roles as JsonObject[]) : []);

/** A user of the fake with standard explicit grants and a directory-mapped role. */
const MIXED = ROLE_STORE_USERS.find((u) => {
  const roles = rolesOf(u);
  const explicit = roles.filter((r) => r.explicit === true);
  return explicit.length >= 1 && explicit.every((r) => STANDARD.has(r.grant_type as string)) && roles.some((r) => r.explicit !== true);
})!;

/**
 * The role-grant mutations against the independent contract fake (written from docs/upstream-v41.md only): its
 * PUT checks the handles as PrivX does, keeps mapped roles, and its reads reflect the write. What the subgraph
 * sends must be exactly the explicit grants it read, plus or minus the one it changes.
 */
describe('role grants over the independent v41 contract fake', () => {
  let fake: ContractFake;
  let stack: SubgraphStack;

  beforeAll(async () => {
    fake = await startContractFake({ pageClamp: 7 });
    stack = await startSubgraphOver({ baseUrl: fake.baseUrl, ...fake.credentials }, { cacheTtlSeconds: 300 });
  });
  afterAll(async () => {
    await stack?.close();
    await fake?.close();
  });

  it('finds a user with explicit and mapped grants in the fake', () => {
    expect(MIXED).toBeDefined();
  });

  it('grants a role: the PUT carries every other explicit grant as the fake sent it and no mapped role; the next read shows it', async () => {
    const held = new Set(rolesOf(MIXED).map((r) => r.id));
    const roleId = ROLES.find((r) => !held.has(r.id))!.id as string;
    const explicitBefore = rolesOf(MIXED).filter((r) => r.explicit === true);
    const mapped = rolesOf(MIXED).filter((r) => r.explicit !== true).map((r) => r.id);

    const { grantRole } = dataOf(await stack.query<GrantData, unknown>(GRANT, { input: { userId: MIXED.id, roleId, grantType: 'FLOATING', floatingHours: 3 } }));

    expect(grantRole.userErrors).toEqual([]);
    expect(grantRole.assignment).toMatchObject({ role: { id: roleId }, explicit: true, grantType: 'FLOATING', floatingHours: 3 });
    expect(grantRole.user?.roles.map((r) => r.id)).toEqual(expect.arrayContaining([roleId, ...mapped]));
    expect(fake.roleWrites).toHaveLength(1);
    const body = fake.roleWrites[0]!.body as JsonObject[];
    for (const before of explicitBefore) {
      const sent = body.find((h) => h.id === before.id)!;
      for (const key of ['name', 'grant_type', 'grant_start', 'grant_end', 'grant_validity_periods', 'floating_length'] as const) {
        if (before[key] !== undefined) expect(sent[key]).toEqual(before[key]);
      }
    }
    expect(body.map((h) => h.id)).not.toEqual(expect.arrayContaining(mapped));
    expect(body).toHaveLength(explicitBefore.length + 1);
  });

  it('revokes it again, keeping the rest; a mapped role is IMPLICIT_GRANT with no PUT', async () => {
    const granted = (fake.roleWrites[0]!.body as JsonObject[]).at(-1)!.id as string;
    const { revokeRole } = dataOf(await stack.query<RevokeData, unknown>(REVOKE, { input: { userId: MIXED.id, roleId: granted } }));
    expect(revokeRole).toMatchObject({ revoked: true, userErrors: [] });
    expect((fake.roleWrites[1]!.body as JsonObject[]).map((h) => h.id)).toEqual(rolesOf(MIXED).filter((r) => r.explicit === true).map((r) => r.id));

    const mapped = rolesOf(MIXED).find((r) => r.explicit !== true)!.id as string;
    const implicit = dataOf(await stack.query<RevokeData, unknown>(REVOKE, { input: { userId: MIXED.id, roleId: mapped } }));
    expect(implicit.revokeRole.userErrors.map((e) => e.code)).toEqual(['IMPLICIT_GRANT']);
    expect(fake.roleWrites).toHaveLength(2);
  });
});
