import type { DestinationStream } from 'pino';

/**
 * Human-readable log lines for a developer's terminal (`LOG_PRETTY`), by pino-pretty. It is a development
 * dependency, so a production install (`npm ci --omit=dev`) does not carry it: there this answers `undefined` and
 * the lines stay JSON (the caller says why), which is what a log pipeline wants anyway.
 */
export function prettyStream(ignore: string): DestinationStream | undefined {
  let build: typeof import('pino-pretty');
  try {
    // Loaded on demand, never at start-up: the one development dependency the server may look for at run time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    build = require('pino-pretty') as typeof build;
  } catch {
    return undefined;
  }
  return build({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore });
}
