import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { EXAMPLE_OPERATIONS } from '../../src/explorer/example-operations';
import { ensureExplorerBundle } from '../../tools/explorer-bundle';
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

  it('development: the page and its bundled assets come from this server under a strict CSP, long-cached; other asset names are 404', async () => {
    await ensureExplorerBundle(); // what `npm run build` writes into dist/explorer (seconds when it must build)
    stack = await startStack();
    const page = await fetch(`${stack.subgraph.url}/explorer`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const csp = page.headers.get('content-security-policy')!;
    for (const directive of ["default-src 'none'", "script-src 'self'", "worker-src 'self'", "connect-src 'self'"]) expect(csp).toContain(directive);
    expect(csp).not.toMatch(/https?:|unsafe-eval/); // nothing off this host, no eval
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//); // no CDN, nothing off this server
    // The tabs travel as JSON in the page (a data block, not a script the CSP would have to admit).
    const config = JSON.parse(/<script type="application\/json" id="explorer-config">(.*?)<\/script>/s.exec(html)![1]!) as {
      graphqlPath: string;
      examples: { query: string }[];
    };
    expect(config.graphqlPath).toBe('/graphql');
    expect(config.examples.map((e) => e.query)).toEqual(EXAMPLE_OPERATIONS.map((e) => e.query));
    expect(html).not.toMatch(/<script>/); // no inline script
    const assets = ['explorer.js', 'explorer.css', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js'];
    expect(html.match(/\/explorer\/assets\/[\w.-]+/g)!.sort()).toEqual(['/explorer/assets/explorer.css', '/explorer/assets/explorer.js']);
    for (const name of assets) {
      const asset = await fetch(`${stack.subgraph.url}/explorer/assets/${name}`);
      expect([name, asset.status, asset.headers.get('cache-control')]).toEqual([name, 200, 'public, max-age=3600']);
      expect((await asset.text()).length).toBeGreaterThan(1000);
    }
    expect((await fetch(`${stack.subgraph.url}/explorer/assets/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${stack.subgraph.url}/explorer/assets/constructor`)).status).toBe(404);
    expect((await fetch(`${stack.subgraph.url}/explorer/assets/explorer.js`, { method: 'POST' })).status).toBe(405);
    const landing = await (await fetch(stack.subgraph.graphqlUrl, { headers: { accept: 'text/html' } })).text();
    expect(landing).toContain('<a href="/explorer">');
  });

  it('production: no explorer', async () => {
    stack = await startStack({ production: true });
    expect((await fetch(`${stack.subgraph.url}/explorer`)).status).toBe(404);
  });
});
