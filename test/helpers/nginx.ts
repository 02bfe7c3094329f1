import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findBinary, freePort } from '../../tools/system-binary';

export interface RunningNginx {
  url: string;
  /** What nginx logged at `warn` and above, e.g. a backend that refused a connection. */
  errorLog(): string;
  close(): Promise<void>;
}

export const nginxBinary = () => findBinary('nginx');

/**
 * Debian's nginx as a round-robin load balancer over loopback backends, with its own config in a temp dir. The
 * subgraph serves queries only, so a request a backend failed (refused, reset, 502/503) is safely replayed on
 * the other one (`non_idempotent`: GraphQL over POST).
 */
export async function startNginx(backendPorts: number[]): Promise<RunningNginx> {
  const binary = nginxBinary();
  if (!binary) throw new Error('nginx is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'identity-nginx-'));
  chmodSync(dir, 0o755); // nginx workers may run as another user
  const port = await freePort();
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_body_buffer_size 1m;
  proxy_max_temp_file_size 0;
  upstream identity {
${backendPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://identity;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
      proxy_next_upstream_tries ${backendPorts.length};
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`,
  );
  const child: ChildProcess = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${readFileSync(join(dir, 'error.log'), 'utf8').slice(-500)}`);
    try {
      await fetch(url, { method: 'HEAD' });
      break;
    } catch {
      if (performance.now() - started > 10_000) throw new Error('nginx did not start listening within 10 s');
      await sleep(25);
    }
  }
  return {
    url,
    errorLog: () => readFileSync(join(dir, 'error.log'), 'utf8'),
    close: async () => {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
