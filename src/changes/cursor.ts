import { BadCursorError } from './types';

/**
 * A feed position: the log's epoch (a new in-memory log, or a wiped Redis, starts a new one, so an old cursor is
 * detected rather than silently skipping what it missed) and a Redis-stream style id `ms-seq`, both logs use.
 * Opaque to clients: base64url of `epoch:ms-seq`.
 */
export interface Position {
  epoch: string;
  ms: number;
  seq: number;
}

export function encodeCursor(position: Position): string {
  return Buffer.from(`${position.epoch}:${position.ms}-${position.seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  const text = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^([A-Za-z0-9]{1,64}):(\d{1,16})-(\d{1,16})$/.exec(text);
  if (!match) throw new BadCursorError();
  return { epoch: match[1] as string, ms: Number(match[2]), seq: Number(match[3]) };
}

/** Stream ids order by time, then sequence. */
export function compareIds(a: Pick<Position, 'ms' | 'seq'>, b: Pick<Position, 'ms' | 'seq'>): number {
  return a.ms - b.ms || a.seq - b.seq;
}

export function streamId(position: Pick<Position, 'ms' | 'seq'>): string {
  return `${position.ms}-${position.seq}`;
}

export function parseStreamId(id: string): { ms: number; seq: number } {
  const [ms, seq] = id.split('-');
  return { ms: Number(ms), seq: Number(seq ?? 0) };
}
