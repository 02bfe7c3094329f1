import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A browser file shipped inside an installed package: nothing is fetched from a CDN. */
interface Asset {
  contentType: string;
  body: Buffer;
}

function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

const FILES: Record<string, [pkg: string, file: string, contentType: string]> = {
  'react.js': ['react', 'umd/react.production.min.js', 'text/javascript; charset=utf-8'],
  'react-dom.js': ['react-dom', 'umd/react-dom.production.min.js', 'text/javascript; charset=utf-8'],
  'graphiql.js': ['graphiql', 'graphiql.min.js', 'text/javascript; charset=utf-8'],
  'graphiql.css': ['graphiql', 'graphiql.min.css', 'text/css; charset=utf-8'],
};

const loaded = new Map<string, Asset>();

/** The asset by its served name, read once; `undefined` for any other name (no path ever reaches the disk). */
export function explorerAsset(name: string): Asset | undefined {
  const spec = FILES[name];
  if (!spec) return undefined;
  let asset = loaded.get(name);
  if (!asset) {
    const [pkg, file, contentType] = spec;
    asset = { contentType, body: readFileSync(packageFile(pkg, file)) };
    loaded.set(name, asset);
  }
  return asset;
}
