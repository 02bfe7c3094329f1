import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

describe('/explorer without a bundle', () => {
  it('answers 503 naming the command that builds it (a checkout that never ran npm run build)', async () => {
    // The bundle's absence, for a fresh copy of the routes only: the other suites share dist/explorer.
    const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
    const existsSync = (path: string) => !String(path).includes('/dist/explorer') && fs.existsSync(path);
    let routes!: typeof import('../../src/explorer/routes');
    jest.isolateModules(() => {
      jest.doMock('node:fs', () => ({ ...fs, existsSync }));
      routes = jest.requireActual<typeof import('../../src/explorer/routes')>('../../src/explorer/routes');
    });
    const server = createServer((req, res) => routes.serveExplorer('/graphql', req, res) || res.writeHead(404).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const page = await fetch(`${base}/explorer`);
      expect([page.status, await page.text()]).toEqual([503, expect.stringContaining('npm run build:explorer')]);
      expect((await fetch(`${base}/explorer/assets/explorer.js`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      jest.dontMock('node:fs');
    }
  });
});
