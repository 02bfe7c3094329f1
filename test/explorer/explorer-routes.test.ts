import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { EXAMPLE_OPERATIONS } from '../../src/explorer/example-operations';
import { startStack, type Stack } from '../helpers/stack';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const WRITES = readFileSync(join(__dirname, '..', '..', 'docs', 'writes.md'), 'utf8');
const SDL = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the explorer examples', () => {
  it.each(EXAMPLE_OPERATIONS.map((op) => [op.title, op]))('%s is in the README (or docs/writes.md) and valid against the schema', (_title, op) => {
    // The docs show this operation verbatim.
    expect(squash(README).includes(squash(op.query)) || squash(WRITES).includes(squash(op.query))).toBe(true);
    const schema = buildSchema(SDL, { assumeValidSDL: true });
    expect(validate(schema, parse(op.query))).toEqual([]);
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
