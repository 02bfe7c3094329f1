import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../tools/system-binary';

/** The frontend example: its own package, installed by `npm ci --prefix examples/frontend` (.ci/run does). */
export const FRONTEND_DIR = resolve(__dirname, '..', '..', 'examples', 'frontend');
const VITE = join(FRONTEND_DIR, 'node_modules', 'vite', 'bin', 'vite.js');

export const frontendInstalled = existsSync(VITE);

export interface ServedFrontend {
  url: string;
  close(): Promise<void>;
}

/**
 * What `npm run frontend` does, into a temporary folder: `npm run build` (typecheck, then `vite build`), then
 * `vite preview` on a free loopback port with `/graphql` forwarded to the given subgraph.
 */
export async function buildAndServeFrontend(subgraphUrl: string): Promise<ServedFrontend> {
  if (!frontendInstalled) throw new Error(`${VITE} not found: install the frontend example (npm ci --prefix examples/frontend)`);
  const outDir = mkdtempSync(join(tmpdir(), 'frontend-dist-'));
  await promisify(execFile)('npm', ['run', 'build', '--', '--outDir', outDir, '--emptyOutDir'], { cwd: FRONTEND_DIR, timeout: 120_000 });
  const port = await freePort();
  // vite itself rather than `npm run preview`, so that killing it ends the server and not only npm. Vite allows
  // one preview per project unless told otherwise; this one has its own folder and port, so a developer's
  // `npm run frontend` may keep running beside the test.
  const args = [VITE, 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--bypass-lock'];
  const child = spawn(process.execPath, args, {
    cwd: FRONTEND_DIR,
    env: { ...process.env, SUBGRAPH_URL: subgraphUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(outDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`vite preview exited (${child.exitCode}):\n${output}`);
    }
    const answer = await fetch(url).then((response) => response.ok, () => false);
    if (answer) return { url, close };
    if (Date.now() > deadline) {
      await close();
      throw new Error(`vite preview did not answer on ${url} within 30 s:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}
