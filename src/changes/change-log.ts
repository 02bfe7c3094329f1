import type { PollerState, StateDelta } from './poller-state';
import type { ChangeKindName, ChangePage, ChangeRecord, StoredChange } from './types';

/**
 * Where the feed lives: in this process (bounded, lost on restart) or in Redis (a stream every replica reads, kept
 * across restarts). Both keep changes for the retention and at most `maxEntries` of them, and both answer a
 * cursor whose successors were dropped with `CursorExpiredError`, never with a silent gap.
 */
export interface ChangeLog {
  /**
   * Appends changes in the order given, and (the poller) the state they came from, in one step: either both
   * are stored or neither.
   */
  append(records: readonly ChangeRecord[], state?: StateDelta): Promise<StoredChange[]>;
  /** Up to `limit` changes after `after` (from the oldest kept when absent), only `kinds` when given. */
  read(after: string | undefined, limit: number, kinds?: ReadonlySet<ChangeKindName>): Promise<ChangePage>;
  /** The newest change's cursor (a cursor of the empty feed when there is none): "from now on". */
  newestCursor(): Promise<string>;
  /** The poller's state, as the last append stored it. */
  loadState(): Promise<PollerState | undefined>;
  /** Every change appended from now on, by any replica, in feed order. Returns the unsubscribe function. */
  listen(listener: (change: StoredChange) => void): () => void;
  close(): Promise<void>;
}

export interface ChangeLogLimits {
  retentionMs: number;
  maxEntries: number;
}
