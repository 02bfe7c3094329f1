import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..', '..');

/** What the Dockerfile's runtime stage copies from the build stage: the compiled server and nothing else. */
export const RUNTIME_DIST_DIRS = ['dist/src', 'dist/datasources', 'dist/resolvers'] as const;

export interface ProductionCopy {
  /** package.json, package-lock.json, `dist/` and production `node_modules/`, readable by everyone. */
  dir: string;
  remove(): void;
}

/**
 * The Dockerfile's two stages replayed without Docker: the build stage's `npm run build` (here `tsc` into a
 * temporary directory, so the working tree's dist/ is left alone), then the runtime stage's install of
 * production dependencies only (`npm ci --omit=dev`) next to the compiled server. npm's cache makes the
 * install quick where this machine installed the same lock before (`--prefer-offline`: no registry round trip
 * for what the cache holds); the registry is asked for the rest.
 */
export async function prepareProductionCopy(): Promise<ProductionCopy> {
  const dir = mkdtempSync(join(tmpdir(), 'production-copy-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    // mkdtemp makes it private to this user; the non-root user of the runtime stage must read it.
    chmodSync(dir, 0o755);
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(ROOT, file), join(dir, file));
    // The install needs only the package files, so it runs while tsc compiles (both take 10-30 s).
    const install = run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      // npm's own settings and cache (HOME) only; nothing of the test run's npm_* lifecycle variables.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir },
      maxBuffer: 16 * 1024 * 1024,
    });
    const build = join(dir, 'build');
    const compile = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', build, '--sourceMap', 'false'], {
      cwd: ROOT,
    });
    // Both finish before anything is judged, so a failed one never leaves the other writing into a removed directory.
    const failed = (await Promise.allSettled([install, compile])).find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    for (const sub of RUNTIME_DIST_DIRS) {
      mkdirSync(join(dir, sub), { recursive: true });
      await run('cp', ['-R', `${join(build, sub.slice('dist/'.length))}/.`, join(dir, sub)]);
    }
    rmSync(build, { recursive: true, force: true });
    // Whatever this machine's umask, the runtime user reads everything and writes nothing (as in the image).
    await run('chmod', ['-R', 'a+rX,go-w', dir]);
    return { dir, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
