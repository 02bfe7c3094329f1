import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** A Node process the benchmark started, found by the URL it prints when ready. */
export interface Child {
  pid: number;
  url: string;
  /** SIGTERM, then SIGKILL if it has not exited within 5 s. */
  stop(): Promise<void>;
  /** The last of what it printed, for error messages. */
  output(): string;
}

/** The repository root: the benchmark runs compiled, from dist/bench. */
export const ROOT = resolve(__dirname, '..', '..');

const live = new Set<ChildProcess>();

/** Environment variables of the product and the simulator: children get only the ones the benchmark sets. */
const OWN_VARIABLES = /^(V41_|SIM_|CACHE_|AUTH_|PORT$|HOST$|NODE_ENV$|ROUTER_SECRET$|CORS_ORIGINS$|MAX_IN_FLIGHT$|MAX_QUEUE)/;

export function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !OWN_VARIABLES.test(name)));
  return { ...env, ...vars };
}

export interface StartOptions {
  /** Arguments after the script. */
  args?: string[];
  /** Working directory, relative to the root (the root unless given). */
  cwd?: string;
  /** Appended to the URL the ready line gives (e.g. `/graphql` when the line names the origin only). */
  urlSuffix?: string;
}

/** Starts `node <script>` (relative to the root) and resolves once a stdout line matches `ready` (group 1: URL). */
export function startNode(script: string, vars: Record<string, string>, ready: RegExp, nodeArgs: string[] = [], options: StartOptions = {}): Promise<Child> {
  const child = spawn(process.execPath, [...nodeArgs, resolve(ROOT, script), ...(options.args ?? [])], {
    cwd: resolve(ROOT, options.cwd ?? '.'),
    env: childEnv(vars),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8_000);
  };
  const exited = new Promise<void>((done) => child.once('exit', () => (live.delete(child), done())));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  let settled = false;
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => void stop().then(() => reject(new Error(`${script} did not become ready in 60 s:\n${output}`))), 60_000);
    child.stderr?.on('data', keep);
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk);
      const match = ready.exec(output);
      if (match?.[1] && !settled) {
        settled = true;
        clearTimeout(timer);
        resolvePromise({ pid: child.pid as number, url: `${match[1]}${options.urlSuffix ?? ''}`, stop, output: () => output });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}

/** Stops every child still running: on failure or Ctrl-C, nothing is left behind. */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** Runs `main`, always stopping the children; a failure exits 1 with its message. */
export function runMain(main: () => Promise<number | void>): void {
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  main()
    .then(
      async (code) => {
        await stopAll();
        process.exit(code ?? 0);
      },
      async (error: unknown) => {
        await stopAll();
        console.error(`\nFAILED: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    )
    .catch(() => process.exit(1));
}
