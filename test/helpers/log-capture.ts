import { Writable } from 'node:stream';
import { createLogger, type Logger, type LogLevel } from '../../src/observability';

export interface LogCapture {
  logger: Logger;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
  /** The raw text written so far. */
  text(): string;
}

/** A real pino logger (redaction and all) writing JSON lines into memory. */
export function captureLogs(level: LogLevel = 'debug'): LogCapture {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ level, destination });
  const text = () => chunks.join('');
  return {
    logger,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
