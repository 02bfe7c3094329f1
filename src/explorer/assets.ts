import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The explorer's browser files, bundled at build time (`npm run build:explorer`, tools/explorer-bundle.ts) into
 * dist/explorer/: GraphiQL, React and Monaco's workers as files of this server. Nothing is fetched from a CDN and
 * nothing is resolved from node_modules, so the product's install holds no browser package.
 */
interface Asset {
  contentType: string;
  body: Buffer;
}

const JS = 'text/javascript; charset=utf-8';
/** The bundle's files by served name: no other name, and no path, ever reaches the disk. */
const FILES: Record<string, string> = {
  'explorer.js': JS,
  'explorer.css': 'text/css; charset=utf-8',
  'editor.worker.js': JS,
  'json.worker.js': JS,
  'graphql.worker.js': JS,
};

/** The repository's root, from src/explorer or from dist/src/explorer. */
function packageRoot(from: string): string {
  return existsSync(join(from, 'package.json')) || dirname(from) === from ? from : packageRoot(dirname(from));
}

const BUNDLE_DIR = join(packageRoot(__dirname), 'dist', 'explorer');

/** Whether the bundle is there to serve (a development checkout that never ran `npm run build` has none). */
export function explorerBuilt(): boolean {
  return existsSync(join(BUNDLE_DIR, 'explorer.js'));
}

const loaded = new Map<string, Asset>();

/** The asset by its served name, read once; `undefined` for any other name or a file not built. */
export function explorerAsset(name: string): Asset | undefined {
  const contentType = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (!contentType) return undefined;
  let asset = loaded.get(name);
  if (!asset) {
    const file = join(BUNDLE_DIR, name);
    if (!existsSync(file)) return undefined;
    asset = { contentType, body: readFileSync(file) };
    loaded.set(name, asset);
  }
  return asset;
}
