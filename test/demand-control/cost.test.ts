import 'reflect-metadata';
import { Kind, parse, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { estimateCost } from '../../src/demand-control/cost';
import { DEFAULT_DEMAND_LIMITS } from '../../src/demand-control/limits';
import { identitySchema } from '../../src/schema/identity-schema';
import { aliases, EVERY_USER_FIELD, GROUP_MEMBERS_FAN_OUT, nestedRoles, PAGE_OF_100_EVERY_FIELD } from './queries';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await identitySchema();
});

/** Cost of each operation of a document, by operation name. */
function costs(source: string, variables: Record<string, unknown> = {}): Record<string, number> {
  const document = parse(source);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return Object.fromEntries(operations.map((operation) => [operation.name?.value ?? '', estimateCost({ schema, operation, fragments, variables })]));
}

describe('the static cost estimate, from the schema’s own @cost and @listSize', () => {
  it('prices a field as weight plus what is below it, times its list size', () => {
    // users: @cost 10 + pageInfo 1 + nodes sized by first (3) × (User 1 + emails 3 × Email 1)
    expect(costs('query Q { users(first: 3) { pageInfo { hasNextPage } nodes { id emails { email } } } }').Q).toBe(10 + 1 + 3 * (1 + 3));
    // roles: @cost 2 × assumedSize 10; scalars weigh 0
    expect(costs('query Q { user(id: "x") { roles { name } } }').Q).toBe(1 + 10 * 2);
  });

  it('prices the role-grant mutations: 10 for any mutation, the field\'s @cost, and what is selected below', () => {
    // grantRole @cost 20; userErrors assumedSize 3 × UserError 1; assignment 1 + role 1
    expect(costs('mutation M { grantRole(input: { userId: "u", roleId: "r", grantType: PERMANENT }) { assignment { role { id } } userErrors { code } } }').M).toBe(10 + 20 + 1 + 1 + 3);
    // revokeGrants @cost 200; revocations assumedSize 500 × (GrantRevocation 1 + user 1 + role 1)
    expect(costs('mutation M { revokeGrants(input: { filter: {} }) { revokedCount revocations { user { id } role { id } } } }').M).toBe(10 + 200 + 500 * 3);
    // offboardUser @cost 20; steps assumedSize 4 × OffboardingStep 1; user 1; userErrors 3 × 1
    expect(costs('mutation M { offboardUser(input: { userId: "u" }) { steps { step } user { id } userErrors { code } } }').M).toBe(10 + 20 + 4 + 1 + 3);
    // createLocalUser @cost 20; user 1
    expect(costs('mutation M { createLocalUser(input: { username: "u" }) { user { id } } }').M).toBe(10 + 20 + 1);
  });

  it('reads `first` from variables, and its default (50) when omitted', () => {
    const q = 'query Q($n: Int) { users(first: $n) { nodes { id } } }';
    expect(costs(q, { n: 7 }).Q).toBe(10 + 7);
    expect(costs(q, {}).Q).toBe(10 + 50);
  });

  it('prices `first: null`, literal or from a variable, as the 50 items it serves, not the 10 of a list without size', () => {
    expect(costs('query Q { users(first: null) { nodes { id } } }').Q).toBe(10 + 50);
    expect(costs('query Q($n: Int) { users(first: $n) { nodes { id } } }', { n: null }).Q).toBe(10 + 50);
    // The probe: users(first:null) > organizations > members(first:null) > organizations > members(first:null)
    const probe = '{ users(first: null) { nodes { organizations { members(first: null) { nodes { organizations { members(first: null) { nodes { id } } } } } } } } }';
    expect(Object.values(costs(probe))[0]).toBeGreaterThan(DEFAULT_DEMAND_LIMITS.maxCost);
  });

  it('counts a connection below a list once per distinct parent it can meet, and what it selects per row', () => {
    // 100 users share at most 20 directories (`workspaces` @listSize(assumedSize: 20)): members' @cost 10 counts 20 loads.
    const shared = costs('query Q { users(first: 100) { nodes { workspace { members(first: 1) { totalCount } } } } }').Q;
    expect(shared).toBe(10 + 100 * (1 + 2) + 20 * 10);
    // 5 users meet at most 5 directories: 5 loads.
    expect(costs('query Q { users(first: 5) { nodes { workspace { members(first: 1) { totalCount } } } } }').Q).toBe(10 + 5 * (1 + 2) + 5 * 10);
    // What members selects is answered per row: 100 rows of 3 users each.
    expect(costs('query Q { users(first: 100) { nodes { workspace { members(first: 3) { nodes { id } } } } } }').Q).toBe(10 + 100 * (1 + 2 + 3) + 20 * 10);
    // Companies, groups and roles have no such bound: as many loads as rows (a user names one company).
    expect(costs('query Q { users(first: 100) { nodes { organizations { members(first: 1) { totalCount } } } } }').Q).toBe(10 + 100 * (1 + 1 + 10));
  });

  it('sizes _entities by its representations', () => {
    const q = 'query Q($r: [_Any!]!) { _entities(representations: $r) { ... on User { id roles { id } } } }';
    expect(costs(q, { r: Array.from({ length: 40 }, () => ({})) }).Q).toBe(40 * (1 + 10 * 2));
  });

  it('lets every operation of the tests through at 100 items a page, and the 100-user page with every field', () => {
    const dir = resolve(__dirname, '../operations');
    for (const file of readdirSync(dir).filter((f) => f !== 'user-fields.graphql')) {
      const priced = costs(`${readFileSync(resolve(dir, file), 'utf8')}\n${EVERY_USER_FIELD}`, { first: 100, representations: Array.from({ length: 100 }, () => ({})) });
      for (const [name, cost] of Object.entries(priced)) expect([name, cost <= DEFAULT_DEMAND_LIMITS.maxCost]).toEqual([name, true]);
    }
    expect(costs(PAGE_OF_100_EVERY_FIELD).Page).toBe(14_511);
  });

  it('prices every abusive operation of the Protection table above the default limit', () => {
    const over = (q: string) => Object.values(costs(q))[0]! > DEFAULT_DEMAND_LIMITS.maxCost;
    expect(over(nestedRoles(5))).toBe(true);
    expect(over(nestedRoles(30))).toBe(true);
    expect(over(aliases(1000))).toBe(true);
    expect(over(GROUP_MEMBERS_FAN_OUT)).toBe(true);
  });

  it('walks a fragment used many times once', () => {
    const spreads = Array.from({ length: 200 }, () => '...F').join(' ');
    const cost = costs(`query Q { user(id: "x") { ${spreads} } } fragment F on User { roles { id } }`).Q;
    expect(cost).toBe(1 + 200 * 10 * 2);
  });
});
