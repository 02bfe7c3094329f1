import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createServer } from 'node:net';

/** The executable's path, looking in PATH and the sbin folders Debian installs daemons into; undefined if absent. */
export function findBinary(name: string): string | undefined {
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const folder of folders.filter(Boolean)) {
    const candidate = join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * A loopback port free right now, for daemons that cannot report an ephemeral port back (redis-server, nginx).
 * Another process could take it before the daemon binds it; the daemon then fails to start and says so.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
