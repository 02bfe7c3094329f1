import pino, { type DestinationStream, type Logger } from 'pino';
import { prettyStream } from './pretty-stream';
import { scrubText, scrubValue } from './redaction';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  level: LogLevel;
  /** Human-readable lines instead of JSON: for a developer's terminal, never for a log pipeline. */
  pretty?: boolean;
  /** Where lines go; standard output unless given (tests pass a stream to read them back). */
  destination?: DestinationStream;
  /** Which `node:cluster` worker writes (its id, from 1): every line says so, beside the pid. */
  worker?: number;
}

/**
 * The process logger: one JSON object per line, secrets censored by key at any depth and scrubbed from every
 * string (messages, error texts, URLs) by the `log` formatter, so a careless call site cannot leak one.
 */
export function createLogger({ level, pretty: human = false, destination, worker }: LoggerOptions): Logger {
  const prettyLines = destination === undefined && human ? prettyStream(worker === undefined ? 'pid,hostname' : 'hostname') : undefined;
  const stream = destination ?? prettyLines;
  const options: pino.LoggerOptions = {
    level,
    // With WEB_CONCURRENCY > 1 several processes write one stream: pid and worker tell their lines apart.
    base: { service: 'privx-identity-subgraph', pid: process.pid, ...(worker === undefined ? {} : { worker }) },
    serializers: { err: pino.stdSerializers.err },
    formatters: {
      level: (label) => ({ level: label }),
      log: (record) => scrubValue(record) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>);
      },
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  const logger = stream ? pino(options, stream) : pino(options);
  if (human && destination === undefined && prettyLines === undefined) {
    logger.warn('LOG_PRETTY is on, but pino-pretty (a development dependency) is not installed: log lines stay JSON');
  }
  return logger;
}

/** For tests and tools that start a subgraph without wanting its logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
