import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { ChangeLog, ChangeLogLimits } from './change-log';
import { compareIds, decodeCursor, encodeCursor, parseStreamId, streamId } from './cursor';
import type { KnownUser, PollerMeta, PollerState, StateDelta } from './poller-state';
import { CHANGE_KINDS, CursorExpiredError, type ChangeKindName, type ChangePage, type ChangeRecord, type StoredChange } from './types';

export interface RedisChangeLogOptions extends ChangeLogLimits {
  url: string;
  keyPrefix: string;
  /** Longest wait for one command. */
  timeoutMs: number;
  now?: () => number;
  /** Where a failing follower reports (never the URL). */
  warn: (message: string) => void;
}

type StreamEntry = [id: string, fields: string[]];

const STATE_CHUNK = 1_000;
const BLOCK_MS = 2_000;

/**
 * The feed in Redis, shared by every replica and kept across restarts: a stream (`XADD … MAXLEN`, trimmed by age
 * with `XTRIM MINID`) whose entry ids are the cursors, and beside it the poller's state, written in the same
 * `MULTI` as the changes it produced. A cursor is expired when Redis dropped an entry after it
 * (`max-deleted-entry-id`, Redis 7), or when it comes from another epoch (the stream was wiped).
 */
export class RedisChangeLog implements ChangeLog {
  private readonly redis: Redis;
  private follower: Redis | undefined;
  private readonly listeners = new Set<(change: StoredChange) => void>();
  private readonly now: () => number;
  private epoch: Promise<string> | undefined;
  private closing = false;
  private following: Promise<void> | undefined;

  constructor(private readonly options: RedisChangeLogOptions) {
    this.now = options.now ?? Date.now;
    this.redis = new Redis(options.url, { maxRetriesPerRequest: 1, commandTimeout: options.timeoutMs, enableOfflineQueue: true, lazyConnect: false });
    this.redis.on('error', () => undefined); // each failed command rejects by itself; the poller logs it
  }

  private key(name: string): string {
    return `${this.options.keyPrefix}:changes:${name}`;
  }

  /** This stream's epoch: set once per stream by whichever replica comes first. */
  private currentEpoch(): Promise<string> {
    this.epoch ??= (async () => {
      await this.redis.set(this.key('epoch'), randomBytes(6).toString('hex'), 'NX');
      return (await this.redis.get(this.key('epoch'))) as string;
    })().catch((error: unknown) => {
      this.epoch = undefined;
      throw error;
    });
    return this.epoch;
  }

  async append(records: readonly ChangeRecord[], state?: StateDelta): Promise<StoredChange[]> {
    const epoch = await this.currentEpoch();
    const stream = this.key('stream');
    const multi = this.redis.multi();
    for (const record of records) {
      const fields = ['kind', record.kind, 'user', record.userId, 'at', String(record.at), ...(record.roleId ? ['role', record.roleId] : [])];
      multi.xadd(stream, 'MAXLEN', '=', String(this.options.maxEntries), '*', ...fields);
    }
    multi.xtrim(stream, 'MINID', '=', String(Math.max(0, this.now() - this.options.retentionMs)));
    if (state) this.writeState(multi, state);
    const results = (await multi.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed) throw failed[0] as Error;
    return records.map((record, i) => ({ ...record, cursor: encodeCursor({ epoch, ...parseStreamId(String(results[i]?.[1])) }) }));
  }

  private writeState(multi: ReturnType<Redis['multi']>, delta: StateDelta): void {
    const users = this.key('poller:users');
    multi.set(this.key('poller:meta'), JSON.stringify(delta.meta));
    if (delta.replaceAll) multi.del(users);
    const upserts = [...(delta.replaceAll ?? []), ...delta.upserts];
    for (let i = 0; i < upserts.length; i += STATE_CHUNK) {
      multi.hset(users, ...upserts.slice(i, i + STATE_CHUNK).flatMap(([id, user]) => [id, JSON.stringify(user)]));
    }
    for (let i = 0; i < delta.removals.length; i += STATE_CHUNK) multi.hdel(users, ...delta.removals.slice(i, i + STATE_CHUNK));
  }

  async loadState(): Promise<PollerState | undefined> {
    const meta = await this.redis.get(this.key('poller:meta'));
    if (!meta) return undefined;
    const users = new Map<string, KnownUser>();
    const stream = this.redis.hscanStream(this.key('poller:users'), { count: STATE_CHUNK });
    for await (const chunk of stream as AsyncIterable<string[]>) {
      for (let i = 0; i + 1 < chunk.length; i += 2) users.set(chunk[i] as string, JSON.parse(chunk[i + 1] as string) as KnownUser);
    }
    return { meta: JSON.parse(meta) as PollerMeta, users };
  }

  async read(after: string | undefined, limit: number, kinds?: ReadonlySet<ChangeKindName>): Promise<ChangePage> {
    const epoch = await this.currentEpoch();
    const info = await this.info();
    let start = after === undefined ? '-' : `(${streamId(this.check(after, epoch, info))}`;
    let endCursor = after ?? encodeCursor({ epoch, ...info.dropped });
    const changes: StoredChange[] = [];
    // Filtered kinds may leave a batch short: read on until the page is full or the stream ends.
    for (;;) {
      const batch = (await this.redis.xrange(this.key('stream'), start, '+', 'COUNT', Math.max(limit - changes.length, 1) + 50)) as StreamEntry[];
      for (const [id, fields] of batch) {
        if (changes.length >= limit) return { changes, endCursor };
        const change = toChange(epoch, id, fields);
        endCursor = change.cursor;
        if (change && (!kinds || kinds.has(change.kind))) changes.push(change);
      }
      const last = batch.at(-1);
      if (!last || changes.length >= limit) return { changes, endCursor };
      start = `(${last[0]}`;
    }
  }

  async newestCursor(): Promise<string> {
    const epoch = await this.currentEpoch();
    return encodeCursor({ epoch, ...(await this.info()).last });
  }

  private check(cursor: string, epoch: string, info: StreamInfo): { ms: number; seq: number } {
    const position = decodeCursor(cursor);
    if (position.epoch !== epoch || compareIds(position, info.dropped) < 0 || compareIds(position, info.last) > 0) throw new CursorExpiredError();
    return position;
  }

  private async info(): Promise<StreamInfo> {
    try {
      const flat = (await this.redis.xinfo('STREAM', this.key('stream'))) as unknown[];
      const field = (name: string) => String(flat[flat.indexOf(name) + 1] ?? '0-0');
      return { last: parseStreamId(field('last-generated-id')), dropped: parseStreamId(field('max-deleted-entry-id')) };
    } catch (error) {
      if (error instanceof Error && /no such key/i.test(error.message)) return { last: { ms: 0, seq: 0 }, dropped: { ms: 0, seq: 0 } };
      throw error;
    }
  }

  listen(listener: (change: StoredChange) => void): () => void {
    this.listeners.add(listener);
    this.following ??= this.follow();
    return () => this.listeners.delete(listener);
  }

  /** One blocking reader per process (its own connection: a blocked one cannot serve other commands). */
  private async follow(): Promise<void> {
    const follower = new Redis(this.options.url, { maxRetriesPerRequest: null });
    follower.on('error', () => undefined);
    this.follower = follower;
    let last = '$';
    let warned = false;
    while (!this.closing) {
      try {
        const epoch = await this.currentEpoch();
        const reply = (await follower.xread('BLOCK', BLOCK_MS, 'STREAMS', this.key('stream'), last)) as [string, StreamEntry[]][] | null;
        warned = false;
        for (const [, entries] of reply ?? []) {
          for (const [id, fields] of entries) {
            last = id;
            const change = toChange(epoch, id, fields);
            for (const listener of this.listeners) listener(change);
          }
        }
      } catch (error) {
        if (this.closing) break;
        if (!warned) this.options.warn(`Following the change feed in Redis failed (${error instanceof Error ? error.message : String(error)}); retrying.`);
        warned = true;
        await new Promise((resolve) => setTimeout(resolve, 500).unref());
      }
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    this.listeners.clear();
    this.follower?.disconnect();
    await this.following;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

interface StreamInfo {
  last: { ms: number; seq: number };
  dropped: { ms: number; seq: number };
}

function toChange(epoch: string, id: string, fields: string[]): StoredChange {
  const value = (name: string) => {
    const i = fields.indexOf(name);
    return i >= 0 && i % 2 === 0 ? fields[i + 1] : undefined;
  };
  const kind = value('kind') as ChangeKindName;
  const roleId = value('role');
  const change: StoredChange = {
    cursor: encodeCursor({ epoch, ...parseStreamId(id) }),
    kind: CHANGE_KINDS.includes(kind) ? kind : 'UPDATED',
    userId: value('user') ?? '',
    at: Number(value('at') ?? 0),
  };
  if (roleId) change.roleId = roleId;
  return change;
}
