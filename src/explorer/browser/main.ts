/**
 * The explorer's browser code, bundled by esbuild at build time (`npm run build:explorer`, tools/explorer-bundle.ts)
 * into dist/explorer/: GraphiQL, React and Monaco's workers as files of this server, so the product installs no
 * browser package and the page runs under a CSP that admits only this host. Never loaded by Node.
 *
 * The page (src/explorer/page.ts) hands over what differs between sites as JSON in `#explorer-config`: the GraphQL
 * path and the example tabs. Before mounting, each distinct lookup query runs once and fills the variables that
 * need an id, so every tab runs as it opens; a lookup that fails leaves a variable saying why, in place of the id.
 */
import './explorer.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { ExplorerConfig, Lookup } from '../example-operations';

type TabDefinition = { query: string; variables?: string };

const WORKERS: Record<string, string> = { json: 'json.worker.js', graphql: 'graphql.worker.js' };

function assetUrl(name: string): string {
  return new URL(name, (document.currentScript as HTMLScriptElement | null)?.src ?? window.location.href).href;
}

const workerBase = assetUrl('./');
// Monaco asks this for a worker per language; ours are files next to this bundle (worker-src 'self').
window.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => new Worker(new URL(WORKERS[label] ?? 'editor.worker.js', workerBase)),
};

function valueAt(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value == null ? undefined : (value as Record<string, unknown>)[key]), data);
}

interface GraphQLBody {
  data?: unknown;
  errors?: { message: string }[];
}

/** Resolves a lookup: an instant from the clock, or a value from its query, each distinct query sent once. */
function lookups(url: string): (lookup: Lookup) => Promise<unknown> {
  const sent = new Map<string, Promise<GraphQLBody>>();
  return async (lookup) => {
    if ('fromNowMinutes' in lookup) return new Date(Date.now() + lookup.fromNowMinutes * 60_000).toISOString();
    let body = sent.get(lookup.query);
    if (!body) {
      body = fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: lookup.query }),
      }).then((res) => res.json() as Promise<GraphQLBody>);
      sent.set(lookup.query, body);
    }
    const answer = await body;
    const value = valueAt(answer.data, lookup.path);
    if (value == null) throw new Error(answer.errors?.[0]?.message ?? 'none found');
    return value;
  };
}

async function main(): Promise<void> {
  const config = JSON.parse(document.getElementById('explorer-config')?.textContent ?? '{}') as ExplorerConfig;
  const url = window.location.origin + config.graphqlPath;
  const lookUp = lookups(url);
  const tabs = await Promise.all(
    config.examples.map(async ({ query, variables: given, lookups }): Promise<TabDefinition> => {
      const variables: Record<string, unknown> = { ...given };
      await Promise.all(
        Object.entries(lookups ?? {}).map(async ([name, lookup]) => {
          try {
            variables[name] = await lookUp(lookup);
          } catch (error) {
            const by = 'query' in lookup ? lookup.query : 'the clock';
            variables[name] = `could not look up a value with ${by}: ${(error as Error).message}`;
          }
        }),
      );
      return Object.keys(variables).length ? { query, variables: JSON.stringify(variables, null, 2) } : { query };
    }),
  );
  const root = createRoot(document.getElementById('graphiql')!);
  root.render(createElement(GraphiQL, { fetcher: createGraphiQLFetcher({ url }), defaultTabs: tabs, defaultEditorToolsVisibility: true }));
}

void main();
