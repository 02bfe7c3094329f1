import { startStack, type Stack } from '../helpers/stack';

type Row = { id: string; members: { totalCount: number } | null };

/**
 * A connection below a list is read once per distinct parent and arguments, not once per row
 * (datasources/loaders/connection-loader.ts), counted on the simulator's request counter. Each case compares
 * the nested query with the same parents asked one by one: the nested query costs its own page plus each
 * distinct parent's connection once.
 */
describe('connections below a list: one load per distinct parent', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  async function counted(query: string): Promise<{ data: Record<string, unknown>; calls: number }> {
    stack.resetCalls();
    const response = await stack.query<Record<string, unknown>, undefined>(query);
    expect(response.errors).toBeUndefined();
    return { data: response.data!, calls: stack.calls().total };
  }

  it.each([
    ['workspace', 'workspace', (p: string) => `workspace { ${p} }`],
    ['organizations', 'organization', (p: string) => `organizations { ${p} }`],
    ['groups', 'group', (p: string) => `groups { ${p} }`],
    ['roles', 'role', (p: string) => `roles { ${p} }`],
  ])('users(first: 100) → %s → members(first: 1): each distinct parent read once', async (_, single, nested) => {
    const rows = (data: Record<string, unknown>): Row[] =>
      (data.users as { nodes: Record<string, Row | Row[] | null>[] }).nodes.flatMap((n) => Object.values(n).flat()).filter((r): r is Row => r !== null);
    const query = `{ users(first: 100) { nodes { ${nested('id members(first: 1) { totalCount }')} } } }`;
    await counted(query); // warm the shared cache (roles, directories, membership index) so both sides start alike
    const withMembers = await counted(query);
    const parentsOnly = await counted(`{ users(first: 100) { nodes { ${nested('id')} } } }`);
    const found = rows(withMembers.data);
    const distinct = [...new Map(found.map((r) => [r.id, r])).values()];
    expect(found.length).toBeGreaterThan(distinct.length); // rows share parents, or the case proves nothing
    let oneByOne = 0;
    for (const parent of distinct) {
      const alone = await counted(`{ ${single}(id: ${JSON.stringify(parent.id)}) { members(first: 1) { totalCount } } }`);
      const bare = await counted(`{ ${single}(id: ${JSON.stringify(parent.id)}) { id } }`);
      expect((alone.data[single] as Row).members).toEqual(parent.members); // each row answers its parent's own count
      oneByOne += alone.calls - bare.calls;
    }
    expect(withMembers.calls).toBe(parentsOnly.calls + oneByOne);
  });
});
