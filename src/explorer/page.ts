import { EXAMPLE_OPERATIONS, type ExampleOperation, type ExplorerConfig } from './example-operations';

export const EXPLORER_PATH = '/explorer';

/** What one explorer shows: its page title and its example tabs. */
export interface ExplorerSite {
  title: string;
  examples: ExampleOperation[];
}

/** This subgraph's explorer. */
export const SUBGRAPH_EXPLORER: ExplorerSite = { title: 'Identity subgraph — offline explorer', examples: EXAMPLE_OPERATIONS };

/** Text inside HTML. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON inside a script: `<` escaped so no string can close the tag. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * What differs between sites, for the bundled script (src/explorer/browser/main.ts): the GraphQL path and the
 * tabs, as JSON the page carries (a data block, never run, so the CSP admits no inline script).
 */
export function explorerConfig(graphqlPath: string, site: ExplorerSite = SUBGRAPH_EXPLORER): ExplorerConfig {
  return { graphqlPath, examples: site.examples };
}

/**
 * The page's CSP: scripts, styles and workers are files of this server, queries go to this server only. Styles
 * also admit inline ones: GraphiQL's editor (Monaco) and its menus set their own at run time. Fonts are the
 * stylesheet's data: URLs.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Scripts and styles are files of this server ('self'): the page works offline and under a strict CSP. */
export function explorerHtml(graphqlPath: string, site: ExplorerSite = SUBGRAPH_EXPLORER): string {
  const base = `${EXPLORER_PATH}/assets`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(site.title)}</title>
  <link rel="stylesheet" href="${base}/explorer.css">
</head>
<body>
  <div id="graphiql">Loading the explorer…</div>
  <script type="application/json" id="explorer-config">${scriptJson(explorerConfig(graphqlPath, site))}</script>
  <script src="${base}/explorer.js"></script>
</body>
</html>
`;
}
