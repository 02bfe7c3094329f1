import { EXAMPLE_OPERATIONS, type ExampleOperation } from './example-operations';

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
 * The script that mounts GraphiQL: one tab per example operation, queries sent to the subgraph's own /graphql.
 * Before it mounts, it runs each distinct lookup query once and fills the variables that need an id, so every
 * tab runs as it opens; a lookup that fails leaves a variable saying why, in place of the id.
 */
export function explorerScript(graphqlPath: string, site: ExplorerSite = SUBGRAPH_EXPLORER): string {
  const examples = site.examples.map(({ query, variables, lookups }) => ({ query, variables: variables ?? {}, lookups: lookups ?? {} }));
  return `(function () {
  var url = window.location.origin + ${scriptJson(graphqlPath)};
  var fetcher = GraphiQL.createFetcher({ url: url });
  var examples = ${scriptJson(examples)};
  var lookedUp = {};
  function valueAt(data, path) {
    return path.split('.').reduce(function (value, key) { return value == null ? undefined : value[key]; }, data);
  }
  function lookUp(lookup) {
    if (lookup.fromNowMinutes !== undefined) return Promise.resolve(new Date(Date.now() + lookup.fromNowMinutes * 60000).toISOString());
    if (!lookedUp[lookup.query]) {
      lookedUp[lookup.query] = fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: lookup.query }),
      }).then(function (res) { return res.json(); });
    }
    return lookedUp[lookup.query].then(function (body) {
      var value = valueAt(body.data, lookup.path);
      if (value == null) throw new Error(body.errors && body.errors[0] ? body.errors[0].message : 'none found');
      return value;
    });
  }
  function tab(example) {
    var variables = Object.assign({}, example.variables);
    var names = Object.keys(example.lookups);
    return Promise.all(names.map(function (name) {
      var lookup = example.lookups[name];
      return lookUp(lookup).then(
        function (value) { variables[name] = value; },
        function (error) { variables[name] = 'could not look up a value with ' + lookup.query + ': ' + error.message; }
      );
    })).then(function () {
      return Object.keys(variables).length ? { query: example.query, variables: JSON.stringify(variables, null, 2) } : { query: example.query };
    });
  }
  Promise.all(examples.map(tab)).then(function (tabs) {
    var root = ReactDOM.createRoot(document.getElementById('graphiql'));
    root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultTabs: tabs, defaultEditorToolsVisibility: true }));
  });
})();
`;
}

/** Scripts and styles are files of this server ('self'): the page works offline and under a strict CSP. */
export function explorerHtml(site: ExplorerSite = SUBGRAPH_EXPLORER): string {
  const base = EXPLORER_PATH;
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(site.title)}</title>
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
