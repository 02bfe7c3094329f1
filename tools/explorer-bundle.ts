import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The offline explorer's browser files, bundled by esbuild from the ESM packages (GraphiQL, React, Monaco): run by
 * `npm run build` (`build:explorer`) and by the explorer's tests, served by src/explorer/assets.ts in development.
 * What it writes is all the page loads: nothing comes from node_modules or a CDN at run time, so `graphiql`, `react`
 * and `react-dom` are build-time (dev) dependencies and the production install holds none of them.
 */

/** The repository's root, from here or from dist/tools. */
function packageRoot(from = __dirname): string {
  return existsSync(join(from, 'package.json')) || dirname(from) === from ? from : packageRoot(dirname(from));
}

const ROOT = packageRoot();
const SOURCE = join(ROOT, 'src', 'explorer', 'browser');
/** Where the server looks for the files (src/explorer/assets.ts). */
export const EXPLORER_BUNDLE_DIR = join(ROOT, 'dist', 'explorer');

/** The page's script and style, and the Monaco workers it starts (by these names, next to it). */
const ENTRY_POINTS = {
  explorer: join(SOURCE, 'main.ts'),
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

/** Writes explorer.js, explorer.css and the workers into `outdir` (emptied first). */
export async function buildExplorerBundle(outdir = EXPLORER_BUNDLE_DIR): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: ENTRY_POINTS,
    outdir,
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Monaco's icon font: inside the stylesheet, so the page loads no font file (font-src data:).
    loader: { '.ttf': 'dataurl' },
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/** The newest modification time among the bundle's inputs: its sources and the installed packages' lock. */
function inputsChangedAt(): number {
  const files = [join(ROOT, 'package-lock.json'), ...readdirSync(SOURCE).map((name) => join(SOURCE, name))];
  return Math.max(...files.map((file) => statSync(file).mtimeMs));
}

/**
 * Builds the bundle unless one at least as new as its inputs is there (a few seconds when it builds), for tests
 * that run without `npm run build` first. Built aside and moved in, so parallel test workers never see half a bundle.
 */
export async function ensureExplorerBundle(outdir = EXPLORER_BUNDLE_DIR): Promise<void> {
  const script = join(outdir, 'explorer.js');
  if (existsSync(script) && statSync(script).mtimeMs >= inputsChangedAt()) return;
  const aside = `${outdir}.${process.pid}`;
  await buildExplorerBundle(aside);
  mkdirSync(dirname(outdir), { recursive: true });
  try {
    rmSync(outdir, { recursive: true, force: true });
    renameSync(aside, outdir);
  } catch {
    // Another worker moved its bundle in first: the same files.
    rmSync(aside, { recursive: true, force: true });
  }
}

if (require.main === module) {
  buildExplorerBundle().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
