import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
/** The TypeScript sources, compiled on load (workers forked by `node:cluster` inherit the `-r`). */
const ARGS = ['-r', './test/helpers/ts-register.cjs', 'src/main.ts'];

/** A started process (`npm start` or the server itself) and what it printed. */
export interface StartedProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Its JSON log lines so far. */
  lines(): Record<string, unknown>[];
  /** Resolves once the output matches (checked on every chunk), rejects if it exits first or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Resolves with its exit code (or signal) once it has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL if still running (tests' cleanup). */
  kill(): Promise<void>;
}

/** `npm start` from the TypeScript sources: the server's own process (no npm in between). */
export function startMain(env: Record<string, string>): StartedProcess {
  return startProcess(process.execPath, ARGS, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
}

/**
 * The real `npm start` of the package in `cwd` (built, e.g. a production copy), with only the environment given
 * (and PATH and HOME, which npm reads its settings from).
 */
export function startNpm(cwd: string, env: Record<string, string>): StartedProcess {
  return startProcess('npm', ['start'], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, ...env }, group: true });
}

interface ProcessOptions extends Pick<SpawnOptions, 'cwd' | 'env' | 'uid' | 'gid'> {
  /**
   * Its own process group, which `kill()` ends whole: a signal to npm that does not reach its child would
   * otherwise leave the server running after the test.
   */
  group?: boolean;
}

/** Any command, its output collected (see `StartedProcess`). */
export function startProcess(command: string, args: string[], { group = false, ...options }: ProcessOptions): StartedProcess {
  const child = spawn(command, args, { ...options, detached: group, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const watchers = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const check of watchers) check();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const lines = () =>
    output.split('\n').flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<RegExpExecArray>((found, fail) => {
      const timer = setTimeout(() => finish(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output.slice(-3_000)}`)), timeoutMs);
      const check = () => {
        const match = pattern.exec(output);
        if (match) finish(undefined, match);
      };
      const finish = (error?: Error, match?: RegExpExecArray) => {
        clearTimeout(timer);
        watchers.delete(check);
        if (match) found(match);
        else fail(error);
      };
      void exited.then(({ code, signal }) => finish(new Error(`exited (${code ?? signal}) before ${pattern}:\n${output.slice(-3_000)}`)));
      watchers.add(check);
      check();
    });
  const kill = async () => {
    if (group && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
    }
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
  };
  return { child, output: () => output, lines, waitFor, exited, kill };
}
