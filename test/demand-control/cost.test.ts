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
  });

  it('reads `first` from variables, and its default (50) when omitted', () => {
    const q = 'query Q($n: Int) { users(first: $n) { nodes { id } } }';
    expect(costs(q, { n: 7 }).Q).toBe(10 + 7);
    expect(costs(q, {}).Q).toBe(10 + 50);
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
