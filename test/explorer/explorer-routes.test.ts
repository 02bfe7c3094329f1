import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { EXAMPLE_OPERATIONS } from '../../src/explorer/example-operations';
import { startStack, type Stack } from '../helpers/stack';

// The README shows the first examples and docs/ the rest (explorer, access, writes): together they show every tab.
const DOCS = ['README.md', ...readdirSync(join(__dirname, '..', '..', 'docs')).filter((name) => name.endsWith('.md')).map((name) => join('docs', name))]
  .map((file) => readFileSync(join(__dirname, '..', '..', file), 'utf8'))
  .join('\n');
const SDL = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the explorer examples', () => {
  it.each(EXAMPLE_OPERATIONS.map((op) => [op.title, op]))('%s is in the docs and valid against the schema', (_title, op) => {
    expect(squash(DOCS).includes(squash(op.query))).toBe(true); // the docs show this operation verbatim
    const schema = buildSchema(SDL, { assumeValidSDL: true });
    expect(validate(schema, parse(op.query))).toEqual([]);
  });

  it.each(EXAMPLE_OPERATIONS.map((op) => [op.title, op]))('%s: every variable it declares is given or looked up by a valid query', (_title, op) => {
    const schema = buildSchema(SDL, { assumeValidSDL: true });
    const declared = [...op.query.matchAll(/\$(\w+)\s*:/g)].map((m) => m[1]);
    expect(declared.filter((name) => !(name! in (op.variables ?? {})) && !(name! in (op.lookups ?? {})))).toEqual([]);
    for (const lookup of Object.values(op.lookups ?? {})) {
      if (!('query' in lookup)) continue; // an instant relative to the page's opening: nothing to validate
      expect(validate(schema, parse(lookup.query))).toEqual([]);
      expect(lookup.query).toContain(lookup.path.split('.')[0]);
    }
  });
});

describe('/explorer routes', () => {
  let stack: Stack;
  afterEach(() => stack.close());

  it('development: the page and its assets come from this server, long-cached; other asset names are 404', async () => {
    stack = await startStack();
    const page = await fetch(`${stack.subgraph.url}/explorer`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//); // no CDN, nothing off this server
    for (const src of html.match(/\/explorer\/assets\/[\w.-]+/g)!) {
      const asset = await fetch(`${stack.subgraph.url}${src}`);
      expect([src, asset.status]).toEqual([src, 200]);
      await asset.arrayBuffer();
    }
    const script = await (await fetch(`${stack.subgraph.url}/explorer/assets/explorer.js`)).text();
    expect(script).toContain('PeopleOfOneCompany');
    expect((await fetch(`${stack.subgraph.url}/explorer/assets/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${stack.subgraph.url}/explorer/assets/graphiql.js`, { method: 'POST' })).status).toBe(405);
    const landing = await (await fetch(stack.subgraph.graphqlUrl, { headers: { accept: 'text/html' } })).text();
    expect(landing).toContain('<a href="/explorer">');
  });

  it('production: no explorer', async () => {
    stack = await startStack({ production: true });
    expect((await fetch(`${stack.subgraph.url}/explorer`)).status).toBe(404);
  });
});
