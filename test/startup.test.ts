import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const ARGS = ['-r', './test/helpers/ts-register.cjs', 'src/main.ts'];
/** Only what a process needs to run: nothing of this machine's environment leaks into the settings. */
const BASE_ENV = { PATH: process.env.PATH ?? '' };

/** `npm start` as a process: what production refuses, and that it starts once told enough. */
describe('start-up', () => {
  it('production without its settings exits 1, naming them', () => {
    const run = spawnSync(process.execPath, ARGS, { cwd: ROOT, env: { ...BASE_ENV, NODE_ENV: 'production' }, encoding: 'utf8', timeout: 15_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Invalid configuration:');
    expect(run.stderr).toContain('V41_BASE_URL: required in production');
    expect(run.stderr).toContain('AUTH_JWKS_URL or ROUTER_SECRET: one is required in production');
    expect(run.stdout).not.toContain('ready');
  });

  it('production with the simulator and a router secret asked for on purpose starts, and says how it is guarded', async () => {
    const secret = 'router-secret-for-the-tests-0123456789';
    const child = spawn(process.execPath, ARGS, {
      cwd: ROOT,
      env: { ...BASE_ENV, NODE_ENV: 'production', V41_SIMULATOR: 'true', ROUTER_SECRET: secret, PORT: '0', HOST: '127.0.0.1', SIM_USERS: '20' },
    });
    let output = '';
    try {
      await new Promise<void>((ready, fail) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Access:')) ready();
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.once('exit', (code) => fail(new Error(`exited with ${code}: ${output}`)));
      });
      const url = /ready at ([^\s"]+)/.exec(output)![1]!; // in a JSON log line: the URL ends at the quote
      expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).status).toBe(401);
      expect(output).toContain('Access: only requests carrying the router-authorization secret.');
      expect(output).not.toContain(secret);
    } finally {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
    }
  }, 30_000);
});
