import { randomBytes } from 'node:crypto';
import type { ChangeLog, ChangeLogLimits } from './change-log';
import { compareIds, decodeCursor, encodeCursor } from './cursor';
import { applyDelta, type PollerState, type StateDelta } from './poller-state';
import { CursorExpiredError, type ChangeKindName, type ChangePage, type ChangeRecord, type StoredChange } from './types';

interface Entry extends StoredChange {
  ms: number;
  seq: number;
}

/**
 * The feed without Redis: an array in this process, trimmed by age and count. Its epoch is new on every start,
 * so a cursor from before a restart is CURSOR_EXPIRED rather than a quiet gap.
 */
export class MemoryChangeLog implements ChangeLog {
  readonly epoch = randomBytes(6).toString('hex');
  private entries: Entry[] = [];
  private last = { ms: 0, seq: 0 };
  /** The newest dropped position: a cursor before it has lost changes. */
  private dropped = { ms: 0, seq: 0 };
  private state: PollerState | undefined;
  private readonly listeners = new Set<(change: StoredChange) => void>();

  constructor(
    private readonly limits: ChangeLogLimits,
    private readonly now: () => number = Date.now,
  ) {}

  async append(records: readonly ChangeRecord[], state?: StateDelta): Promise<StoredChange[]> {
    const stored = records.map((record) => {
      const ms = Math.max(this.now(), this.last.ms);
      this.last = { ms, seq: ms === this.last.ms ? this.last.seq + 1 : 0 };
      const entry: Entry = { ...record, ...this.last, cursor: encodeCursor({ epoch: this.epoch, ...this.last }) };
      this.entries.push(entry);
      return entry;
    });
    if (state) this.state = applyDelta(this.state, state);
    this.trim();
    for (const change of stored) for (const listener of this.listeners) listener(publicChange(change as Entry));
    return stored.map((change) => publicChange(change as Entry));
  }

  async read(after: string | undefined, limit: number, kinds?: ReadonlySet<ChangeKindName>): Promise<ChangePage> {
    this.trim();
    const from = after === undefined ? { ms: 0, seq: 0, inclusive: true } : { ...this.position(after), inclusive: false };
    let index = this.entries.findIndex((entry) => (from.inclusive ? compareIds(entry, from) >= 0 : compareIds(entry, from) > 0));
    if (index < 0) index = this.entries.length;
    const changes: StoredChange[] = [];
    let endCursor = after ?? encodeCursor({ epoch: this.epoch, ...this.dropped });
    for (; index < this.entries.length && changes.length < limit; index += 1) {
      const entry = this.entries[index] as Entry;
      endCursor = entry.cursor;
      if (!kinds || kinds.has(entry.kind)) changes.push(publicChange(entry));
    }
    return { changes, endCursor };
  }

  async newestCursor(): Promise<string> {
    return encodeCursor({ epoch: this.epoch, ...this.last });
  }

  async loadState(): Promise<PollerState | undefined> {
    return this.state;
  }

  listen(listener: (change: StoredChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }

  /** A cursor of this log that has lost nothing after it. */
  private position(cursor: string): { ms: number; seq: number } {
    const position = decodeCursor(cursor);
    if (position.epoch !== this.epoch || compareIds(position, this.dropped) < 0 || compareIds(position, this.last) > 0) throw new CursorExpiredError();
    return position;
  }

  private trim(): void {
    const oldest = this.now() - this.limits.retentionMs;
    let drop = Math.max(0, this.entries.length - this.limits.maxEntries);
    while (drop < this.entries.length && (this.entries[drop] as Entry).ms < oldest) drop += 1;
    if (drop === 0) return;
    const lastDropped = this.entries[drop - 1] as Entry;
    this.dropped = { ms: lastDropped.ms, seq: lastDropped.seq };
    this.entries = this.entries.slice(drop);
  }
}

function publicChange({ cursor, kind, userId, at, roleId }: StoredChange): StoredChange {
  return roleId === undefined ? { cursor, kind, userId, at } : { cursor, kind, userId, at, roleId };
}
