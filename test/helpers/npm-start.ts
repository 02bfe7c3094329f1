import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
/** The TypeScript sources, compiled on load (workers forked by `node:cluster` inherit the `-r`). */
const ARGS = ['-r', './test/helpers/ts-register.cjs', 'src/main.ts'];

/** `npm start` as a process of its own, with only the environment given (and PATH). */
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

export function startMain(env: Record<string, string>): StartedProcess {
  const child = spawn(process.execPath, ARGS, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
  };
  return { child, output: () => output, lines, waitFor, exited, kill };
}
