import type { IncomingMessage, ServerResponse } from 'node:http';
import { explorerAsset } from './assets';
import { EXPLORER_PATH, explorerHtml, explorerScript, SUBGRAPH_EXPLORER, type ExplorerSite } from './page';

export type { ExplorerSite } from './page';

function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer, cache: string): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': cache });
  res.end(body);
}

/**
 * `GET /explorer` (GraphiQL with the documented examples, or another site's) and its assets. Returns false for
 * paths it does not own, so the caller can answer them.
 */
export function serveExplorer(graphqlPath: string, req: IncomingMessage, res: ServerResponse, site: ExplorerSite = SUBGRAPH_EXPLORER): boolean {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (path !== EXPLORER_PATH && !path.startsWith(`${EXPLORER_PATH}/`)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', 'no-store');
    return true;
  }
  if (path === EXPLORER_PATH || path === `${EXPLORER_PATH}/`) {
    send(res, 200, 'text/html; charset=utf-8', explorerHtml(site), 'no-store');
    return true;
  }
  const name = path.slice(`${EXPLORER_PATH}/assets/`.length);
  if (path.startsWith(`${EXPLORER_PATH}/assets/`) && name === 'explorer.js') {
    send(res, 200, 'text/javascript; charset=utf-8', explorerScript(graphqlPath, site), 'no-store');
    return true;
  }
  const asset = path.startsWith(`${EXPLORER_PATH}/assets/`) ? explorerAsset(name) : undefined;
  if (!asset) {
    send(res, 404, 'text/plain; charset=utf-8', 'Not found', 'no-store');
    return true;
  }
  send(res, 200, asset.contentType, asset.body, 'public, max-age=3600');
  return true;
}
