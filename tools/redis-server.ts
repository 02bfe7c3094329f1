import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBinary, freePort } from './system-binary';

export interface RunningRedis {
  url: string;
  port: number;
  /** Stops the server (SIGKILL: an outage, not a shutdown); `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export const redisBinary = () => findBinary('redis-server');

/** Debian's redis-server on a free loopback port, with its own config in a temp dir: no persistence, bounded memory. */
export async function startRedis(): Promise<RunningRedis> {
  const binary = redisBinary();
  if (!binary) throw new Error('redis-server is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'identity-redis-'));
  const port = await freePort();
  const config = join(dir, 'redis.conf');
  writeFileSync(
    config,
    [`bind 127.0.0.1`, `port ${port}`, `dir ${dir}`, `save ""`, `appendonly no`, `daemonize no`, `maxmemory 256mb`, `maxmemory-policy allkeys-lru`].join('\n'),
  );
  let child: ChildProcess | undefined;

  const start = async () => {
    const started = spawn(binary, [config], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve();
      };
      started.stdout?.on('data', onData);
      started.stderr?.on('data', onData);
      started.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output.slice(-500)}`)));
    });
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
