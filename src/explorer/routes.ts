import type { IncomingMessage, ServerResponse } from 'node:http';
import { explorerAsset, explorerBuilt } from './assets';
import { EXPLORER_CSP, EXPLORER_PATH, explorerHtml, SUBGRAPH_EXPLORER, type ExplorerSite } from './page';

export type { ExplorerSite } from './page';

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  res.writeHead(status, headers);
  res.end(body);
}

const text = (status: number, body: string) => (res: ServerResponse) =>
  send(res, status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, body);

const NOT_BUILT =
  'The explorer is not built: run `npm run build:explorer` (or `npm run build`), then reload.\n' +
  'It bundles GraphiQL into dist/explorer/, which this server serves.\n';

/**
 * `GET /explorer` (GraphiQL with the documented examples, or another site's) and its assets. Returns false for
 * paths it does not own, so the caller can answer them.
 */
export function serveExplorer(graphqlPath: string, req: IncomingMessage, res: ServerResponse, site: ExplorerSite = SUBGRAPH_EXPLORER): boolean {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (path !== EXPLORER_PATH && !path.startsWith(`${EXPLORER_PATH}/`)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    text(405, 'Method not allowed')(res);
    return true;
  }
  if (path === EXPLORER_PATH || path === `${EXPLORER_PATH}/`) {
    if (!explorerBuilt()) {
      text(503, NOT_BUILT)(res);
      return true;
    }
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': EXPLORER_CSP };
    send(res, 200, headers, explorerHtml(graphqlPath, site));
    return true;
  }
  const asset = path.startsWith(`${EXPLORER_PATH}/assets/`) ? explorerAsset(path.slice(`${EXPLORER_PATH}/assets/`.length)) : undefined;
  if (!asset) {
    text(404, 'Not found')(res);
    return true;
  }
  const headers = { 'content-type': asset.contentType, 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' };
  send(res, 200, headers, asset.body);
  return true;
}
