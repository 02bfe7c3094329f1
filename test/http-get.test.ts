import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStack, type Stack } from './helpers/stack';

/** docs/http.md: its GET example works as written, and the refusal it quotes is the one a bare GET gets. */
const DOC = readFileSync(join(__dirname, '..', 'docs', 'http.md'), 'utf8');

/** The doc's `curl -G` example as a request: its URL, its `-H` headers, its `--data-urlencode` parameters. */
function documentedGet(base: string): { url: string; headers: Record<string, string> } {
  const block = [...DOC.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!).find((text) => text.includes('curl -s -G'));
  if (!block) throw new Error('docs/http.md has no `curl -s -G` example');
  const command = block.replace(/\\\n\s*/g, ' ');
  const target = new URL(/curl -s -G (\S+)/.exec(command)![1]!);
  const url = new URL(target.pathname, base);
  for (const [, pair] of command.matchAll(/--data-urlencode '([^']*)'/g)) {
    const at = pair!.indexOf('=');
    url.searchParams.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
  const headers = Object.fromEntries([...command.matchAll(/-H '([^:]+): ([^']*)'/g)].map((m) => [m[1]!, m[2]!]));
  return { url: url.toString(), headers };
}

describe('GET requests, as docs/http.md shows them', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('the documented GET, with apollo-require-preflight, answers the query', async () => {
    const { url, headers } = documentedGet(stack.subgraph.url);
    expect(headers).toEqual({ 'apollo-require-preflight': 'true' });
    const response = await fetch(url, { headers });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { users: { totalCount: number; nodes: { name: string; username: string }[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.users.nodes).toHaveLength(3);
    expect(body.data.users.totalCount).toBe(stack.simulator.data.users.length);
  });

  it('the same GET without the header is the 400 the doc quotes', async () => {
    const { url } = documentedGet(stack.subgraph.url);
    const response = await fetch(url);
    expect(response.status).toBe(400);
    const quoted = /```text\n(.*)\n```/.exec(DOC)![1]!;
    expect(await response.text()).toContain(quoted);
  });

  it('a mutation by GET is refused as the doc says', async () => {
    const url = new URL('/graphql', stack.subgraph.url);
    url.searchParams.set('query', 'mutation { __typename }');
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(405);
    expect(await response.text()).toContain('GET requests only support query operations, not mutation operations');
  });
});
