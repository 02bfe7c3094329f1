import { EXAMPLE_OPERATIONS } from './example-operations';

export const EXPLORER_PATH = '/explorer';

/** JSON inside a script: `<` escaped so no string can close the tag. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The script that mounts GraphiQL: one tab per example operation, queries sent to the subgraph's own /graphql. */
export function explorerScript(graphqlPath: string): string {
  const tabs = EXAMPLE_OPERATIONS.map(({ query, variables }) => ({ query, variables }));
  return `(function () {
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + ${scriptJson(graphqlPath)} });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultTabs: ${scriptJson(tabs)}, defaultEditorToolsVisibility: true }));
})();
`;
}

/** Scripts and styles are files of this server ('self'): the page works offline and under a strict CSP. */
export function explorerHtml(): string {
  const base = EXPLORER_PATH;
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Identity subgraph — offline explorer</title>
  <link rel="stylesheet" href="${base}/assets/graphiql.css">
  <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading the explorer…</div>
  <script src="${base}/assets/react.js"></script>
  <script src="${base}/assets/react-dom.js"></script>
  <script src="${base}/assets/graphiql.js"></script>
  <script src="${base}/assets/explorer.js"></script>
</body>
</html>
`;
}
